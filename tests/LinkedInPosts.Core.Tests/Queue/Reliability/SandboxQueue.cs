using LinkedInPosts.Core.Queue;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Reliability;

/// <summary>
/// What the reliability tests share: a sandbox in this process on real time (the runner processes use the
/// real clock too), one member allowed to post and to read their posts back, daily limits out of the way,
/// and a real queue file with posts of that member that are all due now.
/// </summary>
internal sealed class SandboxQueue : IAsyncDisposable
{
    /// <summary>
    /// Short, so a dead run's posts come back within seconds; the create call's timeout stays below it, and is
    /// long enough that a loaded machine (2 cores, several builds) does not turn a slow answer into an unknown outcome.
    /// </summary>
    public static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan ShortLeaseTimeout = TimeSpan.FromMilliseconds(3500);

    private SandboxQueue(SandboxServer sandbox, SandboxMember member, string token)
    {
        Sandbox = sandbox;
        Member = member;
        Token = token;
    }

    public SandboxServer Sandbox { get; }

    public SandboxMember Member { get; }

    public string Token { get; }

    public TestQueue Queue { get; } = new();

    public static async Task<SandboxQueue> StartAsync()
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions());
        var member = await sandbox.Admin.CreateMemberAsync("Reliability");
        var token = await sandbox.Admin.CreateTokenAsync(member.Urn, ["w_member_social", "r_member_social"]);
        // Resends and read-backs by the resolvers count too; 150 a day would throttle the test, not test it.
        await sandbox.Admin.SetLimitsAsync(memberDailyLimit: 100_000, appDailyLimit: 1_000_000);
        return new SandboxQueue(sandbox, member, token);
    }

    /// <summary>The commentary of post <paramref name="i"/>: distinct, so each can be counted in the sandbox.</summary>
    public static string Text(int i) => $"Reliability post {i:D4}: shipped and measured";

    /// <summary>Registers <paramref name="count"/> posts due over the last hours (well within MaxLateness), then closes the file.</summary>
    public void RegisterDue(int count)
    {
        var from = DateTimeOffset.UtcNow.AddHours(-5);
        var posts = Enumerable.Range(0, count)
            .Select(i => TestQueue.Post("r" + i.ToString("D4"), from.AddSeconds(i), Text(i), connection: "work", author: Member.Urn))
            .ToList();
        var results = Queue.Store.RegisterBatch(posts);
        Assert.Equal(count, results.Count(r => r.Outcome == RegistrationOutcome.Added));
        Queue.Close();
    }

    public RunnerProcess StartRunner(string runnerId, bool readBack, int batch = 10, TimeSpan? lease = null, TimeSpan? timeout = null) =>
        RunnerProcess.Start(Queue.QueuePath, Sandbox.BaseUri, Member.Urn, Token, runnerId, lease ?? ShortLease, timeout ?? ShortLeaseTimeout,
            batch, readBack, untilSettled: true);

    /// <summary>key, state and post URN of every post in the queue file, read with a connection of the test's own.</summary>
    public IReadOnlyList<(string Key, string State, string? Urn)> QueueRows()
    {
        using var raw = Queue.Raw();
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT key, state, post_urn FROM posts ORDER BY key;";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return rows;
    }

    /// <summary>
    /// The checks both tests end with: the sandbox holds each of the <paramref name="count"/> commentaries exactly
    /// once (and nothing else), and the queue shows every post Published with the URN the sandbox gave it.
    /// </summary>
    public async Task AssertEachPostOnceAndRecordedAsync(int count, string context)
    {
        var stored = (await Sandbox.Admin.GetPostsAsync()).Where(p => !p.Deleted).ToList();
        var byText = stored.GroupBy(p => p.SentCommentary).ToDictionary(g => g.Key, g => g.Select(p => p.Urn).ToList());
        var twice = byText.Where(g => g.Value.Count > 1).Select(g => $"{g.Key} x{g.Value.Count}").ToList();
        Assert.True(twice.Count == 0, $"Posted more than once ({context}): {string.Join("; ", twice)}");
        var expected = Enumerable.Range(0, count).Select(Text).ToHashSet();
        var missing = expected.Where(t => !byText.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, $"Never posted ({context}): {string.Join("; ", missing.Take(10))}");
        var foreign = byText.Keys.Where(t => !expected.Contains(t)).ToList();
        Assert.True(foreign.Count == 0, $"Posts nobody queued ({context}): {string.Join("; ", foreign.Take(10))}");
        Assert.Equal(count, stored.Count);

        var rows = QueueRows();
        Assert.Equal(count, rows.Count);
        var wrong = new List<string>();
        foreach (var (key, state, urn) in rows)
        {
            var text = Text(int.Parse(key.Substring(1), System.Globalization.CultureInfo.InvariantCulture));
            var sandboxUrn = byText[text].Single();
            if (state != nameof(QueueState.Published) || urn != sandboxUrn)
            {
                wrong.Add($"{key}: {state} {urn ?? "(no urn)"}, sandbox has {sandboxUrn}");
            }
        }
        Assert.True(wrong.Count == 0, $"Queue and sandbox disagree ({context}): {string.Join("; ", wrong.Take(20))}");
    }

    public async ValueTask DisposeAsync()
    {
        Queue.Dispose();
        await Sandbox.DisposeAsync();
    }
}
