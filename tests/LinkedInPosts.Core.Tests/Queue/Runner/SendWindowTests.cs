using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Core.Queue.Sqlite;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// Group commit of Sending: the store's MarkSendingWindow and UnmarkSending, and the runner's window (posts
/// marked Sending together in one durable commit, then sent one by one), including a crash mid-window.
/// </summary>
public sealed class SendWindowTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    [Fact]
    public void MarkSendingWindow_marks_each_claimed_post_Sending_with_its_own_attempt_and_is_guarded_by_each_claim()
    {
        using var queue = new TestQueue();
        var store = queue.Store;
        var at = TestQueue.Start;
        store.RegisterBatch(new[] { TestQueue.Post("a", at, "one"), TestQueue.Post("b", at, "two"), TestQueue.Post("c", at, "three"), TestQueue.Post("d", at, "four") });
        var claimed = store.ClaimDue(at, "runner", Lease, 10);
        Assert.Equal(4, claimed.Count);
        // c is released (no longer Claimed); d is presented with a token that is not its claim's.
        Assert.True(store.Release(claimed[2].Claim!, at).Applied);
        var forged = new QueueClaim(claimed[3].Id, "not-the-token", "runner", claimed[3].Claim!.LeaseUntil);

        var results = store.MarkSendingWindow(new[] { claimed[0].Claim!, claimed[1].Claim!, claimed[2].Claim!, forged }, at.AddSeconds(1), Lease);

        Assert.Equal(new[] { true, true, false, false }, results.Select(r => r.Applied));
        Assert.Equal(new QueueState?[] { QueueState.Sending, QueueState.Sending, QueueState.Pending, QueueState.Claimed }, results.Select(r => r.State));
        Assert.Equal(new[] { 1, 1, 0, 0 }, results.Select(r => r.Attempts));
        foreach (var key in new[] { "a", "b" })
        {
            var post = store.GetByKey(key)!;
            Assert.Equal(QueueState.Sending, post.State);
            Assert.Equal(at.AddSeconds(1) + Lease, post.LeaseUntil);
            var attempt = Assert.Single(store.GetAttempts(post.Id));
            Assert.Equal((1, AttemptOutcome.InProgress, "runner"), (attempt.Number, attempt.Outcome, attempt.RunnerId));
        }
        Assert.Empty(store.GetAttempts(store.GetByKey("c")!.Id));
        Assert.Empty(store.GetAttempts(store.GetByKey("d")!.Id));

        // Never from Sending (a resend goes through MarkSending), and never once the claim's lease ran out.
        Assert.False(Assert.Single(store.MarkSendingWindow(new[] { claimed[0].Claim! }, at.AddSeconds(2), Lease)).Applied);
        Assert.Single(store.GetAttempts(claimed[0].Id));
        Assert.False(Assert.Single(store.MarkSendingWindow(new[] { claimed[3].Claim! }, at + Lease + TimeSpan.FromSeconds(1), Lease)).Applied);
        Assert.Equal(QueueState.Claimed, store.GetByKey("d")!.State);
    }

    [Fact]
    public void Sending_is_committed_with_synchronous_FULL_and_what_follows_the_call_with_NORMAL_unless_asked_to_be_durable()
    {
        using var queue = new TestQueue();
        var store = (SqliteQueueStore)queue.Store;
        var at = TestQueue.Start;
        const int Full = 2, Normal = 1;
        store.RegisterBatch(new[] { TestQueue.Post("a", at, "one"), TestQueue.Post("b", at, "two"), TestQueue.Post("c", at, "three") });
        Assert.Equal(Full, store.Synchronous);
        var claimed = store.ClaimDue(at, "runner", Lease, 10);
        Assert.Equal(Normal, store.Synchronous);
        store.MarkSendingWindow(claimed.Take(2).Select(p => p.Claim!).ToList(), at, Lease);
        Assert.Equal(Full, store.Synchronous);
        store.MarkPublished(claimed[0].Claim!, "urn:li:share:1", at, 201, durable: false);
        Assert.Equal(Normal, store.Synchronous);
        store.MarkSending(claimed[2].Claim!, at, Lease);
        Assert.Equal(Full, store.Synchronous);
        store.RetryLater(claimed[2].Claim!, at.AddMinutes(5), new AttemptReport { At = at, ErrorKind = "Retryable", Message = "503" });
        Assert.Equal(Normal, store.Synchronous);
        store.MarkPublished(claimed[1].Claim!, "urn:li:share:2", at, 201); // durable by default (a first comment may follow)
        Assert.Equal(Full, store.Synchronous);
    }

    [Fact]
    public void A_post_with_a_first_comment_is_Published_and_its_comment_begun_in_one_durable_commit()
    {
        using var queue = new TestQueue();
        var store = (SqliteQueueStore)queue.Store;
        var at = TestQueue.Start;
        store.RegisterBatch(new[] { TestQueue.Post("a", at, "one"), TestQueue.Post("b", at, "two") });
        var claimed = store.ClaimDue(at, "runner", Lease, 10);
        store.MarkSendingWindow(claimed.Select(p => p.Claim!).ToList(), at, Lease);
        store.MarkPublished(claimed[1].Claim!, "urn:li:share:2", at, 201, durable: false);

        var published = store.MarkPublishedAndBeginFirstComment(claimed[0].Claim!, "urn:li:share:1", at, 201);

        Assert.True(published.Applied);
        Assert.Equal(2, store.Synchronous); // FULL: on disk before the comment call
        var post = store.GetByKey("a")!;
        Assert.Equal((QueueState.Published, "urn:li:share:1", (FirstCommentState?)FirstCommentState.Adding), (post.State, post.PostUrn, post.FirstCommentState));
        Assert.Equal(AttemptOutcome.Published, Assert.Single(store.GetAttempts(post.Id)).Outcome);
        // A second publish of the same post (a late answer, another claim) begins nothing: no second comment call.
        Assert.False(store.MarkPublishedAndBeginFirstComment(claimed[0].Claim!, "urn:li:share:1", at, 201).Applied);
        Assert.False(store.MarkPublishedAndBeginFirstComment(claimed[1].Claim!, "urn:li:share:2", at, 201).Applied);
        Assert.Null(store.GetByKey("b")!.FirstCommentState);
    }

    [Fact]
    public void UnmarkSending_takes_an_unsent_post_back_to_Claimed_without_its_attempt_and_only_under_the_claim_that_marked_it()
    {
        using var queue = new TestQueue();
        var store = queue.Store;
        var at = TestQueue.Start;
        store.RegisterBatch(new[] { TestQueue.Post("a", at, "one"), TestQueue.Post("b", at, "two") });
        var claimed = store.ClaimDue(at, "runner", Lease, 10);
        Assert.All(store.MarkSendingWindow(claimed.Select(p => p.Claim!).ToList(), at, Lease), r => Assert.True(r.Applied));

        var forged = new QueueClaim(claimed[1].Id, "not-the-token", "runner", claimed[1].Claim!.LeaseUntil);
        var back = store.UnmarkSending(new[] { claimed[0].Claim!, forged }, at.AddSeconds(1));

        Assert.Equal(new[] { true, false }, back.Select(r => r.Applied));
        var a = store.GetByKey("a")!;
        Assert.Equal((QueueState.Claimed, 0), (a.State, a.Attempts));
        Assert.Empty(store.GetAttempts(a.Id));
        Assert.Equal(QueueState.Sending, store.GetByKey("b")!.State);
        // Back to Claimed under the same claim: released (or sent) like any claimed post.
        Assert.True(store.Release(claimed[0].Claim!, at.AddSeconds(2)).Applied);
        Assert.Equal(QueueState.Pending, store.GetByKey("a")!.State);
        // Once taken back, a second UnmarkSending finds nothing to take back.
        Assert.False(Assert.Single(store.UnmarkSending(new[] { claimed[0].Claim! }, at.AddSeconds(3))).Applied);
    }

    [Fact]
    public void UnmarkSending_refuses_a_resolvers_resend_whose_earlier_call_may_have_landed()
    {
        using var queue = new TestQueue();
        var store = queue.Store;
        var at = TestQueue.Start;
        store.RegisterBatch(new[] { TestQueue.Post("a", at, "one") });
        var dead = Assert.Single(store.ClaimDue(at, "dead-run", Lease, 10));
        Assert.True(Assert.Single(store.MarkSendingWindow(new[] { dead.Claim! }, at, Lease)).Applied);
        var later = at + Lease + TimeSpan.FromMinutes(1);

        // The dead run's claim is gone once a resolver took the post over.
        var taken = store.TakeOverExpiredSending(dead.Id, dead.Claim!.Token, later, "resolver", Lease)!;
        Assert.False(Assert.Single(store.UnmarkSending(new[] { dead.Claim! }, later)).Applied);
        // The resolver's own claim has no attempt of its own yet: nothing to take back.
        Assert.False(Assert.Single(store.UnmarkSending(new[] { taken.Claim! }, later)).Applied);
        // Its resend supersedes the dead attempt: the post may exist already, so it is never "known not sent".
        Assert.True(store.MarkSending(taken.Claim!, later, Lease).Applied);
        Assert.False(Assert.Single(store.UnmarkSending(new[] { taken.Claim! }, later)).Applied);

        var post = store.GetByKey("a")!;
        Assert.Equal((QueueState.Sending, 2), (post.State, post.Attempts));
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.InProgress }, store.GetAttempts(post.Id).Select(x => x.Outcome));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_run_that_dies_mid_window_leaves_its_unsent_posts_Sending_and_the_next_run_settles_each_once(bool canReadBack)
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: canReadBack);
        world.Register("sent", "Sent before the crash", world.Now.AddMinutes(-3));
        world.Register("unsent-1", "Marked Sending, never sent", world.Now.AddMinutes(-2));
        world.Register("unsent-2", "Marked Sending too, never sent", world.Now.AddMinutes(-1));
        // The dead run: one window marked Sending, the first create landed, then the process died.
        var claimed = world.Store.ClaimDue(world.Now, "dead-run", Lease, 10);
        Assert.All(world.Store.MarkSendingWindow(claimed.Select(p => p.Claim!).ToList(), world.Now, Lease), r => Assert.True(r.Applied));
        var urn = await world.CreateDirectlyAsync("Sent before the crash");
        world.Queue.Clock.Advance(Lease + TimeSpan.FromMinutes(1));

        var report = await world.RunAsync();

        Assert.Equal(3, report.Published);
        Assert.All(new[] { "sent", "unsent-1", "unsent-2" }, key => Assert.Equal(QueueState.Published, world.Get(key).State));
        Assert.Equal(urn, world.Get("sent").PostUrn);
        Assert.True(report.Posts.Single(p => p.Key == "sent").ResolvedByEvidence);
        var posts = await world.PostsOnceAsync();
        Assert.Equal(3, posts.Count);
        Assert.All(new[] { "unsent-1", "unsent-2" }, key => Assert.Contains(posts, p => p.Urn == world.Get(key).PostUrn));
    }

    [Fact]
    public async Task A_429_mid_window_returns_the_authors_unsent_posts_to_Pending_without_an_attempt_and_sends_none_twice()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("one", "Published first", world.Now.AddMinutes(-4));
        world.Register("two", "Throttled in the window", world.Now.AddMinutes(-3));
        world.Register("three", "Marked Sending, then taken back", world.Now.AddMinutes(-2));
        world.Register("four", "Taken back as well", world.Now.AddMinutes(-1));
        await world.Admin.SetLimitsAsync(memberDailyLimit: 1); // the second create gets a 429

        var report = await world.RunAsync(o => o.SendWindow = 10);

        Assert.Equal(new[] { ("one", QueuePostOutcome.Published), ("two", QueuePostOutcome.Retrying), ("three", QueuePostOutcome.Deferred), ("four", QueuePostOutcome.Deferred) },
            report.Posts.Select(p => (p.Key, p.Outcome)));
        Assert.Equal(2, await world.CreateCallsAsync());
        Assert.Single(await world.PostsOnceAsync());
        foreach (var key in new[] { "three", "four" })
        {
            var post = world.Get(key);
            Assert.Equal((QueueState.Pending, 0, (string?)null), (post.State, post.Attempts, post.ClaimToken));
            Assert.Empty(world.Attempts(key));
            Assert.Equal(report.Posts[1].NextAttemptAt, post.DueAtUtc);
        }
        Assert.Equal(AttemptOutcome.Retry, Assert.Single(world.Attempts("two")).Outcome);
    }

    [Fact]
    public async Task A_run_cancelled_mid_window_returns_its_unsent_posts_to_Pending_and_keeps_the_one_in_flight_Sending()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("one", "Cancelled during its call", world.Now.AddMinutes(-3));
        world.Register("two", "Never sent", world.Now.AddMinutes(-2));
        world.Register("three", "Never sent either", world.Now.AddMinutes(-1));
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", DelayMilliseconds = 3000, Count = 1 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.Runner(o => o.SendWindow = 10).RunAsync(null, cancel.Token));

        Assert.Equal(QueueState.Sending, world.Get("one").State); // its outcome is unknown: evidence settles it
        Assert.Single(world.Attempts("one"));
        foreach (var key in new[] { "two", "three" })
        {
            var post = world.Get(key);
            Assert.Equal((QueueState.Pending, 0, (string?)null), (post.State, post.Attempts, post.ClaimToken));
            Assert.Empty(world.Attempts(key));
        }
        Assert.True((await world.Admin.GetPostsAsync()).Count <= 1); // at most the one in flight
    }
}
