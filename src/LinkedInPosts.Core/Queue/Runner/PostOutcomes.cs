using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// What becomes of a claimed or sent post that does not simply go out: too late (Missed), not postable as its
    /// author (Failed), another run took it over (Skipped), throttled (Deferred), or a failed call, whose kind
    /// decides (FailureClassifier): Retrying with backoff, Failed, Held with its connection, or settled by evidence.
    /// </summary>
    internal sealed class PostOutcomes
    {
        private readonly QueueRun _run;
        private readonly EvidenceResolver _evidence;

        public PostOutcomes(QueueRun run, EvidenceResolver evidence)
        {
            _run = run;
            _evidence = evidence;
        }

        public void ClaimLost(ScheduledPost post, string message)
        {
            var current = _run.Store.Get(post.Id);
            var result = QueueRun.ResultFor(post, QueuePostOutcome.Skipped, current?.State ?? post.State, current?.Attempts ?? post.Attempts);
            result.ErrorId = QueueRunErrorIds.ClaimLost;
            result.Message = message;
            _run.Report(result);
        }

        public void Miss(ScheduledPost post, QueueClaim claim, TimeSpan late)
        {
            var message = "Not sent: it was scheduled for " + post.ScheduledAtUtc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC, " +
                DurationText.Describe(late) + " ago, more than the " + DurationText.Describe(_run.Options.MaxLateness) + " a post may be late (MaxLateness). Reschedule it to post it.";
            var missed = _run.Store.MarkMissed(claim, new AttemptReport { At = _run.Now, ErrorKind = "Missed", ErrorId = QueueRunErrorIds.Missed, Message = message });
            var result = QueueRun.ResultFor(post, QueuePostOutcome.Missed, missed.State ?? QueueState.Missed, missed.Attempts);
            result.ErrorId = QueueRunErrorIds.Missed;
            result.Message = message;
            _run.Report(result);
        }

        // The connection knows it cannot post as this author (no page role): LinkedIn would refuse it too.
        public void FailCannotPostAs(ScheduledPost post, QueueClaim claim, QueueConnection connection, Content.LinkedInUrn author, string why)
        {
            var message = QueueMessages.Clean("The connection '" + connection.Name + "' cannot post as " + author + ": " + why, null);
            var failed = _run.Store.MarkFailed(claim, new AttemptReport { At = _run.Now, ErrorKind = "Permission", ErrorId = QueueRunErrorIds.CannotPostAs, Message = message });
            var result = QueueRun.ResultFor(post, QueuePostOutcome.Failed, failed.State ?? QueueState.Failed, failed.Attempts);
            result.ErrorId = QueueRunErrorIds.CannotPostAs;
            result.Message = message;
            _run.Report(result);
        }

        /// <summary>Decides the post's state after a failure, before (Claimed) or after (Sending) the create call.</summary>
        public async Task SettleAsync(ScheduledPost post, QueueClaim claim, QueueConnection connection, LinkedInException error, bool sent, CancellationToken cancellationToken)
        {
            var store = _run.Store;
            // Counted since a person last re-armed the post (-Retry, -Resend): their retry gets a fresh MaxAttempts
            // and a fresh backoff, while post.Attempts (and the attempt numbers) keep the whole history.
            var attemptsAfter = CountedTries(post) + 1;
            switch (FailureClassifier.Classify(error))
            {
                case FailureKind.Throttled:
                {
                    var retryAt = ThrottleWait.Until(error, _run.Now, _run.Options.RetryBaseDelay, _run.Now + _run.Schedule.Delay(attemptsAfter));
                    _run.Budget.Spend(connection, retryAt);
                    Retry(post, claim, error, attemptsAfter, retryAt);
                    return;
                }
                case FailureKind.Retryable:
                    // A 5xx's Retry-After delays this post only: unlike a 429 it says nothing about the member's budget.
                    Retry(post, claim, error, attemptsAfter, _run.Schedule.DueAt(_run.Now, attemptsAfter, error));
                    return;
                case FailureKind.ConnectionUnusable:
                {
                    var problem = _run.Connections.Break(connection.Name, error);
                    if (!sent)
                    {
                        _run.HoldUntilRunEnds(post);
                        return;
                    }
                    // LinkedIn refused the create itself, so nothing was created; it is due again as it was. Its attempt row
                    // (kind Auth or Version) does not count against MaxAttempts (QueueAttempt.CountsTowardMaxAttempts):
                    // every run of a revoked connection would spend one, and the post would come back with its budget gone.
                    var back = store.RetryLater(claim, post.DueAtUtc, _run.AttemptOf(error));
                    _run.ReportHeld(post, back.State ?? QueueState.Pending, problem, back.Attempts);
                    return;
                }
                case FailureKind.OutcomeUnknown when sent:
                    // Stays Sending until a later look settles it by evidence (or the budget for looking runs out).
                    _evidence.AwaitEvidence(post, claim, connection, error);
                    return;
                case FailureKind.OutcomeUnknown:
                    Retry(post, claim, error, attemptsAfter, _run.Schedule.DueAt(_run.Now, attemptsAfter, error));
                    return;
                default:
                {
                    var failed = store.MarkFailed(claim, _run.AttemptOf(error));
                    _run.Report(QueueRun.WithError(QueueRun.ResultFor(post, QueuePostOutcome.Failed, failed.State ?? QueueState.Failed, failed.Attempts), error));
                    return;
                }
            }
        }

        /// <summary>
        /// The post's earlier tries since a person last re-armed it that count against MaxAttempts (not this one, whose
        /// attempt may be open now). Read from the attempt rows only for a post tried before.
        /// </summary>
        private int CountedTries(ScheduledPost post)
        {
            if (post.AttemptsSinceRetry == 0)
            {
                return 0;
            }
            return _run.Store.GetAttempts(post.Id).Count(a => a.Number > post.AttemptsAtRetry && a.Number <= post.Attempts && a.CountsTowardMaxAttempts);
        }

        /// <summary>
        /// A create LinkedIn refused because it no longer knows an upload the queue reused (the caller forgot it): due again at
        /// once, to go out with the file uploaded anew; the try counts towards MaxAttempts, so this cannot go round for ever.
        /// </summary>
        public void RetryWithNewUpload(ScheduledPost post, QueueClaim claim, LinkedInException error, string mediaUrn) =>
            Retry(post, claim, error, CountedTries(post) + 1, _run.Now,
                "LinkedIn refused the post because it no longer knows " + mediaUrn + ", an earlier upload of its media that the queue reused (" +
                error.Message + "). The upload is forgotten and the file is uploaded again.");

        /// <summary>Back to Pending at <paramref name="dueAt"/>, or Failed once <see cref="QueueRunOptions.MaxAttempts"/> attempts were spent.</summary>
        private void Retry(ScheduledPost post, QueueClaim claim, LinkedInException error, int attemptsAfter, DateTimeOffset dueAt, string? why = null)
        {
            var store = _run.Store;
            if (attemptsAfter >= _run.Options.MaxAttempts)
            {
                var message = "Gave up after " + attemptsAfter + " attempts (MaxAttempts " + _run.Options.MaxAttempts + "). The last: " + (why ?? error.Message);
                var failed = store.MarkFailed(claim, _run.AttemptOf(error, message));
                _run.Report(QueueRun.WithError(QueueRun.ResultFor(post, QueuePostOutcome.Failed, failed.State ?? QueueState.Failed, failed.Attempts), error, message));
                return;
            }
            // Said in the message too: the table view shows the message, not NextAttemptAt, and the backoff or the
            // limits may put the time after the one LinkedIn's own message asks for.
            var next = QueueTime.Truncate(dueAt);
            var retrying = (why ?? error.Message) + " A run after " + next.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC tries it again.";
            var later = store.RetryLater(claim, dueAt, _run.AttemptOf(error, retrying));
            var result = QueueRun.WithError(QueueRun.ResultFor(post, QueuePostOutcome.Retrying, later.State ?? QueueState.Pending, later.Attempts), error, retrying);
            result.NextAttemptAt = next;
            _run.Report(result);
        }

        public static QueuePostResult Deferred(ScheduledPost post, TransitionResult released, DateTimeOffset until)
        {
            var result = QueueRun.ResultFor(post, QueuePostOutcome.Deferred, released.State ?? QueueState.Pending, released.Attempts);
            result.NextAttemptAt = QueueTime.Truncate(until);
            result.ErrorId = "LinkedInThrottled";
            result.Message = "Deferred without a try: LinkedIn is throttling the member of the connection '" + post.Connection + "' (the member's daily limit, whichever author it posts as) until " + until.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC.";
            return result;
        }
    }
}
