using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// A run that died during its create call leaves a Sending post whose lease runs out. The next run settles
/// it by evidence: a read-back where allowed, else one resend and LinkedIn's duplicate check; never twice.
/// </summary>
public sealed class RunnerEvidenceTests
{
    private static readonly TimeSpan DeadLease = TimeSpan.FromMinutes(10);

    /// <summary>Claims the post as a run that then records Sending and dies; if <paramref name="landed"/>, its create reached LinkedIn.</summary>
    private static Task<string?> DieWhileSendingAsync(RunnerHarness world, string key, string text, bool landed) =>
        DieWhileSendingDraftAsync(world, new PostDraft(world.Author, text), landed, key);

    [Fact]
    public async Task A_post_that_landed_is_found_by_read_back_and_Published_with_its_URN_without_sending_again_then_its_first_comment_follows()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        world.Register("dead", "Landed before the crash", firstComment: "First!");
        await world.CreateDirectlyAsync("Another post by the author"); // not the one: other text
        var urn = await DieWhileSendingAsync(world, "dead", "Landed before the crash", landed: true);

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.True(result.ResolvedByEvidence);
        Assert.Equal(urn, result.PostUrn);
        Assert.Equal(urn, world.Get("dead").PostUrn);
        Assert.Equal(QueueState.Published, world.Get("dead").State);
        var attempt = Assert.Single(world.Attempts("dead"));
        Assert.Equal((AttemptOutcome.Published, "dead-run", urn), (attempt.Outcome, attempt.RunnerId, attempt.PostUrn));
        Assert.Equal(2, await world.CreateCallsAsync()); // the two direct creates: the resolver sent nothing
        Assert.Single(await world.RequestsAsync("GET", "/rest/posts?author="));
        Assert.Equal(2, (await world.PostsOnceAsync()).Count);
        Assert.Equal("First!", Assert.Single(await world.Admin.GetCommentsAsync(urn!)).Text);
        Assert.NotNull(result.FirstCommentUrn);
    }

    [Fact]
    public async Task A_post_the_read_back_does_not_find_goes_back_to_Pending_and_this_run_publishes_it_once()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        world.Register("dead", "Never reached LinkedIn");
        await DieWhileSendingAsync(world, "dead", "Never reached LinkedIn", landed: false);

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.False(result.ResolvedByEvidence);
        var post = Assert.Single(await world.PostsOnceAsync());
        Assert.Equal(post.Urn, world.Get("dead").PostUrn);
        Assert.Equal(new[] { AttemptOutcome.Retry, AttemptOutcome.Published }, world.Attempts("dead").Select(a => a.Outcome));
        Assert.Equal("NotCreated", world.Attempts("dead")[0].ErrorKind);
        Assert.Equal(1, await world.CreateCallsAsync());
    }

    [Fact]
    public async Task Without_read_back_one_resend_meets_LinkedIns_duplicate_check_and_the_post_is_Published_with_the_first_URN()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("dead", "Landed, but nobody knows");
        var urn = await DieWhileSendingAsync(world, "dead", "Landed, but nobody knows", landed: true);

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.True(result.ResolvedByEvidence);
        Assert.Equal(urn, result.PostUrn);
        Assert.Equal(urn, world.Get("dead").PostUrn);
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.Published }, world.Attempts("dead").Select(a => a.Outcome));
        Assert.Equal("test-runner", world.Attempts("dead")[1].RunnerId);
        Assert.Equal(2, await world.CreateCallsAsync()); // the dead run's and the one resend
        Assert.Equal(urn, Assert.Single(await world.PostsOnceAsync()).Urn);
        Assert.Empty(await world.RequestsAsync("GET", "/rest/posts"));
    }

    [Fact]
    public async Task Without_read_back_a_resend_that_LinkedIn_creates_means_the_first_never_landed_and_it_is_Published_once()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("dead", "Lost on the way");
        await DieWhileSendingAsync(world, "dead", "Lost on the way", landed: false);

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.False(result.ResolvedByEvidence);
        Assert.Equal(Assert.Single(await world.PostsOnceAsync()).Urn, result.PostUrn);
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.Published }, world.Attempts("dead").Select(a => a.Outcome));
        Assert.Equal(1, await world.CreateCallsAsync());
    }

    [Fact]
    public async Task A_resend_that_gets_no_clear_answer_waits_for_evidence_and_a_run_after_its_lease_publishes_it_once()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("dead", "Nobody can tell yet");
        await DieWhileSendingAsync(world, "dead", "Nobody can tell yet", landed: false);
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 503, Count = 2 });

        var waiting = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal((QueuePostOutcome.Retrying, QueueState.Sending), (waiting.Outcome, waiting.State));
        Assert.Equal("LinkedInPostOutcomeUnknown", waiting.ErrorId);
        Assert.False(waiting.NeedsAttention);
        Assert.Contains("A run ended before it recorded", waiting.Message);
        Assert.Contains("duplicate check", waiting.Message);
        Assert.Equal(world.Get("dead").LeaseUntil, waiting.NextAttemptAt);
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.Unknown }, world.Attempts("dead").Select(a => a.Outcome));
        Assert.Equal(2, await world.CreateCallsAsync());

        world.Queue.Clock.Advance(waiting.NextAttemptAt!.Value - world.Now + TimeSpan.FromSeconds(1));
        var settled = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Published, settled.Outcome);
        Assert.Contains("got no clear answer earlier", settled.Message);
        var post = Assert.Single(await world.PostsOnceAsync());
        Assert.Equal(post.Urn, world.Get("dead").PostUrn);
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.Unknown, AttemptOutcome.Published }, world.Attempts("dead").Select(a => a.Outcome));
        Assert.Equal(3, await world.CreateCallsAsync());
    }

    [Fact]
    public async Task A_dead_runs_post_whose_connection_cannot_open_stays_Sending_for_a_later_run_with_one_problem_and_no_call()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        world.Register("dead", "Waiting for a sign-in");
        await DieWhileSendingAsync(world, "dead", "Waiting for a sign-in", landed: false);
        world.Connections.Fail("work", new LinkedInAuthException(AuthFailureReason.Revoked, "The connection 'work' was revoked. Connect-LinkedIn -Name work."));

        var report = await world.RunAsync();

        var result = Assert.Single(report.Posts);
        Assert.Equal((QueuePostOutcome.Held, QueueState.Sending), (result.Outcome, result.State));
        Assert.Equal(1, Assert.Single(report.ConnectionProblems).PostsHeld);
        Assert.Equal(QueueState.Sending, world.Get("dead").State);
        Assert.Equal("dead-run", world.Get("dead").ClaimedBy); // not taken over
        Assert.Equal(AttemptOutcome.InProgress, Assert.Single(world.Attempts("dead")).Outcome);
        Assert.Empty(await world.Admin.GetRequestsAsync());
        Assert.Single(world.Runner().Preview(), p => p.Key == "dead" && p.Outcome == QueuePostOutcome.WouldResolve);
    }

    [Fact]
    public async Task A_dead_run_too_long_ago_is_not_resent_as_a_check_but_left_Unconfirmed()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("dead", "The machine was off for two days");
        await DieWhileSendingAsync(world, "dead", "The machine was off for two days", landed: false);
        world.Queue.Clock.Advance(TimeSpan.FromDays(2));

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Unconfirmed, result.Outcome);
        Assert.Contains("too long ago", result.Message);
        Assert.Equal(0, await world.CreateCallsAsync());
    }
    [Fact]
    public async Task A_dead_runs_post_the_read_back_does_not_find_keeps_its_due_time_so_a_post_two_days_late_is_Unconfirmed_not_sent()
    {
        // Not Missed, which would say it never went out: a read-back can miss a post LinkedIn stored late.
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        world.Register("dead", "Crashed on Friday");
        await DieWhileSendingAsync(world, "dead", "Crashed on Friday", landed: false);
        world.Queue.Clock.Advance(TimeSpan.FromDays(2));

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Unconfirmed, result.Outcome);
        Assert.Equal(QueueState.Unconfirmed, world.Get("dead").State);
        Assert.Equal(AttemptOutcome.Retry, world.Attempts("dead")[0].Outcome);
        Assert.Equal(0, await world.CreateCallsAsync());
    }
    [Fact]
    public async Task A_throttled_resend_says_nothing_about_the_first_call_so_the_post_stays_Sending_and_a_later_run_settles_it_once()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("dead", "Throttled while settling");
        await DieWhileSendingAsync(world, "dead", "Throttled while settling", landed: false);
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 429, RetryAfterSeconds = 60 });

        var first = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal((QueuePostOutcome.Deferred, QueueState.Sending), (first.Outcome, first.State));
        Assert.Equal("LinkedInThrottled", first.ErrorId);
        // The throttled resend is closed, not left open as if a call were in flight, and the post waits until the
        // throttle ends: that is when the next look is.
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.Unknown }, world.Attempts("dead").Select(a => a.Outcome));
        Assert.Equal(first.NextAttemptAt, world.Get("dead").LeaseUntil);
        Assert.Contains("throttling", world.Get("dead").LastError);

        world.Queue.Clock.Advance(TimeSpan.FromMinutes(11)); // past the throttle's end
        var second = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Published, second.Outcome);
        Assert.Equal(Assert.Single(await world.PostsOnceAsync()).Urn, world.Get("dead").PostUrn);
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.Unknown, AttemptOutcome.Published }, world.Attempts("dead").Select(a => a.Outcome));
        Assert.Equal(2, await world.CreateCallsAsync());
    }

    [Fact]
    public async Task A_post_the_read_back_missed_is_Published_by_LinkedIns_duplicate_check_when_this_run_sends_it_not_Failed()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        world.Register("dead", "Landed before the record");
        // The dead run's call landed, but LinkedIn dated it half an hour earlier than the run's clock, so the read-back
        // (posts created around the attempt, give or take 5 minutes) misses it and calls it not created; LinkedIn's
        // duplicate check on the next send is then the evidence (a post dated up to an hour before the try may be its own).
        var sandboxNow = await world.Admin.GetClockAsync();
        await world.Admin.SetClockAsync(sandboxNow.AddMinutes(-30));
        var urn = await world.CreateDirectlyAsync("Landed before the record");
        await world.Admin.SetClockAsync(sandboxNow);
        await DieWhileSendingAsync(world, "dead", "Landed before the record", landed: false);

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.True(result.ResolvedByEvidence);
        Assert.Equal(urn, world.Get("dead").PostUrn);
        Assert.Equal(QueueState.Published, world.Get("dead").State);
        Assert.Single(await world.PostsOnceAsync());
    }

    /// <summary>As <see cref="DieWhileSendingAsync"/> for a post whose draft is <paramref name="draft"/>; its create lands when <paramref name="landed"/>.</summary>
    private static async Task<string?> DieWhileSendingDraftAsync(RunnerHarness world, PostDraft draft, bool landed, string key = "dead")
    {
        var claimed = Assert.Single(world.Store.ClaimDue(world.Now, "dead-run", DeadLease, 10));
        Assert.Equal(key, claimed.Key);
        Assert.True(world.Store.MarkSending(claimed.Claim!, world.Now, DeadLease).Applied);
        var urn = landed ? (await world.Session.Client.CreatePostAsync(draft)).Urn : null;
        world.Queue.Clock.Advance(DeadLease + TimeSpan.FromMinutes(1));
        return urn;
    }

    [Fact]
    public async Task Without_read_back_a_dead_runs_reshare_without_text_is_not_resent_because_the_duplicate_check_cannot_see_it_but_left_Unconfirmed()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        var parent = LinkedInUrn.Parse(await world.CreateDirectlyAsync("The original"));
        var reshare = new ReshareContent(parent);
        world.Register("dead", string.Empty, content: reshare);
        await DieWhileSendingDraftAsync(world, new PostDraft(world.Author, string.Empty) { Content = reshare }, landed: true);

        var result = Assert.Single((await world.RunAsync()).Posts);

        // A resend would have been a second reshare: LinkedIn has no duplicate check for posts without text.
        Assert.Equal(QueueState.Unconfirmed, world.Get("dead").State);
        Assert.Contains("no text", result.Message, StringComparison.Ordinal);
        Assert.Equal(2, await world.CreateCallsAsync()); // the original and the dead run's reshare
        Assert.Equal(2, (await world.PostsOnceAsync()).Count);
    }

    [Fact]
    public async Task A_read_back_takes_a_reshare_without_text_for_this_one_only_if_it_reshares_the_same_post()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        var mine = LinkedInUrn.Parse(await world.CreateDirectlyAsync("Reshare me"));
        var other = LinkedInUrn.Parse(await world.CreateDirectlyAsync("Another post"));
        world.Register("dead", string.Empty, content: new ReshareContent(mine));
        // The dead run's create never landed, but the author reshared another post in that window.
        await DieWhileSendingDraftAsync(world, new PostDraft(world.Author, string.Empty), landed: false);
        var someoneElses = (await world.Session.Client.CreatePostAsync(new PostDraft(world.Author, string.Empty) { Content = new ReshareContent(other) })).Urn;

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.NotEqual(someoneElses, result.PostUrn); // before, any bare reshare in the window was taken for it
        Assert.Equal(4, (await world.Admin.GetPostsAsync()).Count); // the two posts, the other reshare, and this one, once
    }

    [Fact]
    public async Task A_resend_whose_duplicate_check_names_a_post_older_than_the_first_try_leaves_the_post_Unconfirmed_not_Published_as_that_one()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        var now = await world.Admin.GetClockAsync();
        await world.Admin.SetClockAsync(now.AddHours(-2));
        var yesterday = await world.CreateDirectlyAsync("Weekly status");
        await world.Admin.SetClockAsync(now);
        world.Register("dead", "Weekly status");
        await DieWhileSendingAsync(world, "dead", "Weekly status", landed: false);

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueueState.Unconfirmed, world.Get("dead").State);
        Assert.Null(world.Get("dead").PostUrn);
        Assert.Contains(yesterday, result.Message, StringComparison.Ordinal);
        Assert.Single(await world.PostsOnceAsync());
    }

    [Fact]
    public async Task A_send_after_a_try_that_may_have_landed_whose_duplicate_check_names_an_older_post_leaves_it_Unconfirmed()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        world.Register("dead", "Weekly status");
        // Last week's post with the same text, which the read-back (around the dead run's try) rightly does not take.
        var sandboxNow = await world.Admin.GetClockAsync();
        await world.Admin.SetClockAsync(sandboxNow.AddHours(-2));
        var lastWeek = await world.CreateDirectlyAsync("Weekly status");
        await world.Admin.SetClockAsync(sandboxNow);
        await DieWhileSendingAsync(world, "dead", "Weekly status", landed: false);

        var result = Assert.Single((await world.RunAsync()).Posts);

        // Before, the duplicate check's answer on the next send made it Published as last week's post.
        Assert.Equal(QueueState.Unconfirmed, world.Get("dead").State);
        Assert.Null(world.Get("dead").PostUrn);
        Assert.Contains(lastWeek, result.Message, StringComparison.Ordinal);
        Assert.Single(await world.PostsOnceAsync());
    }
}
