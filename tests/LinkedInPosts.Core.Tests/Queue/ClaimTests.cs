using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>Claims, leases, and every runner change guarded by state and claim token.</summary>
public sealed class ClaimTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly TestQueue _queue = new();

    public void Dispose() => _queue.Dispose();

    private IQueueStore Store => _queue.Store;

    private static DateTimeOffset At(int minutes) => TestQueue.Start.AddMinutes(minutes);

    private static AttemptReport Report(int minutes, string message, int? status = null, string? errorId = null) =>
        new() { At = At(minutes), Message = message, HttpStatus = status, ErrorId = errorId, ErrorKind = errorId == null ? null : "Test" };

    [Fact]
    public void Only_due_pending_posts_are_claimed_earliest_first_up_to_the_maximum()
    {
        _queue.RegisterMany(10, At(0));
        Store.Hold(Store.GetByKey("k000001")!.Id, At(0));

        var first = Store.ClaimDue(At(5), "runner-a", Lease, 3);
        var second = Store.ClaimDue(At(5), "runner-b", Lease, 10);
        var none = Store.ClaimDue(At(5), "runner-c", Lease, 10);

        Assert.Equal(new[] { "k000000", "k000002", "k000003" }, first.Select(p => p.Key));
        Assert.Equal(new[] { "k000004", "k000005" }, second.Select(p => p.Key));
        Assert.Empty(none);
        foreach (var post in first)
        {
            Assert.Equal(QueueState.Claimed, post.State);
            Assert.Equal("runner-a", post.ClaimedBy);
            Assert.Equal(At(5) + Lease, post.LeaseUntil);
            Assert.NotNull(post.Claim);
            Assert.Equal(post.ClaimToken, post.Claim!.Token);
        }
        Assert.NotEqual(first[0].ClaimToken, second[0].ClaimToken);
        Assert.Equal(QueueState.Held, Store.GetByKey("k000001")!.State);
        Assert.Equal(QueueState.Pending, Store.GetByKey("k000006")!.State);
    }

    [Fact]
    public void The_happy_path_records_sending_durably_then_published_with_one_attempt()
    {
        _queue.RegisterMany(1, At(0));
        var post = Assert.Single(Store.ClaimDue(At(1), "runner-a", Lease, 10));

        var sending = Store.MarkSending(post.Claim!, At(2), Lease);
        Assert.True(sending.Applied);
        Assert.Equal(1, sending.Attempts);
        // Durable: a separate connection (another process) sees Sending and an open attempt before any create call.
        using (var raw = _queue.Raw())
        {
            Assert.Equal("Sending", TestQueue.Scalar(raw, $"SELECT state FROM posts WHERE id = {post.Id};"));
            Assert.Equal("InProgress", TestQueue.Scalar(raw, $"SELECT outcome FROM attempts WHERE post_id = {post.Id};"));
        }
        Assert.Equal(At(2) + Lease, Store.Get(post.Id)!.LeaseUntil);

        var published = Store.MarkPublished(post.Claim!, "urn:li:share:7001", At(3), 201);

        Assert.True(published.Applied);
        var done = Store.Get(post.Id)!;
        Assert.Equal(QueueState.Published, done.State);
        Assert.Equal("urn:li:share:7001", done.PostUrn);
        Assert.Equal(At(3), done.PublishedAt);
        Assert.Null(done.Claim);
        Assert.Null(done.LeaseUntil);
        var attempt = Assert.Single(Store.GetAttempts(post.Id));
        Assert.Equal(1, attempt.Number);
        Assert.Equal("runner-a", attempt.RunnerId);
        Assert.Equal(AttemptOutcome.Published, attempt.Outcome);
        Assert.Equal(201, attempt.HttpStatus);
        Assert.Equal(At(2), attempt.StartedAt);
        Assert.Equal(At(3), attempt.FinishedAt);
        Assert.Equal("urn:li:share:7001", attempt.PostUrn);
    }

    [Fact]
    public void A_claim_whose_lease_ran_out_before_sending_is_claimed_again_and_the_first_runner_is_refused()
    {
        _queue.RegisterMany(1, At(0));
        var late = Assert.Single(Store.ClaimDue(At(1), "runner-a", TimeSpan.FromMinutes(1), 10));

        Assert.Empty(Store.ClaimDue(At(1).AddSeconds(59), "runner-b", Lease, 10));
        var taken = Assert.Single(Store.ClaimDue(At(2), "runner-b", Lease, 10));

        Assert.Equal(late.Id, taken.Id);
        Assert.Equal("runner-b", taken.ClaimedBy);
        var refused = Store.MarkSending(late.Claim!, At(2), Lease);
        Assert.False(refused.Applied);
        Assert.Equal(QueueState.Claimed, refused.State);
        Assert.False(Store.MarkFailed(late.Claim!, Report(2, "late")).Applied);
        Assert.False(Store.Release(late.Claim!, At(2)).Applied);
        Assert.False(Store.RenewLease(late.Claim!, At(2), Lease).Applied);
        Assert.True(Store.MarkSending(taken.Claim!, At(3), Lease).Applied);
        Assert.Equal(1, Store.Get(taken.Id)!.Attempts);
    }

    [Fact]
    public void Sending_is_refused_once_the_claims_lease_ran_out_even_if_nobody_took_it_yet()
    {
        _queue.RegisterMany(1, At(0));
        var post = Assert.Single(Store.ClaimDue(At(1), "runner-a", TimeSpan.FromMinutes(1), 10));

        var result = Store.MarkSending(post.Claim!, At(2), Lease);

        Assert.False(result.Applied);
        Assert.Equal(QueueState.Claimed, result.State);
        Assert.Empty(Store.GetAttempts(post.Id));
    }

    [Fact]
    public void A_renewed_lease_keeps_the_claim()
    {
        _queue.RegisterMany(1, At(0));
        var post = Assert.Single(Store.ClaimDue(At(1), "runner-a", TimeSpan.FromMinutes(1), 10));

        Assert.True(Store.RenewLease(post.Claim!, At(1).AddSeconds(50), TimeSpan.FromMinutes(10)).Applied);

        Assert.Empty(Store.ClaimDue(At(5), "runner-b", Lease, 10));
        Assert.True(Store.MarkSending(post.Claim!, At(5), Lease).Applied);
    }

    [Fact]
    public void An_expired_sending_post_is_found_for_evidence_resolution_and_taken_over_once()
    {
        _queue.RegisterMany(3, At(0));
        var posts = Store.ClaimDue(At(5), "dead-run", Lease, 10);
        Store.MarkSending(posts[0].Claim!, At(5), TimeSpan.FromMinutes(2));
        Store.MarkSending(posts[1].Claim!, At(5), TimeSpan.FromMinutes(10));

        Assert.Empty(Store.FindExpiredSending(At(6)));
        var expired = Assert.Single(Store.FindExpiredSending(At(8)));
        Assert.Equal(posts[0].Id, expired.Id);
        Assert.Equal(QueueState.Sending, expired.State);
        // Claims that never sent are not the resolver's business: they simply become due again.
        Assert.DoesNotContain(Store.FindExpiredSending(At(30)), p => p.Id == posts[2].Id);

        var resolver = Store.TakeOverExpiredSending(expired.Id, expired.ClaimToken!, At(8), "resolver", Lease);
        var second = Store.TakeOverExpiredSending(expired.Id, expired.ClaimToken!, At(8), "resolver-2", Lease);

        Assert.NotNull(resolver);
        Assert.Null(second);
        Assert.Equal("resolver", resolver!.ClaimedBy);
        Assert.Equal(QueueState.Sending, resolver.State);
        Assert.Contains("dead-run", resolver.LastError);
        Assert.Empty(Store.FindExpiredSending(At(9)));
        // The dead run's attempt stays open until the resolver says what that create call did.
        Assert.Equal(AttemptOutcome.InProgress, Assert.Single(Store.GetAttempts(expired.Id)).Outcome);

        Assert.True(Store.MarkUnconfirmed(resolver.Claim!, Report(9, "No read-back scope; LinkedIn's answer unknown.")).Applied);
        var unconfirmed = Store.Get(expired.Id)!;
        Assert.Equal(QueueState.Unconfirmed, unconfirmed.State);
        Assert.Equal(AttemptOutcome.Unknown, Assert.Single(Store.GetAttempts(expired.Id)).Outcome);
        // Never claimed again by itself.
        Assert.DoesNotContain(Store.ClaimDue(At(60), "runner", Lease, 10), p => p.Id == expired.Id);
    }

    [Fact]
    public void A_late_runner_cannot_overwrite_the_resolvers_result()
    {
        _queue.RegisterMany(1, At(0));
        var original = Assert.Single(Store.ClaimDue(At(1), "slow-run", Lease, 10));
        Store.MarkSending(original.Claim!, At(1), TimeSpan.FromMinutes(1));
        var resolver = Store.TakeOverExpiredSending(original.Id, original.ClaimToken!, At(3), "resolver", Lease)!;

        // The resolver sends again and LinkedIn's DUPLICATE_POST names the post: settled as Published.
        Assert.True(Store.MarkSending(resolver.Claim!, At(3), Lease).Applied);
        Assert.True(Store.MarkPublished(resolver.Claim!, "urn:li:share:42", At(4), 422).Applied);

        var late = Store.MarkFailed(original.Claim!, Report(5, "timeout"));
        var lateRetry = Store.RetryLater(original.Claim!, At(30), Report(5, "timeout"));
        var latePublished = Store.MarkPublished(original.Claim!, "urn:li:share:999", At(5));

        Assert.False(late.Applied);
        Assert.False(lateRetry.Applied);
        Assert.False(latePublished.Applied);
        Assert.Equal(QueueState.Published, late.State);
        var post = Store.Get(original.Id)!;
        Assert.Equal("urn:li:share:42", post.PostUrn);
        var attempts = Store.GetAttempts(original.Id);
        Assert.Equal(new[] { AttemptOutcome.Unknown, AttemptOutcome.Published }, attempts.Select(a => a.Outcome));
        Assert.Equal(new[] { "slow-run", "resolver" }, attempts.Select(a => a.RunnerId));
    }

    [Fact]
    public void A_late_runners_success_still_lands_while_the_resolver_has_not_settled_the_post()
    {
        _queue.RegisterMany(1, At(0));
        var original = Assert.Single(Store.ClaimDue(At(1), "slow-run", Lease, 10));
        Store.MarkSending(original.Claim!, At(1), TimeSpan.FromMinutes(1));
        var resolver = Store.TakeOverExpiredSending(original.Id, original.ClaimToken!, At(3), "resolver", Lease)!;

        // LinkedIn's 201 for the slow run's own create call is the best evidence there is.
        var late = Store.MarkPublished(original.Claim!, "urn:li:share:77", At(3).AddSeconds(5), 201);

        Assert.True(late.Applied);
        Assert.Equal("urn:li:share:77", Store.Get(original.Id)!.PostUrn);
        Assert.Equal(AttemptOutcome.Published, Assert.Single(Store.GetAttempts(original.Id)).Outcome);
        // The resolver then finds the post settled and cannot change it.
        Assert.False(Store.MarkUnconfirmed(resolver.Claim!, Report(4, "unknown")).Applied);
        Assert.False(Store.MarkSending(resolver.Claim!, At(4), Lease).Applied);
    }

    [Fact]
    public void A_failure_before_any_create_call_is_one_closed_attempt()
    {
        _queue.RegisterMany(2, At(0));
        var posts = Store.ClaimDue(At(5), "runner", Lease, 10);

        var failed = Store.MarkFailed(posts[0].Claim!, Report(6, "The media upload was refused.", 400, "LinkedInValidation"));
        var retry = Store.RetryLater(posts[1].Claim!, At(65), Report(6, "Daily limit reached.", 429, "LinkedInThrottled"));

        Assert.True(failed.Applied);
        Assert.Equal(QueueState.Failed, failed.State);
        Assert.Equal(1, failed.Attempts);
        var attempt = Assert.Single(Store.GetAttempts(posts[0].Id));
        Assert.Equal(AttemptOutcome.Failed, attempt.Outcome);
        Assert.Equal(400, attempt.HttpStatus);
        Assert.Equal("LinkedInValidation", attempt.ErrorId);
        Assert.Equal("The media upload was refused.", attempt.Message);
        Assert.Equal(At(6), attempt.FinishedAt);
        Assert.Equal("The media upload was refused.", Store.Get(posts[0].Id)!.LastError);

        Assert.True(retry.Applied);
        var waiting = Store.Get(posts[1].Id)!;
        Assert.Equal(QueueState.Pending, waiting.State);
        Assert.Equal(At(65), waiting.DueAtUtc);
        Assert.Equal(At(1), waiting.ScheduledAtUtc);
        Assert.Null(waiting.Claim);
        Assert.Empty(Store.ClaimDue(At(64), "runner", Lease, 10));
        var again = Assert.Single(Store.ClaimDue(At(65), "runner", Lease, 10));
        Assert.True(Store.MarkSending(again.Claim!, At(65), Lease).Applied);
        Assert.True(Store.MarkPublished(again.Claim!, "urn:li:share:5", At(66)).Applied);
        Assert.Equal(new[] { (1, AttemptOutcome.Retry), (2, AttemptOutcome.Published) }, Store.GetAttempts(posts[1].Id).Select(a => (a.Number, a.Outcome)));
        Assert.Null(Store.Get(posts[1].Id)!.LastError);
    }

    [Fact]
    public void Messages_are_stored_without_secrets()
    {
        _queue.RegisterMany(1, At(0));
        var post = Assert.Single(Store.ClaimDue(At(5), "runner", Lease, 10));
        Store.MarkSending(post.Claim!, At(5), Lease);
        var report = new AttemptReport
        {
            At = At(6),
            HttpStatus = 401,
            Message = "Refused AQXsecretTOKEN123 (Authorization: Bearer AQVother.Token-456) refresh_token=RT-789&x=1 {\"client_secret\":\"shh-000\"}\u0007",
            Secrets = new[] { "AQXsecretTOKEN123" },
        };

        Store.MarkFailed(post.Claim!, report);

        var stored = Assert.Single(Store.GetAttempts(post.Id)).Message!;
        foreach (var secret in new[] { "AQXsecretTOKEN123", "AQVother.Token-456", "RT-789", "shh-000" })
        {
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, Store.Get(post.Id)!.LastError!, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(stored, char.IsControl);
        Assert.Contains("Bearer ***", stored);
        Assert.Contains("refresh_token=***", stored);
        using var raw = _queue.Raw();
        TestQueue.Execute(raw, "PRAGMA wal_checkpoint(TRUNCATE);");
        var bytes = File.ReadAllBytes(_queue.QueuePath);
        Assert.Equal(-1, IndexOf(bytes, System.Text.Encoding.UTF8.GetBytes("AQXsecretTOKEN123")));
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }
        return -1;
    }

    [Fact]
    public void A_post_whose_time_passed_long_ago_is_marked_missed_not_sent()
    {
        _queue.RegisterMany(1, At(0));
        var post = Assert.Single(Store.ClaimDue(At(60 * 24 * 3), "runner", Lease, 10));

        var missed = Store.MarkMissed(post.Claim!, Report(60 * 24 * 3, "Scheduled 3 days ago; the missed-post window is 6 hours."));

        Assert.True(missed.Applied);
        Assert.Equal(QueueState.Missed, Store.Get(post.Id)!.State);
        Assert.Empty(Store.GetAttempts(post.Id));
        Assert.Contains("3 days ago", Store.Get(post.Id)!.LastError);
    }

    [Fact]
    public void User_changes_apply_only_in_the_states_that_allow_them()
    {
        _queue.RegisterMany(3, At(0));
        var ids = Enumerable.Range(0, 3).Select(i => Store.GetByKey("k" + i.ToString("D6"))!.Id).ToArray();

        Assert.True(Store.Hold(ids[0], At(0)).Applied);
        Assert.False(Store.Hold(ids[0], At(0)).Applied);
        var notHeld = Store.Resume(ids[1], At(0));
        Assert.False(notHeld.Applied);
        Assert.Equal(QueueState.Pending, notHeld.State);
        Assert.True(Store.Reschedule(ids[0], At(100), "America/New_York", At(0), RescheduleKind.Move).Applied);
        var held = Store.Get(ids[0])!;
        Assert.Equal((QueueState.Held, At(100), At(100), "America/New_York"), (held.State, held.ScheduledAtUtc, held.DueAtUtc, held.TimeZoneId));
        Assert.True(Store.Resume(ids[0], At(0)).Applied);

        var claimed = Store.ClaimDue(At(5), "runner", Lease, 10);
        Assert.Equal(new[] { ids[1], ids[2] }, claimed.Select(p => p.Id));
        var cancelWhileClaimed = Store.Cancel(ids[1], At(5));
        Assert.False(cancelWhileClaimed.Applied);
        Assert.Equal(QueueState.Claimed, cancelWhileClaimed.State);

        Store.MarkSending(claimed[0].Claim!, At(5), Lease);
        Store.MarkUnconfirmed(claimed[0].Claim!, Report(6, "unknown"));
        Store.MarkFailed(claimed[1].Claim!, Report(6, "refused", 422));

        Assert.False(Store.Reschedule(ids[1], At(200), "UTC", At(7), RescheduleKind.Retry).Applied);
        Assert.False(Store.Reschedule(ids[1], At(200), "UTC", At(7), RescheduleKind.Move).Applied);
        Assert.True(Store.Reschedule(ids[1], At(200), "UTC", At(7), RescheduleKind.Resend).Applied);
        Assert.Equal(QueueState.Pending, Store.Get(ids[1])!.State);
        Assert.False(Store.Reschedule(ids[2], At(300), "UTC", At(7), RescheduleKind.Move).Applied);
        Assert.False(Store.Reschedule(ids[2], At(300), "UTC", At(7), RescheduleKind.Resend).Applied);
        Assert.True(Store.Reschedule(ids[2], At(300), "UTC", At(7), RescheduleKind.Retry).Applied);
        Assert.Equal((QueueState.Pending, At(300)), (Store.Get(ids[2])!.State, Store.Get(ids[2])!.DueAtUtc));
        Assert.True(Store.Cancel(ids[2], At(8)).Applied);
        Assert.False(Store.Reschedule(ids[2], At(300), "UTC", At(9), RescheduleKind.Retry).Applied);
        Assert.Equal(QueueState.Cancelled, Store.Get(ids[2])!.State);

        var missing = Store.Cancel(123456, At(9));
        Assert.False(missing.Applied);
        Assert.False(missing.Found);
    }

    [Fact]
    public void A_person_can_confirm_an_unconfirmed_post_as_published()
    {
        _queue.RegisterMany(1, At(0));
        var post = Assert.Single(Store.ClaimDue(At(1), "runner", Lease, 10));
        Store.MarkSending(post.Claim!, At(1), Lease);
        Store.MarkUnconfirmed(post.Claim!, Report(2, "timeout, no read-back scope"));

        Assert.Throws<ArgumentException>(() => Store.ConfirmPublished(post.Id, "urn:li:person:abc", At(3), At(3)));
        Assert.True(Store.ConfirmPublished(post.Id, "urn:li:share:9", At(1), At(3)).Applied);

        var done = Store.Get(post.Id)!;
        Assert.Equal((QueueState.Published, "urn:li:share:9", At(1)), (done.State, done.PostUrn, done.PublishedAt));
        Assert.False(Store.ConfirmPublished(post.Id, "urn:li:share:9", At(1), At(3)).Applied);
        Assert.False(Store.Cancel(post.Id, At(4)).Applied);
    }

    [Fact]
    public void A_person_can_confirm_any_post_no_run_holds_that_they_found_on_LinkedIn()
    {
        // Pending (a 5xx, then a 429, left it waiting), Held, Failed, Missed, Cancelled: found on LinkedIn, or posted by hand.
        var ids = _queue.RegisterMany(6, At(0)).Select(r => r.Id!.Value).ToArray();
        Assert.True(Store.Hold(ids[1], At(1)).Applied);
        Assert.True(Store.Cancel(ids[4], At(1)).Applied);
        var claimed = Store.ClaimDue(At(10), "runner", Lease, 10).ToDictionary(p => p.Id);
        Assert.True(Store.MarkFailed(claimed[ids[2]].Claim!, Report(10, "422 final")).Applied);
        Assert.True(Store.MarkMissed(claimed[ids[3]].Claim!, Report(10, "too late")).Applied);
        Assert.True(Store.Release(claimed[ids[0]].Claim!, At(10)).Applied);
        // ids[5] stays Claimed: a run holds it.

        foreach (var id in ids.Take(5))
        {
            var before = Store.Get(id)!.State;
            Assert.True(Store.ConfirmPublished(id, "urn:li:share:70" + id, At(11), At(12)).Applied, $"post {id} ({before})");
            Assert.Equal((QueueState.Published, "urn:li:share:70" + id), (Store.Get(id)!.State, Store.Get(id)!.PostUrn));
        }
        var held = Store.ConfirmPublished(ids[5], "urn:li:share:75", At(11), At(12));
        Assert.False(held.Applied);
        Assert.Equal(QueueState.Claimed, held.State);
        Assert.False(Store.ConfirmPublished(ids[0], "urn:li:share:76", At(11), At(13)).Applied);
        // A confirmed post is never claimed again.
        Store.Release(claimed[ids[5]].Claim!, At(14));
        Assert.Equal(new[] { ids[5] }, Store.ClaimDue(At(15), "runner", Lease, 10).Select(p => p.Id));
    }

    [Fact]
    public void A_person_can_confirm_a_post_that_waits_for_evidence_but_not_one_whose_call_may_be_in_flight()
    {
        _queue.RegisterMany(2, At(0));
        var claimed = Store.ClaimDue(At(1), "runner", Lease, 10);
        Assert.All(Store.MarkSendingWindow(claimed.Select(p => p.Claim!).ToList(), At(1), Lease), r => Assert.True(r.Applied));
        var waiting = claimed[0];
        var inFlight = claimed[1];
        // The first one's create got no clear answer: it waits, Sending, for a later run's evidence (no attempt open).
        Assert.True(Store.AwaitEvidence(waiting.Claim!, At(5), Report(2, "503 twice")).Applied);

        Assert.False(Store.ConfirmPublished(inFlight.Id, "urn:li:share:8", At(1), At(3)).Applied);
        Assert.Equal(QueueState.Sending, Store.Get(inFlight.Id)!.State);
        Assert.True(Store.ConfirmPublished(waiting.Id, "urn:li:share:9", At(1), At(3)).Applied);

        var done = Store.Get(waiting.Id)!;
        Assert.Equal((QueueState.Published, "urn:li:share:9", (string?)null, (DateTimeOffset?)null), (done.State, done.PostUrn, done.ClaimToken, done.LeaseUntil));
        // Whatever the run that sent it still holds is refused now: a late answer cannot overwrite what the person said.
        Assert.False(Store.MarkPublished(waiting.Claim!, "urn:li:share:1", At(4), 201).Applied);
        Assert.False(Store.RetryLater(waiting.Claim!, At(10), Report(4, "late")).Applied);
        Assert.Equal("urn:li:share:9", Store.Get(waiting.Id)!.PostUrn);
    }

    [Fact]
    public void Claimed_posts_carry_their_media()
    {
        var hash = Store.Media.Add(new MemoryStream(new byte[] { 7, 7 })).Sha256;
        Store.RegisterBatch(new[] { TestQueue.Post("with-media", At(0), media: new[] { hash }) });

        var post = Assert.Single(Store.ClaimDue(At(1), "runner", Lease, 10));

        Assert.Equal(new[] { hash }, post.MediaHashes);
    }
}
