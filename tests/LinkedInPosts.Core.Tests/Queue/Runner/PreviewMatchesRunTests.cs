using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Preflight;
using LinkedInPosts.Core.Queue.Runner;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// What -WhatIf (Preview) and Test-LinkedInPostQueue say a run does is what RunAsync does, for the cases where the run
/// does not send a post it might be expected to (review S13-B): an unclear try older than LinkedIn's duplicate check
/// remembers, an expired Sending post too late for another look, and what -MaxPosts leaves out.
/// </summary>
public sealed class PreviewMatchesRunTests
{
    private static readonly TimeSpan DeadLease = TimeSpan.FromMinutes(5);

    private static PreflightConnection Work(RunnerHarness world) => new("work", world.Author.ToString())
    {
        MemberName = "Ada Ops",
        Scopes = new[] { "w_member_social" },
        AccessTokenExpiresAt = world.Now.AddDays(50),
        ApiVersion = RunnerHarness.ApiVersion,
    };

    /// <summary>A run takes the one due post, marks it Sending and dies mid-call; the clock then moves on by <paramref name="later"/>.</summary>
    private static void DieMidCall(RunnerHarness world, TimeSpan later)
    {
        var claimed = Assert.Single(world.Store.ClaimDue(world.Now, "dead-run", DeadLease, 10));
        Assert.True(world.Store.MarkSending(claimed.Claim!, world.Now, DeadLease).Applied);
        world.Queue.Clock.Advance(later);
    }

    private static List<PreflightFinding> FindingsAbout(RunnerHarness world, string key) =>
        QueuePreflight.Run(world.Store, new[] { Work(world) }, new PreflightOptions { Now = world.Now })
            .Findings.Where(f => f.Key == key).ToList();

    // a retry whose 5xx try is more than a day old, moved by the person (-ScheduledAt keeps the tries).
    [Fact]
    public async Task A_moved_post_whose_unclear_try_is_a_day_old_is_previewed_and_found_as_the_run_marks_it_Unconfirmed()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("moved", "Tried once, got a 503, then moved");
        var claimed = Assert.Single(world.Store.ClaimDue(world.Now, "earlier-run", DeadLease, 10));
        Assert.True(world.Store.MarkSending(claimed.Claim!, world.Now, DeadLease).Applied);
        // The create answered 503: retryable, and it may have landed (AttemptOutcome.Retry with a 5xx).
        Assert.True(world.Store.RetryLater(claimed.Claim!, world.Now.AddMinutes(2), new AttemptReport
        {
            At = world.Now, HttpStatus = 503, ErrorKind = "Server", Message = "LinkedIn answered 503.",
        }).Applied);
        // Set-LinkedInScheduledPost -Id <id> -ScheduledAt <in two days>: a move keeps the tries (attempts_at_retry).
        Assert.True(world.Store.Reschedule(world.Get("moved").Id, world.Now.AddDays(2), "Europe/Berlin", world.Now, RescheduleKind.Move).Applied);
        world.Queue.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));

        var preview = Assert.Single(world.Runner().Preview());
        var findings = FindingsAbout(world, "moved");
        var run = Assert.Single((await world.RunAsync()).Posts);

        // What the run does: not sent, Unconfirmed (PostPublisher.cs:72, UnconfirmedBeforeResend).
        Assert.Equal(QueuePostOutcome.Unconfirmed, run.Outcome);
        Assert.Equal(0, await world.CreateCallsAsync());
        // Test-LinkedInPostQueue and -WhatIf say so beforehand (they said nothing, and WouldPublish).
        var stuck = Assert.Single(findings, f => f.Check == PreflightChecks.Stuck);
        Assert.Equal(PreflightSeverity.Warning, stuck.Severity);
        Assert.Contains("the run then marks it Unconfirmed instead of sending it", stuck.Message);
        Assert.Contains("-ConfirmPublished -PostUrn <its URN>", stuck.Fix);
        Assert.Equal(QueuePostOutcome.WouldMarkUnconfirmed, preview.Outcome);
        Assert.Contains("a run now marks it Unconfirmed rather than send it", preview.Message);
    }

    // a dead run's Sending post, found more than MaxLateness after its time, on a connection without read-back.
    [Fact]
    public async Task An_expired_Sending_post_past_MaxLateness_is_previewed_and_found_as_the_run_marks_it_Unconfirmed_without_a_look()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("dead", "The run died mid-call, the machine was off for a day");
        DieMidCall(world, TimeSpan.FromHours(25));

        var preview = Assert.Single(world.Runner().Preview());
        var stuck = Assert.Single(FindingsAbout(world, "dead"), f => f.Check == PreflightChecks.Stuck);
        var run = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Unconfirmed, run.Outcome);
        Assert.Equal(0, await world.CreateCallsAsync()); // no resend, no look: too late (EvidenceResolver.cs:137)
        // Both said "settles it by evidence" (and -WhatIf WouldResolve).
        Assert.Contains("The next Invoke-LinkedInPostQueue marks it Unconfirmed", stuck.Message);
        Assert.DoesNotContain("settles it by evidence", stuck.Message);
        Assert.Equal(QueuePostOutcome.WouldMarkUnconfirmed, preview.Outcome);
        Assert.Contains("too late to send it again as a check", preview.Message);
    }

    // the same within MaxLateness (-MaxLateness 48h), first call more than 24 h ago: the duplicate check is not trusted.
    [Fact]
    public async Task An_expired_Sending_post_whose_call_is_a_day_old_is_previewed_as_the_run_marks_it_Unconfirmed_within_MaxLateness()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("dead", "The run died mid-call a day ago");
        DieMidCall(world, TimeSpan.FromHours(25));

        var preview = Assert.Single(world.Runner(o => o.MaxLateness = TimeSpan.FromHours(48)).Preview());
        var run = Assert.Single((await world.RunAsync(o => o.MaxLateness = TimeSpan.FromHours(48))).Posts);

        Assert.Equal(QueuePostOutcome.Unconfirmed, run.Outcome);
        Assert.Equal(0, await world.CreateCallsAsync());
        Assert.Equal(QueuePostOutcome.WouldMarkUnconfirmed, preview.Outcome);
    }

    // -WhatIf -MaxPosts 1 counts the expired Sending post against MaxPosts; the run does not.
    [Fact]
    public async Task With_MaxPosts_the_preview_shows_every_post_to_settle_and_MaxPosts_due_posts_as_the_run_takes_them()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("dead", "A dead run's post");
        DieMidCall(world, DeadLease + TimeSpan.FromMinutes(1));
        world.Register("next", "Due now, a new post");

        // As Invoke-LinkedInPostQueue -WhatIf -MaxPosts 1 calls it (InvokeLinkedInPostQueueCommand.cs:334).
        var preview = world.Runner(o => o.MaxPosts = 1).Preview(1);
        var run = await world.RunAsync(o => o.MaxPosts = 1);

        Assert.Contains(run.Posts, p => p.Key == "next" && p.Outcome == QueuePostOutcome.Published);
        Assert.Contains(run.Posts, p => p.Key == "dead" && p.Outcome == QueuePostOutcome.Published);
        // The settled post did not count against MaxPosts in the preview either (it left "next" out).
        Assert.Contains(preview, p => p.Key == "next" && p.Outcome == QueuePostOutcome.WouldPublish);
        Assert.Contains(preview, p => p.Key == "dead" && p.Outcome == QueuePostOutcome.WouldResolve);
    }

    // with read-back the too-late post gets a look (not found), then is Unconfirmed too, in the same run.
    [Fact]
    public async Task With_read_back_a_too_late_expired_Sending_post_not_found_ends_Unconfirmed_as_previewed()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        world.Register("dead", "The run died mid-call, the machine was off for a day");
        DieMidCall(world, TimeSpan.FromHours(25));

        var preview = Assert.Single(world.Runner().Preview());
        var run = (await world.RunAsync()).Posts;

        Assert.Equal(QueuePostOutcome.WouldMarkUnconfirmed, preview.Outcome);
        Assert.Contains("unless its connection may read the author's posts back and finds it there", preview.Message);
        Assert.Equal(QueueState.Unconfirmed, world.Get("dead").State);
        Assert.Equal(0, await world.CreateCallsAsync());
        Assert.Single(await world.RequestsAsync("GET", "/rest/posts?author="));
        Assert.Equal(QueuePostOutcome.Unconfirmed, Assert.Single(run).Outcome);
    }

    [Fact]
    public async Task The_pre_flight_names_the_queue_it_checked_in_its_messages_as_in_its_fixes()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        world.Register("dead", "The run died mid-call");
        DieMidCall(world, DeadLease + TimeSpan.FromMinutes(1));

        var options = new PreflightOptions { Now = world.Now, QueuePath = "/srv/campaign.db" };
        var stuck = Assert.Single(QueuePreflight.Run(world.Store, new[] { Work(world) }, options).Findings, f => f.Key == "dead" && f.Check == PreflightChecks.Stuck);

        Assert.Contains("The next Invoke-LinkedInPostQueue -Path '/srv/campaign.db' settles it", stuck.Message);
        Assert.Contains("Invoke-LinkedInPostQueue -Path '/srv/campaign.db' settles the post", stuck.Fix);
    }

    [Fact]
    public async Task An_expired_Sending_reshare_without_text_is_previewed_and_found_as_the_run_marks_it_Unconfirmed()
    {
        // LinkedIn's duplicate check does not cover a post without text, so the run sends it no check (review S13-C, 6).
        await using var world = await RunnerHarness.StartAsync(canReadBack: false);
        var parent = LinkedInUrn.Parse(await world.CreateDirectlyAsync("Reshare me"));
        world.Register("dead", string.Empty, content: new ReshareContent(parent));
        DieMidCall(world, DeadLease + TimeSpan.FromMinutes(1));

        var preview = Assert.Single(world.Runner().Preview());
        var stuck = Assert.Single(FindingsAbout(world, "dead"), f => f.Check == PreflightChecks.Stuck);
        var run = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Unconfirmed, run.Outcome);
        Assert.Equal(QueuePostOutcome.WouldMarkUnconfirmed, preview.Outcome);
        Assert.Contains("it has no text", preview.Message);
        Assert.Contains("The next Invoke-LinkedInPostQueue marks it Unconfirmed", stuck.Message);
    }
}
