using System;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Publishes one claimed post: too late -> Missed; author throttled in this run -> Deferred; connection
    /// unusable -> Held; then content and media are made ready (still Claimed: nothing sent, so a crash here
    /// leaves a post that is simply due again), Sending is recorded durably, the create call is made once, and
    /// its answer decides the state. The first comment follows a successful create.
    /// </summary>
    internal sealed class PostPublisher
    {
        private readonly QueueRun _run;
        private readonly EvidenceResolver _evidence;

        public PostPublisher(QueueRun run, EvidenceResolver evidence)
        {
            _run = run;
            _evidence = evidence;
        }

        /// <summary>Handles the post; returns true when it counts towards <see cref="QueueRunOptions.MaxPosts"/> (it was not held).</summary>
        public async Task<bool> PublishAsync(ScheduledPost post, CancellationToken cancellationToken)
        {
            var claim = post.Claim!;
            var store = _run.Store;
            var now = _run.Now;
            var late = now - post.DueAtUtc;
            if (late > _run.Options.MaxLateness)
            {
                Miss(post, claim, late);
                return true;
            }
            if (_run.Budget.IsSpent(post.Author, now, out var until))
            {
                _run.Report(Deferred(post, store.ReleaseUntil(claim, until, now), until));
                return true;
            }
            var connection = _run.Connections.Get(post.Connection, cancellationToken);
            if (connection == null)
            {
                _run.HoldUntilRunEnds(post);
                return false;
            }

            var sent = false;
            try
            {
                var content = QueuePayload.Read(post.PayloadJson);
                var refusal = connection.WhyCannotPostAs?.Invoke(content.Draft.Author);
                if (refusal != null)
                {
                    FailCannotPostAs(post, claim, connection, content.Draft.Author, refusal);
                    return true;
                }
                var draft = await _run.Media.ResolveAsync(content.Draft, connection, claim, cancellationToken).ConfigureAwait(false);

                // Durably Sending before the call: from here on the post may exist on LinkedIn. A run cancelled
                // by now stops here, so a post it never sent is not left Sending.
                cancellationToken.ThrowIfCancellationRequested();
                var sending = store.MarkSending(claim, _run.Now, _run.Options.Lease);
                if (!sending.Applied)
                {
                    throw new ClaimLostException();
                }
                sent = true;
                var created = await connection.Client.CreatePostAsync(draft, cancellationToken).ConfigureAwait(false);
                var published = store.MarkPublished(claim, created.Urn, _run.Now, 201);
                var done = QueueRun.WithPost(QueueRun.ResultFor(post, QueuePostOutcome.Published, published.State ?? QueueState.Published, published.Attempts), created.Urn);
                await FirstComment.AddAsync(connection, content, created.Urn, done, cancellationToken).ConfigureAwait(false);
                _run.Report(done);
                return true;
            }
            catch (ClaimLostException lost)
            {
                var current = store.Get(post.Id);
                var result = QueueRun.ResultFor(post, QueuePostOutcome.Skipped, current?.State ?? post.State, current?.Attempts ?? post.Attempts);
                result.ErrorId = QueueRunErrorIds.ClaimLost;
                result.Message = lost.Message;
                _run.Report(result);
                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Nothing sent: the post is simply due again. Sent: its outcome is unknown, so it stays Sending
                // and the next run settles it by evidence when the lease runs out.
                if (!sent)
                {
                    store.Release(claim, _run.Now);
                }
                throw;
            }
            catch (LinkedInException error) when (FailureClassifier.IsAboutThePost(error))
            {
                await SettleAsync(post, claim, connection, error, sent, cancellationToken).ConfigureAwait(false);
                return true;
            }
        }

        private void Miss(ScheduledPost post, QueueClaim claim, TimeSpan late)
        {
            var message = "Not sent: it was due at " + post.DueAtUtc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC, " +
                Describe(late) + " ago, more than the " + Describe(_run.Options.MaxLateness) + " a post may be late (MaxLateness). Reschedule it to post it.";
            var missed = _run.Store.MarkMissed(claim, new AttemptReport { At = _run.Now, ErrorKind = "Missed", ErrorId = QueueRunErrorIds.Missed, Message = message });
            var result = QueueRun.ResultFor(post, QueuePostOutcome.Missed, missed.State ?? QueueState.Missed, missed.Attempts);
            result.ErrorId = QueueRunErrorIds.Missed;
            result.Message = message;
            _run.Report(result);
        }

        // The connection knows it cannot post as this author (no page role): LinkedIn would refuse it too.
        private void FailCannotPostAs(ScheduledPost post, QueueClaim claim, QueueConnection connection, Content.LinkedInUrn author, string why)
        {
            var message = QueueMessages.Clean("The connection '" + connection.Name + "' cannot post as " + author + ": " + why, null);
            var failed = _run.Store.MarkFailed(claim, new AttemptReport { At = _run.Now, ErrorKind = "Permission", ErrorId = QueueRunErrorIds.CannotPostAs, Message = message });
            var result = QueueRun.ResultFor(post, QueuePostOutcome.Failed, failed.State ?? QueueState.Failed, failed.Attempts);
            result.ErrorId = QueueRunErrorIds.CannotPostAs;
            result.Message = message;
            _run.Report(result);
        }

        /// <summary>Decides the post's state after a failure, before (Claimed) or after (Sending) the create call.</summary>
        private async Task SettleAsync(ScheduledPost post, QueueClaim claim, QueueConnection connection, LinkedInException error, bool sent, CancellationToken cancellationToken)
        {
            var store = _run.Store;
            var attemptsAfter = post.Attempts + 1;
            switch (FailureClassifier.Classify(error))
            {
                case FailureKind.Throttled:
                {
                    var retryAt = (error as LinkedInThrottledException)?.RetryAt ?? _run.Now + _run.Schedule.Delay(attemptsAfter);
                    _run.Budget.Spend(post.Author, retryAt);
                    Retry(post, claim, error, attemptsAfter, retryAt);
                    return;
                }
                case FailureKind.Retryable:
                    Retry(post, claim, error, attemptsAfter, _run.Now + _run.Schedule.Delay(attemptsAfter));
                    return;
                case FailureKind.ConnectionUnusable:
                {
                    var problem = _run.Connections.Break(connection.Name, error);
                    if (!sent)
                    {
                        _run.HoldUntilRunEnds(post);
                        return;
                    }
                    // LinkedIn refused the create itself, so nothing was created; it is due again as it was, without counting against MaxAttempts.
                    var back = store.RetryLater(claim, post.DueAtUtc, _run.AttemptOf(error));
                    _run.ReportHeld(post, back.State ?? QueueState.Pending, problem, back.Attempts);
                    return;
                }
                case FailureKind.OutcomeUnknown when sent:
                    await _evidence.SettleUnknownAsync(post, claim, connection, error, cancellationToken).ConfigureAwait(false);
                    return;
                case FailureKind.OutcomeUnknown:
                    Retry(post, claim, error, attemptsAfter, _run.Now + _run.Schedule.Delay(attemptsAfter));
                    return;
                default:
                {
                    var failed = store.MarkFailed(claim, _run.AttemptOf(error));
                    _run.Report(QueueRun.WithError(QueueRun.ResultFor(post, QueuePostOutcome.Failed, failed.State ?? QueueState.Failed, failed.Attempts), error));
                    return;
                }
            }
        }

        /// <summary>Back to Pending at <paramref name="dueAt"/>, or Failed once <see cref="QueueRunOptions.MaxAttempts"/> attempts were spent.</summary>
        private void Retry(ScheduledPost post, QueueClaim claim, LinkedInException error, int attemptsAfter, DateTimeOffset dueAt)
        {
            var store = _run.Store;
            if (attemptsAfter >= _run.Options.MaxAttempts)
            {
                var message = "Gave up after " + attemptsAfter + " attempts (MaxAttempts " + _run.Options.MaxAttempts + "). The last: " + error.Message;
                var failed = store.MarkFailed(claim, _run.AttemptOf(error, message));
                _run.Report(QueueRun.WithError(QueueRun.ResultFor(post, QueuePostOutcome.Failed, failed.State ?? QueueState.Failed, failed.Attempts), error, message));
                return;
            }
            var later = store.RetryLater(claim, dueAt, _run.AttemptOf(error));
            var result = QueueRun.WithError(QueueRun.ResultFor(post, QueuePostOutcome.Retrying, later.State ?? QueueState.Pending, later.Attempts), error);
            result.NextAttemptAt = QueueTime.Truncate(dueAt);
            _run.Report(result);
        }

        private static QueuePostResult Deferred(ScheduledPost post, TransitionResult released, DateTimeOffset until)
        {
            var result = QueueRun.ResultFor(post, QueuePostOutcome.Deferred, released.State ?? QueueState.Pending, released.Attempts);
            result.NextAttemptAt = QueueTime.Truncate(until);
            result.ErrorId = "LinkedInThrottled";
            result.Message = "Deferred without a try: LinkedIn is throttling " + post.Author + " until " + until.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC.";
            return result;
        }

        internal static string Describe(TimeSpan span) =>
            span.TotalDays >= 1 ? span.TotalDays.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " days"
            : span.TotalHours >= 1 ? span.TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " hours"
            : Math.Max(1, (int)Math.Round(span.TotalMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " minutes";
    }
}
