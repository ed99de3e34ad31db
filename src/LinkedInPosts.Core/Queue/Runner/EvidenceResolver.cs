using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Settles posts whose create call may or may not have landed, by evidence and never by a blind retry:
    /// Sending posts whose lease ran out, because their run died during or around the create call, or because
    /// this or an earlier run got no clear answer and left them waiting for evidence (<see cref="AwaitEvidence"/>).
    /// Where the connection may read the author's posts, it looks first: found means Published, not found means
    /// not created (Pending again, sent later in this run). Otherwise it sends once more, under its own claim,
    /// and lets LinkedIn's duplicate check answer: a 201 means the first never landed (Published now),
    /// 422 DUPLICATE_POST naming a URN means it did (Published with that URN). A look that is itself unclear
    /// (a 5xx, a timeout) waits again, with the retry backoff (not before a Retry-After), until MaxAttempts or
    /// MaxLateness is spent; only then is the post Unconfirmed, which no runner retries: a person looks.
    /// </summary>
    internal sealed class EvidenceResolver
    {
        /// <summary>Expired Sending posts looked at per run; a dead run leaves a handful, never thousands.</summary>
        public const int MaxPerRun = 1000;

        /// <summary><see cref="QueueAttempt.DuplicateCheckMemory"/>, under the name the runner's rules use.</summary>
        public static readonly TimeSpan DuplicateCheckMemory = QueueAttempt.DuplicateCheckMemory;

        private readonly QueueRun _run;
        private readonly EvidenceWait _wait;

        public EvidenceResolver(QueueRun run)
        {
            _run = run;
            _wait = new EvidenceWait(run);
        }

        /// <summary>Settles every Sending post whose lease has run out (its run died, or it was left waiting for evidence).</summary>
        public async Task ResolveExpiredAsync(CancellationToken cancellationToken)
        {
            foreach (var expired in _run.Store.FindExpiredSending(_run.Now, MaxPerRun))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var connection = _run.Connections.Get(expired.Connection, cancellationToken);
                if (connection == null)
                {
                    // Not taken over: it stays Sending with its lease run out, for a run that can use the connection.
                    _run.ReportHeld(expired, QueueState.Sending, _run.Connections.ProblemOf(expired.Connection)!, expired.Attempts);
                    continue;
                }
                var taken = _run.Store.TakeOverExpiredSending(expired.Id, expired.ClaimToken!, _run.Now, _run.Options.RunnerId, _run.Options.Lease);
                if (taken == null)
                {
                    continue; // another resolver has it, or the dead run came back and finished it
                }
                await ResolveAsync(taken, expired.LeaseUntil ?? _run.Now, connection, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// This run's own create got no clear answer (the client already sent it once more, and that was unclear
        /// too). Not settled on the spot: a read-back right after a 5xx can miss a post LinkedIn stores a moment
        /// later, and a short outage would make posts Unconfirmed that a later look settles safely. The post
        /// waits for evidence (<see cref="EvidenceWait.Unsettled"/>).
        /// </summary>
        public void AwaitEvidence(ScheduledPost post, QueueClaim claim, QueueConnection connection, LinkedInException error) =>
            _wait.Unsettled(post, claim, connection, error, "The create call's outcome is unknown: " + error.Message);

        private async Task ResolveAsync(ScheduledPost post, DateTimeOffset leaseEnded, QueueConnection connection, CancellationToken cancellationToken)
        {
            var claim = post.Claim!;
            var attempts = _run.Store.GetAttempts(post.Id);
            // An open read-back is a check a run did not finish, not a call: the post had waited for evidence.
            var origin = attempts.Any(a => a.MayHaveCalled)
                ? "A run ended before it recorded its create call's outcome."
                : "Its create call got no clear answer earlier, and it waited for evidence.";
            var sentAt = EvidenceWait.WindowStart(attempts, post.AttemptsAtRetry) ?? post.UpdatedAt;
            QueuedContent content;
            try
            {
                content = QueuePayload.Read(post.PayloadJson);
            }
            catch (LinkedInQueueException unreadable)
            {
                _wait.Unconfirmed(post, claim, origin + " The post's content cannot be read to check: " + unreadable.Message);
                return;
            }

            if (connection.CanReadBackPosts)
            {
                // The look is an attempt of its own when no call is open, so its finding is recorded and its failures count.
                if (!_run.Store.OpenEvidenceCheck(claim, _run.Now).Applied)
                {
                    return;
                }
                try
                {
                    var urn = await PostReadBack.FindAsync(connection.Client, content.Draft, sentAt, leaseEnded, cancellationToken).ConfigureAwait(false);
                    if (urn != null)
                    {
                        await PublishedByEvidenceAsync(post, claim, connection, content, urn, "found among the author's posts", cancellationToken).ConfigureAwait(false);
                        return;
                    }
                    // Not there: the call never landed. Due again as it was, so this run's claims send it now, or
                    // mark it Missed if it is by now too late.
                    _run.Store.RetryLater(claim, post.DueAtUtc, new AttemptReport
                    {
                        At = _run.Now,
                        ErrorKind = QueueAttempt.NotCreatedKind,
                        Message = origin + " The author's posts read back since " +
                            sentAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC hold no such post, so it was not created.",
                    });
                    return;
                }
                catch (LinkedInException readBack) when (FailureClassifier.IsAboutThePost(readBack))
                {
                    if (StopsResolution(post, claim, connection, readBack))
                    {
                        return;
                    }
                    if (IsUnclear(readBack))
                    {
                        _wait.Unsettled(post, claim, connection, readBack, origin + " Reading the author's posts back to check got no clear answer: " + readBack.Message);
                        return;
                    }
                    // The read-back is refused (a scope LinkedIn did not grant, say): LinkedIn's duplicate check is the other evidence.
                }
            }

            var now = _run.Now;
            if (EvidenceWait.TooLateForAnotherLook(post, attempts, now, _run.Options.MaxLateness))
            {
                _wait.Unconfirmed(post, claim, origin + " Its first try was " + DurationText.Describe(now - sentAt) + " ago, its time " +
                    DurationText.Describe(now - post.ScheduledAtUtc) + " ago. That is too long ago to send it again as a check: LinkedIn's " +
                    "duplicate check is trusted only within " + DurationText.Describe(DuplicateCheckMemory) + " of the first try, and a post may be " +
                    "at most MaxLateness (" + DurationText.Describe(_run.Options.MaxLateness) + ") late.");
                return;
            }
            if (EvidenceWait.HasNoText(content.Draft))
            {
                _wait.Unconfirmed(post, claim, origin + " It has no text (a reshare as it is), which LinkedIn's duplicate check does not cover, so sending it once " +
                    "as a check could post it twice, and the author's posts could not be read back to look for it (no r_member_social or r_organization_social, or LinkedIn refused it).");
                return;
            }
            await ResendAsync(post, claim, connection, content, origin, sentAt, cancellationToken).ConfigureAwait(false);
        }

        private async Task ResendAsync(ScheduledPost post, QueueClaim claim, QueueConnection connection, QueuedContent content, string origin, DateTimeOffset sentAt, CancellationToken cancellationToken)
        {
            PostDraft draft;
            try
            {
                // A resend refused for an upload LinkedIn no longer knows is Unconfirmed as any refused check is; a person's
                // -Resend then goes through the publisher, which uploads the file anew.
                draft = await _run.Media.ResolveAsync(content.Draft, connection, claim, new List<MediaUploadRecord>(), cancellationToken).ConfigureAwait(false);
            }
            catch (ClaimLostException)
            {
                return;
            }
            catch (LinkedInException error) when (FailureClassifier.IsAboutThePost(error))
            {
                if (StopsResolution(post, claim, connection, error))
                {
                    return;
                }
                if (FailureClassifier.Classify(error) == FailureKind.Retryable)
                {
                    _wait.Unsettled(post, claim, connection, error, origin + " Its media could not be made ready to send it once more as a check: " + error.Message);
                    return;
                }
                _wait.Unconfirmed(post, claim, origin + " The post cannot be sent again as a check: " + error.Message);
                return;
            }

            // Under the resolver's claim: closes the dead run's attempt as Unknown (if open) and opens this one, durably, before the call.
            if (!_run.Store.MarkSending(claim, _run.Now, _run.Options.Lease).Applied)
            {
                return;
            }
            try
            {
                var created = await connection.Client.CreatePostAsync(draft, cancellationToken).ConfigureAwait(false);
                // A 201: the earlier call never landed, and this one did. (If the client needed its own resend and
                // LinkedIn named the duplicate, the URN is the first post's, still one post.)
                // Durable only when a first comment follows (see PostPublisher).
                var published = FirstComment.RecordPublished(_run, claim, content, created.Urn, 201); // durable, with the comment begun, when one follows
                var result = QueueRun.WithPost(QueueRun.ResultFor(post, QueuePostOutcome.Published, published.State ?? QueueState.Published, published.Attempts), created.Urn);
                result.Message = origin + " Sent once more, LinkedIn created it now, so the earlier call had not landed.";
                if (published.Applied)
                {
                    // Refused only when the original run's late answer was recorded first: that run adds the comment.
                    await FirstComment.AddAsync(_run, post.Id, connection, content, created.Urn, result, cancellationToken).ConfigureAwait(false);
                }
                _run.Report(result);
            }
            catch (LinkedInDuplicatePostException duplicate) when (duplicate.ExistingUrn != null && LinkedInClient.MadeBefore(duplicate.ExistingUrn!, sentAt) is { } madeAt)
            {
                UnconfirmedByOlderDuplicate(post, claim, duplicate.ExistingUrn!, madeAt, origin + " Sent once more,");
            }
            catch (LinkedInDuplicatePostException duplicate) when (duplicate.ExistingUrn != null)
            {
                await PublishedByEvidenceAsync(post, claim, connection, content, duplicate.ExistingUrn!, "LinkedIn's duplicate check named it", cancellationToken).ConfigureAwait(false);
            }
            catch (LinkedInException error) when (FailureClassifier.IsAboutThePost(error))
            {
                // A throttle or a connection to fix leaves it Sending under this claim: when the lease runs out a
                // later run tries again to settle it.
                if (StopsResolution(post, claim, connection, error))
                {
                    return;
                }
                if (IsUnclear(error))
                {
                    _wait.Unsettled(post, claim, connection, error, origin + " Sending it once more for LinkedIn's duplicate check got no clear answer either: " + error.Message);
                    return;
                }
                _wait.Unconfirmed(post, claim, origin + " Sending it once more did not settle it: " + error.Message);
            }
        }

        /// <summary>
        /// True for errors that say nothing about the first call and will pass (a throttle, a connection to fix):
        /// the post stays Sending and waits (<see cref="IQueueStore.AwaitEvidence"/>: the attempt open for the call
        /// or this check is closed, Unknown, and the lease ends when the throttle does, or after a lease for a
        /// connection to fix), so a later run settles it then. Reports it Deferred or Held.
        /// </summary>
        private bool StopsResolution(ScheduledPost post, QueueClaim claim, QueueConnection connection, LinkedInException error)
        {
            var now = _run.Now;
            switch (FailureClassifier.Classify(error))
            {
                case FailureKind.Throttled:
                {
                    var until = ThrottleWait.Until(error, now, _run.Options.RetryBaseDelay, now + _run.Options.Lease);
                    _run.Budget.Spend(connection, until);
                    var waiting = Wait(claim, until, error, "LinkedIn is throttling its member, so settling it by evidence waits: a run after " +
                        until.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC looks. " + error.Message);
                    var result = QueueRun.WithError(QueueRun.ResultFor(post, QueuePostOutcome.Deferred, waiting.State ?? post.State, waiting.Attempts), error);
                    result.NextAttemptAt = QueueTime.Truncate(until);
                    _run.Report(result);
                    return true;
                }
                case FailureKind.ConnectionUnusable:
                {
                    var problem = _run.Connections.Break(post.Connection, error);
                    var waiting = Wait(claim, now + _run.Options.Lease, error, "Its connection cannot be used now, so settling it by evidence waits for a run that can use it. " + error.Message);
                    _run.ReportHeld(post, waiting.State ?? QueueState.Sending, problem, waiting.Attempts);
                    return true;
                }
                default:
                    return false;
            }
        }

        private TransitionResult Wait(QueueClaim claim, DateTimeOffset until, LinkedInException error, string message) =>
            _run.Store.AwaitEvidence(claim, until, new AttemptReport
            {
                At = _run.Now,
                HttpStatus = error.HttpStatus,
                ErrorKind = FailureClassifier.KindName(error),
                ErrorId = error.ErrorId,
                Message = message,
            });

        internal async Task PublishedByEvidenceAsync(ScheduledPost post, QueueClaim claim, QueueConnection connection, QueuedContent content, string urn, string how, CancellationToken cancellationToken)
        {
            var published = FirstComment.RecordPublished(_run, claim, content, urn, null); // durable, with the comment begun, when one follows
            var result = QueueRun.WithPost(QueueRun.ResultFor(post, QueuePostOutcome.Published, published.State ?? QueueState.Published, published.Attempts), urn);
            result.ResolvedByEvidence = true;
            result.Message = "The create call's outcome was unknown; it had landed: " + how + " (" + urn + "). Not posted again.";
            if (published.Applied)
            {
                // The first comment comes after the recorded publish, so the call that got lost cannot have added it.
                await FirstComment.AddAsync(_run, post.Id, connection, content, urn, result, cancellationToken).ConfigureAwait(false);
            }
            _run.Report(result);
        }

        /// <summary>
        /// A DUPLICATE_POST naming a post made before this post's first try that may have landed: an earlier post with the same
        /// text, which says nothing of this one (LinkedIn would have refused that try as well), so a person decides.
        /// </summary>
        public void UnconfirmedByOlderDuplicate(ScheduledPost post, QueueClaim claim, string existingUrn, DateTimeOffset madeAt, string origin) =>
            _wait.Unconfirmed(post, claim, origin + $" LinkedIn's duplicate check named {existingUrn}, made at " +
                madeAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC, before this post's first try: " +
                "an earlier post with the same text, not this one, which LinkedIn refuses as a duplicate of it.");

        /// <summary>
        /// A send after a call that may have landed got LinkedIn's DUPLICATE_POST without the post's URN: the text is on
        /// LinkedIn, perhaps as this post, perhaps not; a person decides, as the resolver's own resend does with that answer.
        /// </summary>
        public void UnconfirmedByUnnamedDuplicate(ScheduledPost post, QueueClaim claim, LinkedInException duplicate) =>
            _wait.Unconfirmed(post, claim, "LinkedIn's duplicate check says this text is already posted but did not name the post, and an earlier try of this post " +
                "may have created it (its answer was unclear, or a read-back found nothing), so it is not sent again. " + duplicate.Message);

        /// <summary>
        /// A post due again (a retry) whose earlier call may have landed more than <see cref="DuplicateCheckMemory"/> ago:
        /// not sent, Unconfirmed for a person, who checks LinkedIn and confirms it or sends it again.
        /// </summary>
        public void UnconfirmedBeforeResend(ScheduledPost post, QueueClaim claim) =>
            _wait.Unconfirmed(post, claim, "Not sent again: an earlier try may have reached LinkedIn (its answer was unclear, or a read-back found nothing), more than " +
                DurationText.Describe(DuplicateCheckMemory) + " ago, and LinkedIn's duplicate check may no longer reveal it, so sending it now could make a second post.");

        /// <summary>
        /// Too late to send (past MaxLateness), after a try that may have reached LinkedIn: not Missed, which would say it
        /// never went out, but Unconfirmed, for a person to look at the feed.
        /// </summary>
        public void UnconfirmedTooLate(ScheduledPost post, QueueClaim claim, TimeSpan late) =>
            _wait.Unconfirmed(post, claim, "Not sent again: it is " + DurationText.Describe(late) + " past its time, more than -MaxLateness allows, and an earlier try may " +
                "have reached LinkedIn (its answer was unclear, or a read-back found nothing), so it may be there already.");

        /// <summary>A 5xx, a timeout, a dropped connection, or the client's own unclear resend: a later look may get an answer.</summary>
        private static bool IsUnclear(LinkedInException error)
        {
            var kind = FailureClassifier.Classify(error);
            return kind == FailureKind.OutcomeUnknown || (kind == FailureKind.Retryable && error is LinkedInServerException);
        }


    }
}
