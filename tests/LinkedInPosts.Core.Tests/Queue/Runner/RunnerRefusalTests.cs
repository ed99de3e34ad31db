using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// Answers that must not cost a post more than they say: a 429 whose Retry-After is 0 or absurd, a connection
/// LinkedIn refuses at the door, a DUPLICATE_POST that names no post, and a failure before any create call.
/// </summary>
public sealed class RunnerRefusalTests
{
    private const string DuplicateWithoutUrn = "{\"status\":422,\"code\":\"DUPLICATE_POST\",\"message\":\"Content is a duplicate\"}";

    private static SandboxFault Create(int status, int? retryAfter = null, string? body = null) =>
        new() { Method = "POST", Path = "/rest/posts", Status = status, RetryAfterSeconds = retryAfter, Body = body, Count = 1 };

    [Theory]
    [InlineData(0, 60)]                 // Retry-After: 0 waits the shortest retry, 1 minute by default
    [InlineData(31_536_000, 86_400)]    // a year is held to a day: LinkedIn's limits reset daily
    public async Task A_429s_wait_is_kept_between_the_shortest_retry_and_a_day(int retryAfter, int expectedSeconds)
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("post", "Throttled with Retry-After " + retryAfter, world.Now.AddSeconds(-2));
        world.Register("other", "The same member's next post", world.Now.AddSeconds(-1));
        await world.Admin.AddFaultAsync(Create(429, retryAfter));

        var report = await world.RunAsync();

        var result = Assert.Single(report.Posts, p => p.Key == "post");
        Assert.Equal(QueuePostOutcome.Retrying, result.Outcome);
        Assert.Equal(world.Now.AddSeconds(expectedSeconds), result.NextAttemptAt);
        // One try, not the run claiming it again at once until MaxAttempts is spent; the member's next post waits too.
        Assert.Equal(1, world.Get("post").Attempts);
        Assert.Equal(1, await world.CreateCallsAsync());
        Assert.Equal(QueuePostOutcome.Deferred, Assert.Single(report.Posts, p => p.Key == "other").Outcome);
    }

    [Fact]
    public async Task A_create_refused_for_an_expired_token_is_an_attempt_that_does_not_count_so_runs_of_a_broken_connection_spend_no_budget()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("post", "Waits for a fixed connection");
        const string expired = "{\"status\":401,\"serviceErrorCode\":65602,\"code\":\"EXPIRED_ACCESS_TOKEN\",\"message\":\"The token used in the request has expired\"}";

        for (var run = 0; run < 6; run++)
        {
            await world.Admin.AddFaultAsync(Create(401, body: expired));
            var report = await world.RunAsync();
            Assert.Equal(QueuePostOutcome.Held, Assert.Single(report.Posts).Outcome);
            Assert.Equal("LinkedInAuthExpired", Assert.Single(report.ConnectionProblems).Error.ErrorId);
            world.Queue.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        // One attempt row per try, each refused for the connection, none counted against MaxAttempts (5).
        Assert.Equal(QueueState.Pending, world.Get("post").State);
        var refused = world.Attempts("post");
        Assert.Equal(6, refused.Count);
        Assert.All(refused, a => Assert.Equal((AttemptOutcome.Retry, 401, QueueAttempt.AuthKind, false), (a.Outcome, a.HttpStatus, a.ErrorKind, a.CountsTowardMaxAttempts)));
        // Fixed, but LinkedIn has a bad minute: the 502 is its first counted try, so it is retried, not given up.
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 502, Count = 2 });
        var unclear = Assert.Single((await world.RunAsync()).Posts);
        Assert.Equal(QueuePostOutcome.Retrying, unclear.Outcome);
        world.Queue.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(QueuePostOutcome.Published, Assert.Single((await world.RunAsync()).Posts).Outcome);
        Assert.Single(await world.PostsOnceAsync());
    }

    [Fact]
    public async Task A_duplicate_without_a_URN_after_a_call_that_may_have_landed_is_Unconfirmed_not_Failed()
    {
        await using var world = await RunnerHarness.StartAsync();
        var registered = world.Register("post", "Maybe out already");
        // An earlier run's create got a 502, which LinkedIn may send after storing the post; the post is due again.
        var claim = Assert.Single(world.Store.ClaimDue(world.Now, "earlier-run", world.Options.Lease, 10)).Claim!;
        Assert.True(world.Store.MarkSending(claim, world.Now, world.Options.Lease).Applied);
        Assert.True(world.Store.RetryLater(claim, world.Now, new AttemptReport { At = world.Now, HttpStatus = 502, ErrorKind = "Server", Message = "LinkedIn answered 502." }).Applied);
        await world.Admin.AddFaultAsync(Create(422, body: DuplicateWithoutUrn));

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Unconfirmed, result.Outcome);
        Assert.Equal(QueueState.Unconfirmed, world.Get("post").State);
        Assert.Contains("did not name the post", world.Get("post").LastError);
        Assert.Equal(registered.Id, result.Id);
    }

    [Fact]
    public async Task A_failure_before_any_create_call_is_no_evidence_so_a_later_duplicate_is_LinkedIns_final_refusal()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("post", "Posted by hand meanwhile");
        // An earlier run failed before its create call (say, the image upload got a 502): recorded, nothing sent.
        var claim = Assert.Single(world.Store.ClaimDue(world.Now, "earlier-run", world.Options.Lease, 10)).Claim!;
        Assert.True(world.Store.RetryLater(claim, world.Now, new AttemptReport { At = world.Now, HttpStatus = 502, ErrorKind = "Server", Message = "The image upload got 502." }).Applied);
        var attempt = Assert.Single(world.Attempts("post"));
        Assert.Equal(QueueAttempt.NotSentKind, attempt.ErrorKind);
        Assert.False(attempt.MayHaveLanded);
        // Someone posted the same text by hand, so LinkedIn's duplicate check names their post.
        var theirs = await world.CreateDirectlyAsync("Posted by hand meanwhile");

        var result = Assert.Single((await world.RunAsync()).Posts);

        // Not "Published as theirs" (and no first comment on their post): LinkedIn refused ours.
        Assert.Equal(QueuePostOutcome.Failed, result.Outcome);
        Assert.Equal("LinkedInDuplicatePost", result.ErrorId);
        Assert.Contains(theirs, result.Message);
        Assert.Null(world.Get("post").PostUrn);
    }
}
