using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Preflight;

namespace LinkedInPosts.Core.Tests.Queue.Preflight;

/// <summary>The posts a run holds or has given up on: Claimed by a run that stopped, Sending while it waits for evidence, Missed.</summary>
public sealed partial class PreflightTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    [Fact]
    public void A_post_claimed_by_a_run_that_stopped_is_a_warning_and_checked_as_a_pending_one()
    {
        Register("claimed", Now.AddMinutes(-30));
        Assert.Single(_queue.Store.ClaimDue(Now.AddMinutes(-30), "dead-run", Lease, 10));

        var report = Run(null, Work(c => c.AccessTokenExpiresAt = Now.AddMinutes(-1)));

        Assert.Equal(1, report.PostsChecked);
        var stuck = Assert.Single(report.Findings, f => f.Check == PreflightChecks.Stuck);
        Assert.Equal((PreflightSeverity.Warning, "claimed"), (stuck.Severity, stuck.Key));
        Assert.Contains("dead-run", stuck.Message);
        Assert.Contains("not on LinkedIn", stuck.Message);
        // Before, a Claimed post was not read at all: its expired token went unseen, and the next run would hold it.
        var token = Assert.Single(report.Findings, f => f.Check == PreflightChecks.Token);
        Assert.Equal((PreflightSeverity.Error, "claimed"), (token.Severity, token.Key));
    }

    [Fact]
    public void A_post_claimed_by_a_live_run_is_checked_without_a_warning()
    {
        Register("claimed", Now.AddMinutes(-1));
        Assert.Single(_queue.Store.ClaimDue(Now.AddMinutes(-1), "live-run", Lease, 10));

        var report = Run();

        Assert.Equal(1, report.PostsChecked);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_post_waiting_for_evidence_needs_its_token_when_its_wait_ends()
    {
        // Its read-back or resend is a call with the connection's token, made when the lease ends.
        var store = _queue.Store;
        Register("waiting", Now.AddMinutes(-5));
        var claimed = Assert.Single(store.ClaimDue(Now.AddMinutes(-4), "runner-1", Lease, 10));
        Assert.True(store.MarkSending(claimed.Claim!, Now.AddMinutes(-4), Lease).Applied);
        Assert.True(store.AwaitEvidence(claimed.Claim!, Now.AddHours(2), new AttemptReport { At = Now.AddMinutes(-3), Message = "No clear answer." }).Applied);

        var lasting = Run(null, Work(c => c.AccessTokenExpiresAt = Now.AddHours(3)));
        var ending = Run(null, Work(c => c.AccessTokenExpiresAt = Now.AddHours(1)));

        Assert.Equal(PreflightSeverity.Warning, Assert.Single(lasting.Findings, f => f.Check == PreflightChecks.Token).Severity);
        var token = Assert.Single(ending.Findings, f => f.Check == PreflightChecks.Token);
        Assert.Equal((PreflightSeverity.Error, "waiting"), (token.Severity, token.Key));
        Assert.Contains(TokenCheck.Time(Now.AddHours(2)), token.Message);
    }

    [Fact]
    public void A_late_post_whose_earlier_try_may_have_landed_will_be_Unconfirmed_not_Missed()
    {
        var store = _queue.Store;
        Register("unclear", Now.AddHours(-30));
        Register("plain", Now.AddHours(-30).AddMinutes(1));
        var claimed = store.ClaimDue(Now.AddHours(-30), "runner-1", Lease, 10).Single(p => p.Key == "unclear");
        Assert.True(store.MarkSending(claimed.Claim!, Now.AddHours(-30), Lease).Applied);
        Assert.True(store.RetryLater(claimed.Claim!, Now.AddHours(-29), new AttemptReport { At = Now.AddHours(-30), HttpStatus = 503, ErrorKind = "Server", Message = "503" }).Applied);

        var findings = Run().Findings.Where(f => f.Check == PreflightChecks.Lateness).ToDictionary(f => f.Key!);

        Assert.Contains("marks it Unconfirmed instead of posting it this late", findings["unclear"].Message);
        Assert.Contains("-ConfirmPublished -PostUrn", findings["unclear"].Fix);
        Assert.Contains("marks it Missed instead of posting it this late", findings["plain"].Message);
    }

    [Fact]
    public void A_late_post_claimed_by_a_run_that_stopped_is_a_lateness_warning()
    {
        Register("claimed", Now.AddHours(-30));
        Assert.Single(_queue.Store.ClaimDue(Now.AddHours(-30), "dead-run", Lease, 10));

        var finding = Assert.Single(Run().Findings);

        Assert.Equal((PreflightSeverity.Warning, PreflightChecks.Lateness, "claimed"), (finding.Severity, finding.Check, finding.Key));
        Assert.Contains("marks it Missed", finding.Message);
    }

    [Fact]
    public void Missed_posts_of_the_last_week_are_warnings_with_the_commands_that_settle_them()
    {
        var store = _queue.Store;
        Register("recent", Now.AddDays(-3));
        Register("old", Now.AddDays(-9));
        foreach (var post in store.ClaimDue(Now, "runner-1", Lease, 10))
        {
            Assert.True(store.MarkMissed(post.Claim!, new AttemptReport { At = Now, ErrorId = "LinkedInScheduledPostMissed", Message = "Too late to post." }).Applied);
        }

        var finding = Assert.Single(Run().Findings);

        Assert.Equal((PreflightSeverity.Warning, PreflightChecks.Stuck, "recent"), (finding.Severity, finding.Check, finding.Key));
        Assert.Contains("Missed", finding.Message);
        Assert.DoesNotContain("Too late to post.", finding.Message); // the run's own message says the same again, with a stale "ago"
        Assert.Contains($"Set-LinkedInScheduledPost -Id {finding.PostId} -Retry", finding.Fix);
        Assert.Contains($"Unregister-LinkedInScheduledPost -Id {finding.PostId}", finding.Fix);
        Assert.Equal(2, Run(Options(o => o.MissedLookBack = TimeSpan.FromDays(30))).Findings.Count);
        Assert.Empty(Run(Options(o => o.MissedLookBack = TimeSpan.Zero)).Findings);
    }
}
