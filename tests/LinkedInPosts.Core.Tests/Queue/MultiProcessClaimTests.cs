using System.Diagnostics;
using LinkedInPosts.Core.Queue;
using Xunit.Abstractions;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// Overlapping runs, for real: several runner processes (tests/LinkedInPosts.QueueProbe) claim and publish
/// from one queue file at the same moment, as Task Scheduler or cron runs that overlap would.
/// </summary>
public sealed class MultiProcessClaimTests : IDisposable
{
    private readonly TestQueue _queue = new();
    private readonly ITestOutputHelper _output;

    public MultiProcessClaimTests(ITestOutputHelper output) => _output = output;

    private readonly List<TaskCompletionSource> _ready = new();

    public void Dispose() => _queue.Dispose();

    /// <summary>Waits for the probe's "ready" line in the background, then returns the rest of its output.</summary>
    private Task<string> ReadAfterReady(Process process)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ready.Add(ready);
        return Task.Run(async () =>
        {
            var first = await process.StandardOutput.ReadLineAsync();
            if (first == "ready")
            {
                ready.TrySetResult();
            }
            else
            {
                ready.TrySetException(new InvalidOperationException("The probe did not get ready: " + first + await process.StandardOutput.ReadToEndAsync()));
            }
            return await process.StandardOutput.ReadToEndAsync();
        });
    }

    [Fact]
    public async Task Four_processes_claiming_500_due_posts_at_once_take_every_post_exactly_once()
    {
        const int Posts = 500;
        const int Runners = 4;
        var registered = _queue.RegisterMany(Posts, DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Equal(Posts, registered.Count(r => r.Outcome == RegistrationOutcome.Added));
        _queue.Close();
        var go = Path.Combine(_queue.DataFolder, "go");

        var probe = Path.Combine(AppContext.BaseDirectory, "LinkedInPosts.QueueProbe.dll");
        Assert.True(File.Exists(probe), "The queue probe was not built next to the tests: " + probe);
        var runs = new List<(Process Process, Task<string> Output, Task<string> Error)>();
        for (var i = 0; i < Runners; i++)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { probe, "claim", _queue.QueuePath, "runner-" + i, "5", go })
            {
                info.ArgumentList.Add(argument);
            }
            var process = Process.Start(info)!;
            runs.Add((process, ReadAfterReady(process), process.StandardError.ReadToEndAsync()));
        }
        // Once every probe has opened the queue and waits, all start claiming at the same moment.
        using (var ready = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await Task.WhenAll(_ready.Select(r => r.Task)).WaitAsync(ready.Token);
        }
        File.WriteAllText(go, "go");

        var claimedBy = new Dictionary<long, List<string>>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var perRunner = new List<int>();
        for (var i = 0; i < Runners; i++)
        {
            var (process, output, error) = runs[i];
            await process.WaitForExitAsync(timeout.Token);
            var text = await output;
            Assert.True(process.ExitCode == 0, $"runner-{i} exited {process.ExitCode}: {text}\n{await error}");
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.DoesNotContain(lines, line => line.StartsWith("lost ", StringComparison.Ordinal) || line.StartsWith("refused ", StringComparison.Ordinal));
            var ids = lines.Where(line => line.StartsWith("claimed ", StringComparison.Ordinal)).Select(line => long.Parse(line.Substring(8))).ToList();
            Assert.Equal("done " + ids.Count, lines[^1]);
            perRunner.Add(ids.Count);
            foreach (var id in ids)
            {
                if (!claimedBy.TryGetValue(id, out var runners))
                {
                    claimedBy[id] = runners = new List<string>();
                }
                runners.Add("runner-" + i);
            }
            process.Dispose();
        }

        _output.WriteLine("claims per runner: " + string.Join(", ", perRunner));
        var twice = claimedBy.Where(pair => pair.Value.Count > 1).Select(pair => pair.Key + " by " + string.Join(", ", pair.Value)).ToList();
        Assert.True(twice.Count == 0, "Claimed more than once: " + string.Join("; ", twice));
        Assert.Equal(registered.Select(r => r.Id!.Value).OrderBy(id => id), claimedBy.Keys.OrderBy(id => id));
        Assert.True(perRunner.Count(n => n > 0) >= 2, "The runs did not overlap (claims per runner: " + string.Join(", ", perRunner) + ")");

        var store = _queue.Reopen();
        Assert.Equal(new Dictionary<QueueState, int> { [QueueState.Published] = Posts }, store.CountByState());
        using var raw = _queue.Raw();
        Assert.Equal((long)Posts, TestQueue.Scalar(raw, "SELECT count(*) FROM attempts WHERE outcome = 'Published';"));
        Assert.Equal(0L, TestQueue.Scalar(raw, "SELECT count(*) FROM posts WHERE attempts <> 1;"));
    }
}
