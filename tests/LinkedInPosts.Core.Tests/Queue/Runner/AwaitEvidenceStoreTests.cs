using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>The store's side of waiting for evidence: AwaitEvidence and OpenEvidenceCheck, and their guards.</summary>
public sealed class AwaitEvidenceStoreTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private readonly TestQueue _queue = new();

    public void Dispose() => _queue.Dispose();

    private IQueueStore Store => _queue.Store;

    private static DateTimeOffset At(int minutes) => TestQueue.Start.AddMinutes(minutes);

    private static AttemptReport Unclear(int minutes) => new() { At = At(minutes), HttpStatus = 503, ErrorKind = "Unknown", ErrorId = "LinkedInPostOutcomeUnknown", Message = "No clear answer; waiting for evidence." };

    private ScheduledPost Sending()
    {
        _queue.RegisterMany(1, At(0));
        var claimed = Assert.Single(Store.ClaimDue(At(1), "runner", Lease, 10));
        Assert.True(Store.MarkSendingWindow(new[] { claimed.Claim! }, At(1), Lease)[0].Applied);
        return claimed;
    }

    [Fact]
    public void AwaitEvidence_keeps_the_post_Sending_under_its_token_with_the_new_lease_and_closes_the_open_attempt_as_Unknown()
    {
        var post = Sending();

        var waiting = Store.AwaitEvidence(post.Claim!, At(4), Unclear(2));

        Assert.True(waiting.Applied);
        Assert.Equal(QueueState.Sending, waiting.State);
        Assert.Equal(1, waiting.Attempts);
        var stored = Store.Get(post.Id)!;
        Assert.Equal(QueueState.Sending, stored.State);
        Assert.Equal(post.ClaimToken, stored.ClaimToken);
        Assert.Equal(At(4), stored.LeaseUntil);
        Assert.Equal("No clear answer; waiting for evidence.", stored.LastError);
        var attempt = Assert.Single(Store.GetAttempts(post.Id));
        Assert.Equal(AttemptOutcome.Unknown, attempt.Outcome);
        Assert.Equal(503, attempt.HttpStatus);
        Assert.Equal("LinkedInPostOutcomeUnknown", attempt.ErrorId);
        Assert.Equal(At(2), attempt.FinishedAt);

        // A resolver finds it only once that lease has run out, and can take it over then.
        Assert.Empty(Store.FindExpiredSending(At(3)));
        var expired = Assert.Single(Store.FindExpiredSending(At(4)));
        Assert.NotNull(Store.TakeOverExpiredSending(expired.Id, expired.ClaimToken!, At(4), "resolver", Lease));
    }

    [Fact]
    public void AwaitEvidence_without_an_open_attempt_records_one_so_that_failed_checks_count()
    {
        var post = Sending();
        Assert.True(Store.AwaitEvidence(post.Claim!, At(4), Unclear(2)).Applied);

        var again = Store.AwaitEvidence(post.Claim!, At(9), Unclear(5));

        Assert.Equal((true, 2), (again.Applied, again.Attempts));
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.Unknown }, Store.GetAttempts(post.Id).Select(a => a.Outcome));
        Assert.Equal(2, Store.Get(post.Id)!.Attempts);
    }

    [Fact]
    public void AwaitEvidence_is_refused_under_another_token_for_a_post_not_Sending_and_for_a_lease_not_ahead()
    {
        var post = Sending();
        var stranger = new QueueClaim(post.Id, "0123456789abcdef0123456789abcdef", "other", At(11));

        Assert.False(Store.AwaitEvidence(stranger, At(4), Unclear(2)).Applied);
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.AwaitEvidence(post.Claim!, At(2), Unclear(2)));
        Assert.True(Store.MarkPublished(post.Claim!, "urn:li:share:1", At(2)).Applied);
        var late = Store.AwaitEvidence(post.Claim!, At(4), Unclear(3));
        Assert.False(late.Applied);
        Assert.Equal(QueueState.Published, late.State);
        Assert.Equal(AttemptOutcome.Published, Assert.Single(Store.GetAttempts(post.Id)).Outcome);
    }

    [Fact]
    public void OpenEvidenceCheck_opens_an_attempt_only_when_none_is_open_and_only_under_the_claim()
    {
        var post = Sending();
        Assert.True(Store.OpenEvidenceCheck(post.Claim!, At(2)).Applied);
        Assert.Single(Store.GetAttempts(post.Id)); // the call's own attempt is still open: the check settles that one

        Assert.True(Store.AwaitEvidence(post.Claim!, At(4), Unclear(2)).Applied);
        var expired = Assert.Single(Store.FindExpiredSending(At(5)));
        var taken = Store.TakeOverExpiredSending(expired.Id, expired.ClaimToken!, At(5), "resolver", Lease)!;
        Assert.False(Store.OpenEvidenceCheck(post.Claim!, At(5)).Applied); // the old claim is gone

        var check = Store.OpenEvidenceCheck(taken.Claim!, At(5));

        Assert.Equal((true, 2), (check.Applied, check.Attempts));
        var attempts = Store.GetAttempts(post.Id);
        Assert.Equal((AttemptOutcome.InProgress, "resolver", At(5)), (attempts[1].Outcome, attempts[1].RunnerId, attempts[1].StartedAt));
        Assert.True(Store.MarkPublished(taken.Claim!, "urn:li:share:2", At(6)).Applied);
        Assert.Equal("urn:li:share:2", Store.GetAttempts(post.Id)[1].PostUrn);
    }

    /// <summary>A post that waited for evidence, taken over by a resolver whose read-back attempt is now open.</summary>
    private (ScheduledPost Taken, int Check) ReadBackOpen(string runner = "resolver")
    {
        var post = Sending();
        Assert.True(Store.AwaitEvidence(post.Claim!, At(4), Unclear(2)).Applied);
        var expired = Assert.Single(Store.FindExpiredSending(At(5)));
        var taken = Store.TakeOverExpiredSending(expired.Id, expired.ClaimToken!, At(5), runner, Lease)!;
        var check = Store.OpenEvidenceCheck(taken.Claim!, At(5));
        Assert.Equal(QueueAttempt.ReadBackKind, Store.GetAttempts(post.Id)[^1].ErrorKind);
        return (taken, check.Attempts);
    }

    [Fact]
    public void A_resend_after_a_refused_read_back_goes_on_under_the_checks_attempt_marked_Resend_and_is_never_taken_back_as_not_sent()
    {
        var (taken, check) = ReadBackOpen();

        var resend = Store.MarkSending(taken.Claim!, At(6), Lease);

        Assert.Equal((true, check), (resend.Applied, resend.Attempts)); // one look, one attempt
        var open = Store.GetAttempts(taken.Id)[^1];
        Assert.Equal((AttemptOutcome.InProgress, QueueAttempt.ResendKind, true), (open.Outcome, open.ErrorKind, open.MayHaveCalled));
        // A resend may follow a call that landed: its post is never "known not created".
        Assert.False(Store.UnmarkSending(new[] { taken.Claim! }, At(6))[0].Applied);
        Assert.Equal(QueueState.Sending, Store.Get(taken.Id)!.State);
    }

    [Fact]
    public void A_read_back_a_dead_resolver_left_open_is_taken_over_by_the_next_resolvers_resend_not_counted_as_a_call()
    {
        var (dead, check) = ReadBackOpen("dead-resolver");
        var expired = Assert.Single(Store.FindExpiredSending(At(20)));
        var taken = Store.TakeOverExpiredSending(expired.Id, expired.ClaimToken!, At(20), "resolver", Lease)!;
        Assert.True(Store.OpenEvidenceCheck(taken.Claim!, At(20)).Applied); // the dead check is still open: no new one

        var resend = Store.MarkSending(taken.Claim!, At(21), Lease);

        Assert.Equal((true, check), (resend.Applied, resend.Attempts));
        var attempts = Store.GetAttempts(dead.Id);
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.InProgress }, attempts.Select(a => a.Outcome));
        Assert.Equal(("resolver", QueueAttempt.ResendKind), (attempts[^1].RunnerId, attempts[^1].ErrorKind));
        Assert.True(Store.MarkPublished(taken.Claim!, "urn:li:share:3", At(22)).Applied);
        Assert.Equal((AttemptOutcome.Published, "urn:li:share:3"), (Store.GetAttempts(dead.Id)[^1].Outcome, Store.GetAttempts(dead.Id)[^1].PostUrn));
    }

    [Fact]
    public void A_resend_after_a_dead_runs_call_supersedes_that_call_and_is_marked_Resend()
    {
        var post = Sending();
        var expired = Assert.Single(Store.FindExpiredSending(At(20)));
        var taken = Store.TakeOverExpiredSending(expired.Id, expired.ClaimToken!, At(20), "resolver", Lease)!;

        var resend = Store.MarkSending(taken.Claim!, At(21), Lease);

        Assert.Equal((true, 2), (resend.Applied, resend.Attempts));
        var attempts = Store.GetAttempts(post.Id);
        Assert.Equal(("Superseded", AttemptOutcome.Unknown), (attempts[0].ErrorKind, attempts[0].Outcome));
        Assert.Equal((AttemptOutcome.InProgress, QueueAttempt.ResendKind), (attempts[1].Outcome, attempts[1].ErrorKind));
        Assert.False(Store.UnmarkSending(new[] { taken.Claim! }, At(21))[0].Applied);
    }

    [Fact]
    public void A_person_may_confirm_a_post_whose_only_open_attempt_is_a_read_back()
    {
        var (taken, _) = ReadBackOpen();

        Assert.True(Store.ConfirmPublished(taken.Id, "urn:li:share:4", At(5), At(6)).Applied);
        Assert.Equal(QueueState.Published, Store.Get(taken.Id)!.State);
        var check = Store.GetAttempts(taken.Id)[^1];
        Assert.Equal((AttemptOutcome.Published, "urn:li:share:4"), (check.Outcome, check.PostUrn)); // no attempt left open
    }

    [Fact]
    public void A_person_may_not_confirm_a_post_whose_resend_is_open_its_call_may_be_in_flight()
    {
        var (taken, _) = ReadBackOpen();
        Assert.True(Store.MarkSending(taken.Claim!, At(6), Lease).Applied);

        Assert.False(Store.ConfirmPublished(taken.Id, "urn:li:share:5", At(5), At(7)).Applied);
        Assert.Equal(QueueState.Sending, Store.Get(taken.Id)!.State);
    }

    [Fact]
    public void MarkSending_of_a_claimed_post_opens_a_first_call_that_a_window_may_take_back_and_of_a_sending_one_a_Resend()
    {
        _queue.RegisterMany(1, At(0));
        var claimed = Assert.Single(Store.ClaimDue(At(1), "runner", Lease, 10));

        Assert.True(Store.MarkSending(claimed.Claim!, At(1), Lease).Applied);
        Assert.Null(Store.GetAttempts(claimed.Id)[^1].ErrorKind);
        Assert.True(Store.MarkSending(claimed.Claim!, At(2), Lease).Applied);

        var attempts = Store.GetAttempts(claimed.Id);
        Assert.Equal(("Superseded", QueueAttempt.ResendKind), (attempts[0].ErrorKind, attempts[1].ErrorKind));
    }

    [Fact]
    public void A_claimed_post_can_be_made_Unconfirmed_without_a_call_and_the_try_is_recorded()
    {
        _queue.RegisterMany(1, At(0));
        var claimed = Assert.Single(Store.ClaimDue(At(1), "runner", Lease, 10));

        var unconfirmed = Store.MarkUnconfirmed(claimed.Claim!, new AttemptReport { At = At(2), ErrorKind = "Unknown", Message = "An earlier call may have landed too long ago." });

        Assert.Equal((true, QueueState.Unconfirmed, 1), (unconfirmed.Applied, unconfirmed.State, unconfirmed.Attempts));
        Assert.Equal(AttemptOutcome.Unknown, Assert.Single(Store.GetAttempts(claimed.Id)).Outcome);
    }
}
