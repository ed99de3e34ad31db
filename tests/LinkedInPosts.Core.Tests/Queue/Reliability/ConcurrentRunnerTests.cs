using Xunit.Abstractions;

namespace LinkedInPosts.Core.Tests.Queue.Reliability;

/// <summary>
/// Overlapping scheduled runs, end to end: four real runner processes start on one queue file at the same
/// moment and publish to the sandbox over real HTTP. Every post must be claimed by one of them and reach
/// the sandbox exactly once.
/// </summary>
public sealed class ConcurrentRunnerTests
{
    private const int Posts = 200;
    private const int Runners = 4;

    private readonly ITestOutputHelper _output;

    public ConcurrentRunnerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Four_runner_processes_at_once_publish_each_due_post_exactly_once_each_claimed_by_one_runner()
    {
        await using var setup = await SandboxQueue.StartAsync();
        setup.RegisterDue(Posts);
        // No run dies here, so leases can be long: on a loaded machine a short one could run out under a live
        // runner, which would then skip the post (correctly, but this test is about claims that do not expire).
        var runners = Enumerable.Range(0, Runners)
            .Select(i => setup.StartRunner("runner-" + i, readBack: i % 2 == 0, batch: 5, lease: TimeSpan.FromMinutes(2), timeout: TimeSpan.FromSeconds(30)))
            .ToList();
        try
        {
            await Task.WhenAll(runners.Select(r => r.Ready)).WaitAsync(TimeSpan.FromSeconds(30));
            // All four are warm and waiting; they start within microseconds of each other.
            foreach (var runner in runners)
            {
                runner.Go();
            }
            foreach (var runner in runners)
            {
                var exit = await runner.WaitForExitAsync(TimeSpan.FromSeconds(60));
                Assert.True(exit == 0, $"{runner.RunnerId} exited {exit}:\n{runner.Describe()}");
            }

            var publishedBy = new Dictionary<string, List<string>>();
            foreach (var runner in runners)
            {
                foreach (var fields in runner.ResultFields)
                {
                    // No run died, so there is nothing to settle by evidence and nothing to retry.
                    Assert.True(fields[3] == "Published" && fields[6] == "direct", $"{runner.RunnerId}: {string.Join(" ", fields)}");
                    if (!publishedBy.TryGetValue(fields[2], out var by))
                    {
                        publishedBy[fields[2]] = by = new List<string>();
                    }
                    by.Add(runner.RunnerId);
                }
            }
            var perRunner = runners.Select(r => r.ResultFields.Count).ToList();
            _output.WriteLine("published per runner: " + string.Join(", ", perRunner));
            var twice = publishedBy.Where(p => p.Value.Count > 1).Select(p => p.Key + " by " + string.Join(", ", p.Value)).ToList();
            Assert.True(twice.Count == 0, "Reported by more than one runner: " + string.Join("; ", twice));
            Assert.Equal(Posts, publishedBy.Count);
            Assert.True(perRunner.Count(n => n > 0) >= 2, "The runs did not overlap (published per runner: " + string.Join(", ", perRunner) + ")");

            await setup.AssertEachPostOnceAndRecordedAsync(Posts, "four runners");

            // The queue's own record: one attempt per post, Published, by the runner that reported it.
            using var raw = setup.Queue.Raw();
            Assert.Equal((long)Posts, TestQueue.Scalar(raw, "SELECT count(*) FROM attempts;"));
            Assert.Equal(0L, TestQueue.Scalar(raw, "SELECT count(*) FROM attempts WHERE outcome <> 'Published';"));
            Assert.Equal(0L, TestQueue.Scalar(raw, "SELECT count(*) FROM posts WHERE attempts <> 1;"));
            using var command = raw.CreateCommand();
            command.CommandText = "SELECT p.key, a.runner FROM attempts a JOIN posts p ON p.id = a.post_id;";
            using var reader = command.ExecuteReader();
            var disagree = new List<string>();
            while (reader.Read())
            {
                var key = reader.GetString(0);
                var runner = reader.GetString(1);
                if (publishedBy[key].Single() != runner)
                {
                    disagree.Add($"{key}: attempt by {runner}, reported by {publishedBy[key].Single()}");
                }
            }
            Assert.True(disagree.Count == 0, string.Join("; ", disagree));
        }
        finally
        {
            foreach (var runner in runners)
            {
                runner.Dispose();
            }
        }
    }
}
