using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// A person's retry (-Retry of a Failed or Missed post, -Resend of an Unconfirmed one) gives the post a fresh
/// MaxAttempts budget; the attempt history and the Attempts count keep every try.
/// </summary>
public sealed class RetryBudgetTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_post_retried_after_MaxAttempts_gets_MaxAttempts_fresh_tries_and_keeps_its_whole_history()
    {
        await using var world = await RunnerHarness.StartAsync();
        var image = world.Png("chart.png");
        world.Register("img", "With a chart", content: new MediaContent(MediaReference.FromFile(image)));
        // Every upload fails with a 503: retryable, and nothing is created, so each run is one more try.
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/images", Status = 503, Count = 1000 });
        var outcomes = new List<QueuePostOutcome>();
        async Task RunOnceAsync()
        {
            outcomes.Add(Assert.Single((await world.RunAsync(o => o.MaxAttempts = 3)).Posts).Outcome);
            world.Queue.Clock.Advance(TimeSpan.FromHours(1));
        }

        for (var i = 0; i < 3; i++)
        {
            await RunOnceAsync();
        }
        Assert.Equal(QueueState.Failed, world.Get("img").State);

        // Set-LinkedInScheduledPost -Retry: re-armed, due now.
        Assert.True(world.Store.Reschedule(world.Get("img").Id, world.Now, "Europe/Berlin", world.Now, RescheduleKind.Retry).Applied);
        Assert.Equal((3, 3, 0), (world.Get("img").Attempts, world.Get("img").AttemptsAtRetry, world.Get("img").AttemptsSinceRetry));

        var fresh = await world.RunAsync(o => o.MaxAttempts = 3);
        var first = Assert.Single(fresh.Posts);
        Assert.Equal(QueuePostOutcome.Retrying, first.Outcome);
        Assert.Equal(4, first.Attempts);
        // The backoff starts again too: the first retry after a person's waits 1-2 minutes, not 1-16.
        Assert.InRange(first.NextAttemptAt!.Value, world.Now + TimeSpan.FromMinutes(1), world.Now + TimeSpan.FromMinutes(2));
        outcomes.Add(first.Outcome);
        world.Queue.Clock.Advance(TimeSpan.FromHours(1));
        await RunOnceAsync();
        await RunOnceAsync();

        Assert.Equal(new[]
        {
            QueuePostOutcome.Retrying, QueuePostOutcome.Retrying, QueuePostOutcome.Failed,
            QueuePostOutcome.Retrying, QueuePostOutcome.Retrying, QueuePostOutcome.Failed,
        }, outcomes);
        var post = world.Get("img");
        Assert.Equal((QueueState.Failed, 6), (post.State, post.Attempts));
        Assert.StartsWith("Gave up after 3 attempts (MaxAttempts 3).", post.LastError);
        var history = world.Attempts("img");
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, history.Select(a => a.Number));
        Assert.Equal(new[] { AttemptOutcome.Retry, AttemptOutcome.Retry, AttemptOutcome.Failed, AttemptOutcome.Retry, AttemptOutcome.Retry, AttemptOutcome.Failed },
            history.Select(a => a.Outcome));
        Assert.Equal(0, await world.CreateCallsAsync()); // never got as far as the create: six tries, nothing posted
    }

    [Fact]
    public void Re_arming_sets_the_budget_and_moving_a_waiting_post_keeps_it()
    {
        using var queue = new TestQueue();
        var store = queue.Store;
        queue.RegisterMany(3, TestQueue.Start);
        var at = TestQueue.Start.AddMinutes(5); // all three due (a minute apart)
        var claimed = store.ClaimDue(at, "runner", Lease, 3);
        var report = new AttemptReport { At = at, Message = "LinkedIn answered 503.", HttpStatus = 503, ErrorKind = "Server" };

        // A post backing off after a retryable failure, then moved by a person: the same run of tries.
        store.RetryLater(claimed[0].Claim!, at.AddMinutes(2), report);
        Assert.True(store.Reschedule(claimed[0].Id, at.AddHours(1), "UTC", at, RescheduleKind.Move).Applied);
        Assert.Equal((1, 0), (store.Get(claimed[0].Id)!.Attempts, store.Get(claimed[0].Id)!.AttemptsAtRetry));

        // Failed, then -Retry.
        store.MarkFailed(claimed[1].Claim!, report);
        Assert.True(store.Reschedule(claimed[1].Id, at.AddHours(1), "UTC", at, RescheduleKind.Retry).Applied);
        Assert.Equal((QueueState.Pending, 1, 1, 0), (store.Get(claimed[1].Id)!.State, store.Get(claimed[1].Id)!.Attempts, store.Get(claimed[1].Id)!.AttemptsAtRetry, store.Get(claimed[1].Id)!.AttemptsSinceRetry));

        // Unconfirmed, then -Resend.
        store.MarkSending(claimed[2].Claim!, at, Lease);
        store.MarkUnconfirmed(claimed[2].Claim!, report);
        Assert.True(store.Reschedule(claimed[2].Id, at.AddHours(1), "UTC", at, RescheduleKind.Resend).Applied);
        Assert.Equal((1, 1), (store.Get(claimed[2].Id)!.Attempts, store.Get(claimed[2].Id)!.AttemptsAtRetry));

        // The claim hands the budget to the runner.
        var again = store.ClaimDue(at.AddHours(2), "runner", Lease, 3);
        Assert.Equal(new[] { 0, 1, 1 }, again.OrderBy(p => p.Id).Select(p => p.AttemptsAtRetry));
    }
}
