using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// The fault matrix: each row arms the sandbox's fault injection for a post's calls, runs the queue once and
/// checks the post's state, the error id, the attempt rows, and that LinkedIn holds the post at most once. A row
/// whose create got no clear answer leaves the post Sending, awaiting evidence; the faults cleared, a run after its
/// lease settles it (<see cref="Row.Later"/>), and LinkedIn then holds it exactly once.
/// </summary>
public sealed class RunnerFaultMatrixTests
{
    /// <summary>The client gives up on a call after this; the slow faults take longer.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMilliseconds(1500);

    private const int Slow = 4000;

    public sealed record Row(
        string Name,
        SandboxFault[] Faults,
        QueuePostOutcome Outcome,
        QueueState State,
        string? ErrorId,
        AttemptOutcome[] Attempts,
        int PostsOnLinkedIn,
        bool ReadBack = false,
        bool WithImage = false,
        bool ResolvedByEvidence = false,
        int? RetryAfterSeconds = null,
        Settled? Later = null)
    {
        public override string ToString() => Name;
    }

    /// <summary>What the first run after the post's evidence lease, with the faults cleared, makes of it.</summary>
    public sealed record Settled(AttemptOutcome[] Attempts, bool ResolvedByEvidence);

    private const string Unknown = "LinkedInPostOutcomeUnknown";

    private static SandboxFault Create(int? status = null, SandboxDrop drop = SandboxDrop.None, int delay = 0, int count = 1, int? retryAfter = null) =>
        new() { Method = "POST", Path = "/rest/posts", Status = status, Drop = drop, DelayMilliseconds = delay, Count = count, RetryAfterSeconds = retryAfter };

    private const string ExpiredBody = "{\"status\":401,\"serviceErrorCode\":65602,\"code\":\"EXPIRED_ACCESS_TOKEN\",\"message\":\"The token used in the request has expired\"}";

    public static TheoryData<Row> Rows() => new()
    {
        new Row("429 with Retry-After", new[] { Create(429, retryAfter: 120) },
            QueuePostOutcome.Retrying, QueueState.Pending, "LinkedInThrottled", new[] { AttemptOutcome.Retry }, 0, RetryAfterSeconds: 120),
        new Row("429 without Retry-After (daily limit)", new[] { Create(429) },
            QueuePostOutcome.Retrying, QueueState.Pending, "LinkedInThrottled", new[] { AttemptOutcome.Retry }, 0),
        new Row("500 once: the client's one resend creates it", new[] { Create(500) },
            QueuePostOutcome.Published, QueueState.Published, null, new[] { AttemptOutcome.Published }, 1),
        new Row("502 once", new[] { Create(502) },
            QueuePostOutcome.Published, QueueState.Published, null, new[] { AttemptOutcome.Published }, 1),
        new Row("503 twice: awaits evidence; later the resend creates it", new[] { Create(503, count: 2) },
            QueuePostOutcome.Retrying, QueueState.Sending, Unknown, new[] { AttemptOutcome.Unknown }, 0,
            Later: new Settled(new[] { AttemptOutcome.Unknown, AttemptOutcome.Published }, false)),
        new Row("503 twice: awaits evidence; later the read-back finds nothing and it is sent", new[] { Create(503, count: 2) },
            QueuePostOutcome.Retrying, QueueState.Sending, Unknown, new[] { AttemptOutcome.Unknown }, 0, ReadBack: true,
            Later: new Settled(new[] { AttemptOutcome.Unknown, AttemptOutcome.Retry, AttemptOutcome.Published }, false)),
        new Row("5xx on the image upload, before any create", new[] { new SandboxFault { Method = "POST", Path = "/rest/images", Status = 502, Count = 2 } },
            QueuePostOutcome.Retrying, QueueState.Pending, "LinkedInServerError", new[] { AttemptOutcome.Retry }, 0, WithImage: true),
        new Row("503 with Retry-After on the image upload: due again at its end, not after the backoff",
            new[] { new SandboxFault { Method = "POST", Path = "/rest/images", Status = 503, RetryAfterSeconds = 600 } },
            QueuePostOutcome.Retrying, QueueState.Pending, "LinkedInServerError", new[] { AttemptOutcome.Retry }, 0, WithImage: true, RetryAfterSeconds: 600),
        new Row("503 twice with Retry-After: awaits evidence until its end; later the resend creates it", new[] { Create(503, count: 2, retryAfter: 600) },
            QueuePostOutcome.Retrying, QueueState.Sending, Unknown, new[] { AttemptOutcome.Unknown }, 0, RetryAfterSeconds: 600,
            Later: new Settled(new[] { AttemptOutcome.Unknown, AttemptOutcome.Published }, false)),
        new Row("timeout once: the resend creates it", new[] { Create(delay: Slow) },
            QueuePostOutcome.Published, QueueState.Published, null, new[] { AttemptOutcome.Published }, 1),
        new Row("timeout twice, stored once: awaits evidence; later the duplicate check names it", new[] { Create(delay: Slow, count: 2) },
            QueuePostOutcome.Retrying, QueueState.Sending, Unknown, new[] { AttemptOutcome.Unknown }, 1,
            Later: new Settled(new[] { AttemptOutcome.Unknown, AttemptOutcome.Published }, true)),
        new Row("dropped before store", new[] { Create(drop: SandboxDrop.BeforeStore) },
            QueuePostOutcome.Published, QueueState.Published, null, new[] { AttemptOutcome.Published }, 1),
        new Row("dropped after store: the duplicate check names it", new[] { Create(drop: SandboxDrop.AfterStore) },
            QueuePostOutcome.Published, QueueState.Published, null, new[] { AttemptOutcome.Published }, 1),
        new Row("dropped after store, resend 503: awaits evidence; later the read-back finds it", new[] { Create(drop: SandboxDrop.AfterStore), Create(503) },
            QueuePostOutcome.Retrying, QueueState.Sending, Unknown, new[] { AttemptOutcome.Unknown }, 1, ReadBack: true,
            Later: new Settled(new[] { AttemptOutcome.Unknown, AttemptOutcome.Published }, true)),
        new Row("dropped after store, resend 503, no read-back: awaits evidence; later the duplicate check names it", new[] { Create(drop: SandboxDrop.AfterStore), Create(503) },
            QueuePostOutcome.Retrying, QueueState.Sending, Unknown, new[] { AttemptOutcome.Unknown }, 1,
            Later: new Settled(new[] { AttemptOutcome.Unknown, AttemptOutcome.Published }, true)),
        new Row("401 expired token", new[] { new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 401, Body = ExpiredBody } },
            QueuePostOutcome.Held, QueueState.Pending, "LinkedInAuthExpired", new[] { AttemptOutcome.Retry }, 0),
        new Row("426 sunset version", new[] { Create(426) },
            QueuePostOutcome.Held, QueueState.Pending, "LinkedInVersionNotActive", new[] { AttemptOutcome.Retry }, 0),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_fault_ends_in_the_right_state_with_its_error_and_attempts_and_never_a_second_post(Row row)
    {
        await using var world = await RunnerHarness.StartAsync(row.ReadBack, o => o.RequestTimeout = RequestTimeout);
        var content = row.WithImage ? new MediaContent(MediaReference.FromFile(world.Png("fault.png"))) : null;
        world.Register("post", "Fault matrix: " + row.Name, content: content);
        foreach (var fault in row.Faults)
        {
            await world.Admin.AddFaultAsync(fault);
        }

        var report = await world.RunAsync();
        if (row.Faults.Any(f => f.DelayMilliseconds > 0))
        {
            await Task.Delay(Slow + 500); // the slow request is still handled after the client gave up
        }

        var result = Assert.Single(report.Posts);
        Assert.Equal(row.Outcome, result.Outcome);
        Assert.Equal(row.State, result.State);
        Assert.Equal(row.State, world.Get("post").State);
        Assert.Equal(row.ErrorId, result.ErrorId);
        Assert.Equal(row.ResolvedByEvidence, result.ResolvedByEvidence);
        var attempts = world.Attempts("post");
        Assert.Equal(row.Attempts, attempts.Select(a => a.Outcome));
        Assert.All(attempts, a => Assert.NotNull(a.FinishedAt));
        if (row.ErrorId != null)
        {
            Assert.Equal(row.ErrorId, attempts[^1].ErrorId);
            Assert.False(string.IsNullOrWhiteSpace(result.Message));
        }

        var posts = await world.PostsOnceAsync();
        Assert.Equal(row.PostsOnLinkedIn, posts.Count);
        Assert.True(await world.CreateCallsAsync() <= 2, "a create is sent at most twice: the try and the client's one check");
        if (row.State == QueueState.Published)
        {
            Assert.Equal(Assert.Single(posts).Urn, result.PostUrn);
            Assert.Equal(result.PostUrn, attempts[^1].PostUrn);
        }
        else
        {
            Assert.Null(world.Get("post").PostUrn);
        }
        if (row.Outcome == QueuePostOutcome.Retrying && row.RetryAfterSeconds is { } seconds)
        {
            Assert.Equal(world.Now.AddSeconds(seconds), result.NextAttemptAt);
            Assert.Equal(result.NextAttemptAt, row.State == QueueState.Sending ? world.Get("post").LeaseUntil : world.Get("post").DueAtUtc);
        }
        else if (row.ErrorId == "LinkedInThrottled")
        {
            Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), result.NextAttemptAt);
        }
        if (row.Outcome == QueuePostOutcome.Held)
        {
            var problem = Assert.Single(report.ConnectionProblems);
            Assert.Equal((row.ErrorId, 1), (problem.Error.ErrorId, problem.PostsHeld));
            Assert.Equal(world.Now, world.Get("post").DueAtUtc); // due again, as it was
        }
        if (row.Later is { } later)
        {
            await SettlesExactlyOnceLaterAsync(world, result, later, waitedForRetryAfter: row.RetryAfterSeconds.HasValue);
        }
    }

    /// <summary>
    /// A post awaiting evidence: not a person's job (no attention needed), nothing sent while its lease lasts
    /// (the backoff after one failed attempt, 1 to 2 minutes, or LinkedIn's Retry-After, checked by the row); after
    /// it, with the faults gone, one run settles it Published, and the sandbox holds it exactly once.
    /// </summary>
    private static async Task SettlesExactlyOnceLaterAsync(RunnerHarness world, QueuePostResult waiting, Settled later, bool waitedForRetryAfter)
    {
        Assert.False(waiting.NeedsAttention);
        Assert.Contains("not sent again blindly", waiting.Message);
        var stored = world.Get("post");
        Assert.Equal(stored.LeaseUntil, waiting.NextAttemptAt);
        var next = waiting.NextAttemptAt!.Value;
        if (!waitedForRetryAfter)
        {
            Assert.InRange(next, world.Now.AddMinutes(1), world.Now.AddMinutes(2));
        }
        Assert.Equal(waiting.Message, stored.LastError);

        var calls = await world.CreateCallsAsync();
        world.Queue.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty((await world.RunAsync()).Posts);
        Assert.Equal(calls, await world.CreateCallsAsync());

        await world.Admin.ClearFaultsAsync();
        world.Queue.Clock.Advance(next - world.Now + TimeSpan.FromSeconds(1));
        var settled = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal((QueuePostOutcome.Published, QueueState.Published), (settled.Outcome, settled.State));
        Assert.Equal(later.ResolvedByEvidence, settled.ResolvedByEvidence);
        Assert.Equal(later.Attempts, world.Attempts("post").Select(a => a.Outcome));
        var post = Assert.Single(await world.PostsOnceAsync());
        Assert.Equal(post.Urn, settled.PostUrn);
        Assert.Equal(post.Urn, world.Get("post").PostUrn);
        Assert.Equal(post.Urn, world.Attempts("post")[^1].PostUrn);

        world.Queue.Clock.Advance(TimeSpan.FromHours(2));
        calls = await world.CreateCallsAsync();
        Assert.Empty((await world.RunAsync()).Posts);
        Assert.Equal(calls, await world.CreateCallsAsync());
    }
}
