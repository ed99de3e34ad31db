using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// A server error (5xx) that comes with a Retry-After: the post is due again no sooner than LinkedIn asks, and
/// never sooner than <see cref="QueueRunOptions.RetryBaseDelay"/>; the try still counts toward MaxAttempts; and,
/// unlike a 429, it defers none of the member's other posts. Times are the run's (the client's clock is the queue's).
/// </summary>
public sealed class RunnerServerRetryAfterTests
{
    private static SandboxFault ImageUpload(int status, int retryAfter, int count = 1) =>
        new() { Method = "POST", Path = "/rest/images", Status = status, RetryAfterSeconds = retryAfter, Count = count };

    private static string Utc(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC";

    [Fact]
    public async Task A_create_answered_503_with_Retry_After_600_waits_for_it_and_defers_none_of_the_members_other_posts()
    {
        await using var world = await RunnerHarness.StartAsync();
        var start = world.Now;
        world.Register("first", "Meets a 503 and its check too", at: start.AddMinutes(-1));
        world.Register("second", "Goes out in the same run", at: start);
        world.Register("later", "Due in five minutes", at: start.AddMinutes(5));
        // The try and the client's one check of the first post; the second post's create is not touched.
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 503, RetryAfterSeconds = 600, Count = 2 });

        var report = await world.RunAsync();

        var first = report.Posts.Single(p => p.Key == "first");
        Assert.Equal((QueuePostOutcome.Retrying, QueueState.Sending), (first.Outcome, first.State));
        Assert.Equal(start.AddSeconds(600), first.NextAttemptAt);
        Assert.Equal(first.NextAttemptAt, world.Get("first").LeaseUntil);
        Assert.Contains("a run after " + Utc(start.AddSeconds(600)), first.Message);
        Assert.Equal(QueuePostOutcome.Published, report.Posts.Single(p => p.Key == "second").Outcome);
        Assert.Equal(start.AddMinutes(5), world.Get("later").DueAtUtc); // not moved to the Retry-After, as a 429 would

        // Before the Retry-After ends the first post is not looked at; the later post goes out when it is due.
        var calls = await world.CreateCallsAsync();
        world.Queue.Clock.Advance(TimeSpan.FromSeconds(599));
        var early = Assert.Single((await world.RunAsync()).Posts);
        Assert.Equal(("later", QueuePostOutcome.Published), (early.Key, early.Outcome));
        Assert.Equal(calls + 1, await world.CreateCallsAsync());

        world.Queue.Clock.Advance(TimeSpan.FromSeconds(2));
        var settled = Assert.Single((await world.RunAsync()).Posts);
        Assert.Equal(("first", QueuePostOutcome.Published), (settled.Key, settled.Outcome));
        Assert.Equal(3, (await world.PostsOnceAsync()).Count);
    }

    [Fact]
    public async Task A_retryable_server_error_with_Retry_After_is_due_no_sooner_and_still_counts_toward_MaxAttempts()
    {
        await using var world = await RunnerHarness.StartAsync();
        var start = world.Now;
        world.Register("photo", "With a photo", content: new MediaContent(MediaReference.FromFile(world.Png("photo.png"))));
        world.Register("text", "Text only, by the same member");
        await world.Admin.AddFaultAsync(ImageUpload(503, retryAfter: 600));

        var report = await world.RunAsync(o => o.MaxAttempts = 2);

        var photo = report.Posts.Single(p => p.Key == "photo");
        Assert.Equal((QueuePostOutcome.Retrying, QueueState.Pending, "LinkedInServerError"), (photo.Outcome, photo.State, photo.ErrorId));
        Assert.Equal(start.AddSeconds(600), photo.NextAttemptAt);
        Assert.Equal(start.AddSeconds(600), world.Get("photo").DueAtUtc);
        Assert.Contains("LinkedIn asks to try again at 2026-03-01 08:10 UTC", photo.Message);
        Assert.EndsWith("A run after " + Utc(start.AddSeconds(600)) + " tries it again.", photo.Message);
        Assert.Equal(photo.Message, world.Get("photo").LastError);
        // The Retry-After is longer than the client's MaxRetryTime: it did not wait, the queue does.
        Assert.Single(await world.RequestsAsync("POST", "/rest/images"));
        Assert.Equal(QueuePostOutcome.Published, report.Posts.Single(p => p.Key == "text").Outcome);

        Assert.Empty((await world.RunAsync(o => o.MaxAttempts = 2)).Posts);
        world.Queue.Clock.Advance(TimeSpan.FromSeconds(600));
        await world.Admin.AddFaultAsync(ImageUpload(503, retryAfter: 600));
        var second = Assert.Single((await world.RunAsync(o => o.MaxAttempts = 2)).Posts);

        Assert.Equal((QueuePostOutcome.Failed, QueueState.Failed), (second.Outcome, second.State));
        Assert.StartsWith("Gave up after 2 attempts (MaxAttempts 2).", second.Message);
        Assert.All(world.Attempts("photo"), a => Assert.True(a.CountsTowardMaxAttempts));
    }

    [Fact]
    public async Task A_server_error_with_Retry_After_0_is_not_due_again_before_RetryBaseDelay()
    {
        await using var world = await RunnerHarness.StartAsync();
        var start = world.Now;
        world.Register("photo", "Retry-After 0", content: new MediaContent(MediaReference.FromFile(world.Png("photo.png"))));
        // The client retries at once (Retry-After 0, MaxRetries 1) and meets the second; then the queue schedules it.
        await world.Admin.AddFaultAsync(ImageUpload(502, retryAfter: 0, count: 2));

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal((QueuePostOutcome.Retrying, QueueState.Pending), (result.Outcome, result.State));
        Assert.Equal(2, (await world.RequestsAsync("POST", "/rest/images")).Count);
        var baseDelay = world.Options.RetryBaseDelay;
        Assert.InRange(result.NextAttemptAt!.Value, start + baseDelay, start + baseDelay + baseDelay); // the backoff after one failed try
        Assert.Equal(result.NextAttemptAt, world.Get("photo").DueAtUtc);
        Assert.EndsWith("A run after " + Utc(result.NextAttemptAt.Value) + " tries it again.", result.Message);
        Assert.Empty((await world.RunAsync()).Posts);
    }

    [Fact]
    public async Task A_read_back_answered_503_with_Retry_After_waits_for_it_before_looking_again()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        world.Register("dead", "Its run died while sending");
        var claimed = Assert.Single(world.Store.ClaimDue(world.Now, "dead-run", TimeSpan.FromMinutes(10), 10));
        Assert.True(world.Store.MarkSending(claimed.Claim!, world.Now, TimeSpan.FromMinutes(10)).Applied);
        world.Queue.Clock.Advance(TimeSpan.FromMinutes(11));
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "GET", Path = "/rest/posts", Status = 503, RetryAfterSeconds = 900 });

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal((QueuePostOutcome.Retrying, QueueState.Sending), (result.Outcome, result.State));
        Assert.Equal(world.Now.AddSeconds(900), result.NextAttemptAt);
        Assert.Equal(result.NextAttemptAt, world.Get("dead").LeaseUntil);
        Assert.Single(await world.RequestsAsync("GET", "/rest/posts"));
        Assert.Equal(0, await world.CreateCallsAsync());
    }
}
