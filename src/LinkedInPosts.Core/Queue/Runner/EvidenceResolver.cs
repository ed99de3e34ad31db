using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Settles posts whose create call may or may not have landed, by evidence and never by a blind retry:
    /// Sending posts a dead run left behind (their lease ran out), and creates this run could not get a clear
    /// answer for. Where the connection may read the author's posts, it looks first: found means Published,
    /// not found means not created (Pending again, sent later in this run). Otherwise it sends once more,
    /// under its own claim, and lets LinkedIn's duplicate check answer: a 201 means the first never landed
    /// (Published now), 422 DUPLICATE_POST naming a URN means it did (Published with that URN). Anything
    /// unclear makes the post Unconfirmed, which no runner retries: a person looks.
    /// </summary>
    internal sealed class EvidenceResolver
    {
        /// <summary>Expired Sending posts looked at per run; a dead run leaves a handful, never thousands.</summary>
        public const int MaxPerRun = 1000;

        private readonly QueueRun _run;

        public EvidenceResolver(QueueRun run)
        {
            _run = run;
        }

        /// <summary>Settles every Sending post whose lease has run out (its run died during or around the create call).</summary>
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

        /// <summary>This run's own create got no clear answer (the client already sent it once more): look, if allowed, else Unconfirmed.</summary>
        public async Task SettleUnknownAsync(ScheduledPost post, QueueClaim claim, QueueConnection connection, LinkedInException error, CancellationToken cancellationToken)
        {
            var content = QueuePayload.Read(post.PayloadJson);
            if (connection.CanReadBackPosts)
            {
                var sentAt = OpenAttemptStart(post.Id) ?? _run.Now;
                try
                {
                    var urn = await PostReadBack.FindAsync(connection.Client, content.Draft, sentAt, _run.Now, cancellationToken).ConfigureAwait(false);
                    if (urn != null)
                    {
                        await PublishedByEvidenceAsync(post, claim, connection, content, urn, "found among the author's posts", cancellationToken).ConfigureAwait(false);
                        return;
                    }
                }
                catch (LinkedInException readBack) when (FailureClassifier.IsAboutThePost(readBack))
                {
                    Unconfirmed(post, claim, error.Message + " Reading the author's posts back to check failed too: " + readBack.Message);
                    return;
                }
            }
            Unconfirmed(post, claim, error.Message);
        }

        private async Task ResolveAsync(ScheduledPost post, DateTimeOffset leaseEnded, QueueConnection connection, CancellationToken cancellationToken)
        {
            var claim = post.Claim!;
            var sentAt = OpenAttemptStart(post.Id) ?? post.UpdatedAt;
            QueuedContent content;
            try
            {
                content = QueuePayload.Read(post.PayloadJson);
            }
            catch (LinkedInQueueException unreadable)
            {
                Unconfirmed(post, claim, "A run ended before it recorded its create call's outcome, and the post's content cannot be read to check: " + unreadable.Message);
                return;
            }

            if (connection.CanReadBackPosts)
            {
                try
                {
                    var urn = await PostReadBack.FindAsync(connection.Client, content.Draft, sentAt, leaseEnded, cancellationToken).ConfigureAwait(false);
                    if (urn != null)
                    {
                        await PublishedByEvidenceAsync(post, claim, connection, content, urn, "found among the author's posts", cancellationToken).ConfigureAwait(false);
                        return;
                    }
                    // Not there: the dead run's call never landed. Due again as it was, so this run's claims send
                    // it now, or mark it Missed if it is by now too late.
                    _run.Store.RetryLater(claim, post.DueAtUtc, new AttemptReport
                    {
                        At = _run.Now,
                        ErrorKind = "NotCreated",
                        Message = "The run ended before it recorded the outcome; the author's posts read back since " +
                            sentAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC hold no such post, so it was not created.",
                    });
                    return;
                }
                catch (LinkedInException readBack) when (FailureClassifier.IsAboutThePost(readBack))
                {
                    if (StopsResolution(post, readBack))
                    {
                        return;
                    }
                    // The read-back is refused (a scope LinkedIn did not grant, say): LinkedIn's duplicate check is the other evidence.
                }
            }

            if (_run.Now - sentAt > _run.Options.MaxLateness)
            {
                Unconfirmed(post, claim, "A run ended before it recorded its create call's outcome, " + PostPublisher.Describe(_run.Now - sentAt) +
                    " ago. That is too long ago to send it again as a check (LinkedIn's duplicate check may no longer see the first try, and a late post would be posted late).");
                return;
            }
            await ResendAsync(post, claim, connection, content, cancellationToken).ConfigureAwait(false);
        }

        private async Task ResendAsync(ScheduledPost post, QueueClaim claim, QueueConnection connection, QueuedContent content, CancellationToken cancellationToken)
        {
            PostDraft draft;
            try
            {
                draft = await _run.Media.ResolveAsync(content.Draft, connection, claim, cancellationToken).ConfigureAwait(false);
            }
            catch (ClaimLostException)
            {
                return;
            }
            catch (LinkedInException error) when (FailureClassifier.IsAboutThePost(error))
            {
                if (!StopsResolution(post, error))
                {
                    Unconfirmed(post, claim, "A run ended before it recorded its create call's outcome, and the post cannot be sent again as a check: " + error.Message);
                }
                return;
            }

            // Under the resolver's claim: closes the dead run's attempt as Unknown and opens this one, durably, before the call.
            if (!_run.Store.MarkSending(claim, _run.Now, _run.Options.Lease).Applied)
            {
                return;
            }
            try
            {
                var created = await connection.Client.CreatePostAsync(draft, cancellationToken).ConfigureAwait(false);
                // A 201: the dead run's call never landed, and this one did. (If the client needed its own
                // resend and LinkedIn named the duplicate, the URN is the first post's, still one post.)
                // Durable only when a first comment follows (see PostPublisher).
                var published = _run.Store.MarkPublished(claim, created.Urn, _run.Now, 201, durable: content.FirstComment != null);
                var result = QueueRun.WithPost(QueueRun.ResultFor(post, QueuePostOutcome.Published, published.State ?? QueueState.Published, published.Attempts), created.Urn);
                result.Message = "A run ended before it recorded the outcome; sent once more, LinkedIn created it now, so the first call had not landed.";
                if (published.Applied)
                {
                    // Refused only when the original run's late answer was recorded first: that run adds the comment.
                    await FirstComment.AddAsync(_run, post.Id, connection, content, created.Urn, result, cancellationToken).ConfigureAwait(false);
                }
                _run.Report(result);
            }
            catch (LinkedInDuplicatePostException duplicate) when (duplicate.ExistingUrn != null)
            {
                await PublishedByEvidenceAsync(post, claim, connection, content, duplicate.ExistingUrn!, "LinkedIn's duplicate check named it", cancellationToken).ConfigureAwait(false);
            }
            catch (LinkedInException error) when (FailureClassifier.IsAboutThePost(error))
            {
                // A throttle or a connection to fix leaves it Sending under this claim: when the lease runs out a
                // later run tries again to settle it.
                if (!StopsResolution(post, error))
                {
                    Unconfirmed(post, claim, "A run ended before it recorded its create call's outcome, and sending it once more did not settle it: " + error.Message);
                }
            }
        }

        /// <summary>
        /// True for errors that say nothing about the first call and will pass (a throttle, a connection to fix):
        /// the post stays Sending, and a later run settles it once its lease runs out. Reports it Deferred or Held.
        /// </summary>
        private bool StopsResolution(ScheduledPost post, LinkedInException error)
        {
            switch (FailureClassifier.Classify(error))
            {
                case FailureKind.Throttled:
                {
                    var until = (error as LinkedInThrottledException)?.RetryAt ?? _run.Now + _run.Options.Lease;
                    _run.Budget.Spend(post.Author, until);
                    var result = QueuePostResultWithState(post, QueuePostOutcome.Deferred, error);
                    result.NextAttemptAt = QueueTime.Truncate(until);
                    _run.Report(result);
                    return true;
                }
                case FailureKind.ConnectionUnusable:
                {
                    var problem = _run.Connections.Break(post.Connection, error);
                    var now = _run.Store.Get(post.Id);
                    _run.ReportHeld(post, now?.State ?? QueueState.Sending, problem, now?.Attempts ?? post.Attempts);
                    return true;
                }
                default:
                    return false;
            }
        }

        private QueuePostResult QueuePostResultWithState(ScheduledPost post, QueuePostOutcome outcome, LinkedInException error)
        {
            var now = _run.Store.Get(post.Id);
            return QueueRun.WithError(QueueRun.ResultFor(post, outcome, now?.State ?? post.State, now?.Attempts ?? post.Attempts), error);
        }

        internal async Task PublishedByEvidenceAsync(ScheduledPost post, QueueClaim claim, QueueConnection connection, QueuedContent content, string urn, string how, CancellationToken cancellationToken)
        {
            var published = _run.Store.MarkPublished(claim, urn, _run.Now, durable: content.FirstComment != null);
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

        private void Unconfirmed(ScheduledPost post, QueueClaim claim, string message)
        {
            var unconfirmed = _run.Store.MarkUnconfirmed(claim, new AttemptReport { At = _run.Now, ErrorKind = "Unknown", ErrorId = UnknownOutcomeId, Message = message });
            var result = QueueRun.ResultFor(post, QueuePostOutcome.Unconfirmed, unconfirmed.State ?? QueueState.Unconfirmed, unconfirmed.Attempts);
            result.ErrorId = UnknownOutcomeId;
            result.Message = QueueMessages.Clean(message + " Look at the author's recent activity on LinkedIn, then confirm it published or re-arm it.", null);
            _run.Report(result);
        }

        private DateTimeOffset? OpenAttemptStart(long postId) =>
            _run.Store.GetAttempts(postId).LastOrDefault(a => a.Outcome == AttemptOutcome.InProgress)?.StartedAt;

        private static readonly string UnknownOutcomeId = new LinkedInUnknownOutcomeException(string.Empty).ErrorId;
    }
}
