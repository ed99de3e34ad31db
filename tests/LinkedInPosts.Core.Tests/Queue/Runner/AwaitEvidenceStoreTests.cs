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
}
