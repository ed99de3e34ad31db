using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// A create (or a check of one) that gets no clear answer is not settled on the spot: the post stays Sending with
/// its lease set to the retry backoff, later runs settle it by evidence, and only a budget spent (MaxAttempts,
/// MaxLateness) with the outcome still unclear makes it Unconfirmed. It is never posted twice.
/// </summary>
public sealed class RunnerAwaitEvidenceTests
{
    private static SandboxFault CreateFails(int count) => new() { Method = "POST", Path = "/rest/posts", Status = 503, Count = count };

    // The client retries a read once itself (MaxRetries 1), so a read-back fault must outlast that.
    private static SandboxFault ReadBackFails(int count) => new() { Method = "GET", Path = "/rest/posts", Status = 503, Count = count };

    /// <summary>
    /// The only registered post's create got <paramref name="status"/> from an earlier run and it went back to Pending; a
    /// run 30 hours later (MaxLateness 72 h) takes it up. Returns that run's result for it.
    /// </summary>
    private static async Task<QueuePostResult> RetriedThirtyHoursLaterAsync(RunnerHarness world, int status, string kind)
    {
        var claimed = Assert.Single(world.Store.ClaimDue(world.Now, "earlier-run", TimeSpan.FromMinutes(10), 10));
        Assert.True(world.Store.MarkSendingWindow(new[] { claimed.Claim! }, world.Now, TimeSpan.FromMinutes(10))[0].Applied);
        Assert.True(world.Store.RetryLater(claimed.Claim!, world.Now, new AttemptReport { At = world.Now, HttpStatus = status, ErrorKind = kind, Message = "Earlier answer " + status }).Applied);
        world.Queue.Clock.Advance(TimeSpan.FromHours(30));
        return Assert.Single((await world.RunAsync(o => o.MaxLateness = TimeSpan.FromHours(72))).Posts);
    }

    /// <summary>Moves the queue's clock just past the post's lease, so the next run may take it over.</summary>
    private static void PastLease(RunnerHarness world, string key) =>
        world.Queue.Clock.Advance(world.Get(key).LeaseUntil!.Value - world.Now + TimeSpan.FromSeconds(1));

    [Fact]
    public async Task After_a_persons_Resend_the_evidence_looks_only_at_the_new_tries_not_at_the_days_old_ones_that_made_it_Unconfirmed()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        var post = world.Register("resent", "Unconfirmed, checked by hand, sent again");
        await world.Admin.AddFaultAsync(CreateFails(2));
        Assert.Equal(QueuePostOutcome.Unconfirmed, Assert.Single((await world.RunAsync(o => o.MaxAttempts = 1)).Posts).Outcome);
        // Three days later a person checks the feed, finds nothing and re-arms it for now.
        world.Queue.Clock.Advance(TimeSpan.FromDays(3));
        Assert.True(world.Store.Reschedule(post.Id, world.Now, "UTC", world.Now, RescheduleKind.Resend).Applied);
        await world.Admin.AddFaultAsync(CreateFails(2));
        Assert.Equal(QueuePostOutcome.Retrying, Assert.Single((await world.RunAsync()).Posts).Outcome);
        await world.Admin.ClearFaultsAsync();
        PastLease(world, "resent");

        // Its first try since the -Resend is minutes old: the resolver resends it for LinkedIn's duplicate check
        // instead of calling it too old to check (the tries of three days ago were settled by the person).
        var settled = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal((QueuePostOutcome.Published, QueueState.Published), (settled.Outcome, world.Get("resent").State));
        Assert.Single(await world.PostsOnceAsync());
    }

    [Fact]
    public async Task With_LinkedIn_unclear_every_time_the_post_waits_and_is_resent_with_the_duplicate_check_until_MaxAttempts_then_is_Unconfirmed_never_posted()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("storm", "A long 5xx storm");
        await world.Admin.AddFaultAsync(CreateFails(100));
        void Options(QueueRunOptions o) => o.MaxAttempts = 3;

        var leases = new List<DateTimeOffset>();
        for (var run = 1; run <= 2; run++)
        {
            var waiting = Assert.Single((await world.RunAsync(Options)).Posts);
            Assert.Equal((QueuePostOutcome.Retrying, QueueState.Sending, run), (waiting.Outcome, waiting.State, waiting.Attempts));
            Assert.Equal(world.Get("storm").LeaseUntil, waiting.NextAttemptAt);
            Assert.True(waiting.NextAttemptAt > world.Now, "it waits: the lease lies ahead");
            leases.Add(waiting.NextAttemptAt!.Value);
            PastLease(world, "storm");
        }
        var last = Assert.Single((await world.RunAsync(Options)).Posts);

        Assert.Equal((QueuePostOutcome.Unconfirmed, QueueState.Unconfirmed), (last.Outcome, last.State));
        Assert.True(last.NeedsAttention);
        Assert.Equal("LinkedInPostOutcomeUnknown", last.ErrorId);
        Assert.Contains("MaxAttempts 3", last.Message);
        Assert.Contains("duplicate check", last.Message);
        var id = world.Get("storm").Id;
        Assert.Contains($"Set-LinkedInScheduledPost -Id {id} -ConfirmPublished -PostUrn", last.Message);
        Assert.Contains($"Set-LinkedInScheduledPost -Id {id} -Resend", last.Message);
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.Unknown, AttemptOutcome.Unknown }, world.Attempts("storm").Select(a => a.Outcome));
        Assert.Equal(6, await world.CreateCallsAsync()); // three tries, each with the client's one duplicate-checked resend
        Assert.Empty(await world.Admin.GetPostsAsync());

        // Unconfirmed is a person's: no later run sends it, even with LinkedIn well again.
        await world.Admin.ClearFaultsAsync();
        world.Queue.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty((await world.RunAsync(Options)).Posts);
        Assert.Equal(6, await world.CreateCallsAsync());
    }

    [Fact]
    public async Task A_post_that_landed_while_the_read_back_keeps_failing_is_Unconfirmed_after_MaxAttempts_and_exists_once()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        world.Register("landed", "Stored, answer lost");
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Drop = SandboxDrop.AfterStore });
        await world.Admin.AddFaultAsync(CreateFails(1));
        void Options(QueueRunOptions o) => o.MaxAttempts = 3;

        var first = Assert.Single((await world.RunAsync(Options)).Posts);
        Assert.Equal((QueuePostOutcome.Retrying, QueueState.Sending), (first.Outcome, first.State));
        Assert.Contains("reads the author's posts back", first.Message);
        Assert.Empty(await world.RequestsAsync("GET", "/rest/posts")); // no read-back on the spot, right after the 5xx

        await world.Admin.AddFaultAsync(ReadBackFails(100));
        PastLease(world, "landed");
        var second = Assert.Single((await world.RunAsync(Options)).Posts);
        Assert.Equal((QueuePostOutcome.Retrying, QueueState.Sending, 2), (second.Outcome, second.State, second.Attempts));
        Assert.Contains("Reading the author's posts back", second.Message);
        PastLease(world, "landed");
        var last = Assert.Single((await world.RunAsync(Options)).Posts);

        Assert.Equal((QueuePostOutcome.Unconfirmed, QueueState.Unconfirmed), (last.Outcome, last.State));
        Assert.Contains("MaxAttempts 3", last.Message);
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.Unknown, AttemptOutcome.Unknown }, world.Attempts("landed").Select(a => a.Outcome));
        Assert.Equal(2, await world.CreateCallsAsync()); // the first try and the client's check: a read-back that fails never leads to a resend
        Assert.Single(await world.PostsOnceAsync());
    }

    [Fact]
    public async Task A_read_back_LinkedIn_refuses_and_the_resend_after_it_are_one_look_and_cost_one_attempt()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        world.Register("refused", "Read-back refused, LinkedIn unclear");
        await world.Admin.AddFaultAsync(CreateFails(100));
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "GET", Path = "/rest/posts", Status = 403, Count = 100 });
        void Options(QueueRunOptions o) => o.MaxAttempts = 3;

        for (var run = 1; run <= 2; run++)
        {
            var waiting = Assert.Single((await world.RunAsync(Options)).Posts);
            Assert.Equal((QueuePostOutcome.Retrying, QueueState.Sending, run), (waiting.Outcome, waiting.State, waiting.Attempts));
            PastLease(world, "refused");
        }
        var last = Assert.Single((await world.RunAsync(Options)).Posts);

        // Three looks (the first create, then twice a refused read-back followed by a duplicate-checked resend), one attempt each.
        Assert.Equal((QueuePostOutcome.Unconfirmed, QueueState.Unconfirmed), (last.Outcome, last.State));
        Assert.Contains("after 3 attempts (MaxAttempts 3)", last.Message);
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.Unknown, AttemptOutcome.Unknown }, world.Attempts("refused").Select(a => a.Outcome));
        Assert.Equal(2, (await world.RequestsAsync("GET", "/rest/posts")).Count);
        Assert.Equal(6, await world.CreateCallsAsync()); // each look's create and the client's own resend
        Assert.Empty(await world.Admin.GetPostsAsync());
    }

    [Fact]
    public async Task With_MaxLateness_above_a_day_a_post_whose_first_try_is_over_a_day_old_is_not_resent_on_the_duplicate_checks_word()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("old", "Unclear, then the machine was off");
        await world.Admin.AddFaultAsync(CreateFails(2));
        void Options(QueueRunOptions o) => o.MaxLateness = TimeSpan.FromHours(72);
        Assert.Equal(QueuePostOutcome.Retrying, Assert.Single((await world.RunAsync(Options)).Posts).Outcome);
        await world.Admin.ClearFaultsAsync();

        // 30 hours on: well inside MaxLateness, but LinkedIn's duplicate check may have forgotten the first try,
        // so a resend could make a second post if the first one landed.
        world.Queue.Clock.Advance(TimeSpan.FromHours(30));
        var last = Assert.Single((await world.RunAsync(Options)).Posts);

        Assert.Equal((QueuePostOutcome.Unconfirmed, QueueState.Unconfirmed), (last.Outcome, last.State));
        Assert.Contains("duplicate check is trusted only within 1 day of the first try", last.Message);
        Assert.Equal(2, await world.CreateCallsAsync()); // the first try and the client's own check: no resend
    }

    [Fact]
    public async Task Without_a_read_back_a_wait_that_would_end_past_a_day_from_the_first_try_makes_the_post_Unconfirmed_now()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("edge", "Unclear, then unclear again a day later");
        await world.Admin.AddFaultAsync(CreateFails(100));
        void Options(QueueRunOptions o) => o.MaxLateness = TimeSpan.FromHours(72);
        Assert.Equal(QueuePostOutcome.Retrying, Assert.Single((await world.RunAsync(Options)).Posts).Outcome);

        // A minute inside the day: the resolver may still resend; that is unclear too, and the next look would be too late.
        world.Queue.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        var last = Assert.Single((await world.RunAsync(Options)).Posts);

        Assert.Equal((QueuePostOutcome.Unconfirmed, QueueState.Unconfirmed), (last.Outcome, last.State));
        Assert.Contains("The next look would be a resend", last.Message);
        Assert.Equal(4, await world.CreateCallsAsync()); // two looks, each with the client's own resend
    }

    [Fact]
    public async Task A_retry_whose_earlier_call_may_have_landed_over_a_day_ago_is_not_sent_but_Unconfirmed_for_a_person()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        var post = world.Register("retry", "A 5xx, then days of deferrals");
        // LinkedIn answered 502 to the create: it may have stored the post before failing.
        var result = await RetriedThirtyHoursLaterAsync(world, 502, "Server");

        Assert.Equal((QueuePostOutcome.Unconfirmed, QueueState.Unconfirmed), (result.Outcome, world.Get("retry").State));
        Assert.Contains("could make a second post", result.Message);
        Assert.Contains($"Set-LinkedInScheduledPost -Id {post.Id} -ConfirmPublished", result.Message);
        Assert.Equal(new[] { AttemptOutcome.Retry, AttemptOutcome.Unknown }, world.Attempts("retry").Select(a => a.Outcome));
        Assert.Equal(0, await world.CreateCallsAsync());
    }

    [Fact]
    public async Task A_retry_after_a_429_is_sent_however_old_a_throttle_cannot_have_stored_the_post()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("throttled", "Throttled, then sent");
        var result = await RetriedThirtyHoursLaterAsync(world, 429, "Throttled");

        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.Single(await world.PostsOnceAsync());
    }

    [Fact]
    public async Task A_dead_runs_post_whose_read_back_fails_with_a_5xx_waits_instead_of_being_resent_and_a_later_read_back_finds_it()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        world.Register("dead", "Landed before the crash, LinkedIn slow to show it");
        var claimed = Assert.Single(world.Store.ClaimDue(world.Now, "dead-run", TimeSpan.FromMinutes(10), 10));
        Assert.True(world.Store.MarkSending(claimed.Claim!, world.Now, TimeSpan.FromMinutes(10)).Applied);
        var urn = await world.CreateDirectlyAsync("Landed before the crash, LinkedIn slow to show it");
        world.Queue.Clock.Advance(TimeSpan.FromMinutes(11));
        await world.Admin.AddFaultAsync(ReadBackFails(2));

        var waiting = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal((QueuePostOutcome.Retrying, QueueState.Sending), (waiting.Outcome, waiting.State));
        Assert.Contains("A run ended before it recorded", waiting.Message);
        var dead = Assert.Single(world.Attempts("dead"));
        Assert.Equal((AttemptOutcome.Unknown, "dead-run", 503), (dead.Outcome, dead.RunnerId, dead.HttpStatus));
        Assert.Equal(1, await world.CreateCallsAsync()); // the dead run's: not resent after a read-back that failed

        PastLease(world, "dead");
        var settled = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal((QueuePostOutcome.Published, true, urn), (settled.Outcome, settled.ResolvedByEvidence, settled.PostUrn));
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.Published }, world.Attempts("dead").Select(a => a.Outcome));
        Assert.Equal(urn, world.Attempts("dead")[^1].PostUrn);
        Assert.Equal(1, await world.CreateCallsAsync());
        Assert.Single(await world.PostsOnceAsync());
    }

    [Fact]
    public async Task An_unclear_look_after_MaxLateness_from_the_scheduled_time_makes_the_post_Unconfirmed_rather_than_waiting_again()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        // Half a minute inside MaxLateness (24 h): the wait for evidence (at least a minute) ends outside it.
        world.Register("late", "Nearly a day late", at: world.Now - TimeSpan.FromHours(24) + TimeSpan.FromSeconds(30));
        await world.Admin.AddFaultAsync(CreateFails(2));

        var waiting = Assert.Single((await world.RunAsync()).Posts);
        Assert.Equal(QueuePostOutcome.Retrying, waiting.Outcome);

        await world.Admin.AddFaultAsync(ReadBackFails(100));
        PastLease(world, "late");
        var last = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal((QueuePostOutcome.Unconfirmed, QueueState.Unconfirmed), (last.Outcome, last.State));
        Assert.Contains("MaxLateness", last.Message);
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.Unknown }, world.Attempts("late").Select(a => a.Outcome));
        Assert.Empty(await world.Admin.GetPostsAsync());
    }

    [Fact]
    public async Task A_post_awaiting_evidence_is_no_run_s_to_take_or_preview_until_its_lease_ends_then_it_is_WouldResolve()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("wait", "Waiting for evidence");
        world.Register("next", "Due a little later", at: world.Now + TimeSpan.FromSeconds(30));
        await world.Admin.AddFaultAsync(CreateFails(2));
        Assert.Equal(QueuePostOutcome.Retrying, Assert.Single((await world.RunAsync()).Posts).Outcome);

        world.Queue.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.DoesNotContain(world.Runner().Preview(), p => p.Key == "wait");
        var other = Assert.Single((await world.RunAsync()).Posts);
        Assert.Equal(("next", QueuePostOutcome.Published), (other.Key, other.Outcome));
        Assert.Equal(QueueState.Sending, world.Get("wait").State);

        PastLease(world, "wait");
        var preview = Assert.Single(world.Runner().Preview());
        Assert.Equal(("wait", QueuePostOutcome.WouldResolve), (preview.Key, preview.Outcome));
        Assert.Contains("settles it by evidence", preview.Message);
    }
}
