using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Publishes one claimed post: too late -> Missed; its connection's member throttled in this run -> Deferred; connection
    /// unusable -> Held; then content and media are made ready (still Claimed: nothing sent, so a crash here
    /// leaves a post that is simply due again), Sending is recorded durably, the create call is made once, and
    /// its answer decides the state. The first comment follows a successful create.
    /// </summary>
    internal sealed class PostPublisher
    {
        private readonly QueueRun _run;
        private readonly EvidenceResolver _evidence;
        private readonly StoreLane _lane;
        private readonly PublishRecorder _recorder;

        public PostPublisher(QueueRun run, EvidenceResolver evidence, StoreLane lane)
        {
            _run = run;
            _evidence = evidence;
            _lane = lane;
            _recorder = new PublishRecorder(run.Store, lane);
        }

        /// <summary>
        /// Handles the post up to its create call: too late, its connection's member throttled, its connection unusable, its
        /// content unreadable or not postable as its author, a media problem: settled here without a call (null).
        /// Otherwise the post is returned ready to send, still Claimed (nothing sent), for <see cref="SendWindowAsync"/>.
        /// </summary>
        /// <returns>The post ready to send or null, and whether it counts towards <see cref="QueueRunOptions.MaxPosts"/> (it was not held).</returns>
        public async Task<(PreparedPost? Ready, bool Counts)> PrepareAsync(ScheduledPost post, CancellationToken cancellationToken)
        {
            var claim = post.Claim!;
            var store = _run.Store;
            var now = _run.Now;
            // Late is measured from the time the user chose, not from due_at: retries and deferrals move due_at, and a
            // post pushed from one day to the next must still become Missed rather than go out days late.
            var late = now - post.ScheduledAtUtc;
            if (late > _run.Options.MaxLateness)
            {
                Miss(post, claim, late);
                return (null, true);
            }
            var connection = _run.Connections.Get(post.Connection, cancellationToken);
            if (connection == null)
            {
                _run.HoldUntilRunEnds(post);
                return (null, false);
            }
            if (_run.Budget.IsSpent(connection, now, out var until))
            {
                _run.Report(Deferred(post, store.ReleaseUntil(claim, until, now), until));
                return (null, true);
            }
            try
            {
                var content = QueuePayload.Read(post.PayloadJson);
                var refusal = connection.WhyCannotPostAs?.Invoke(content.Draft.Author);
                if (refusal != null)
                {
                    FailCannotPostAs(post, claim, connection, content.Draft.Author, refusal);
                    return (null, true);
                }
                var draft = await _run.Media.ResolveAsync(content.Draft, connection, claim, cancellationToken).ConfigureAwait(false);
                return (new PreparedPost(post, connection, content, draft), true);
            }
            catch (ClaimLostException lost)
            {
                ReportClaimLost(post, lost.Message);
                return (null, true);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Nothing sent: the post is simply due again.
                store.Release(claim, _run.Now);
                throw;
            }
            catch (LinkedInException error) when (FailureClassifier.IsAboutThePost(error))
            {
                await SettleAsync(post, claim, connection, error, false, cancellationToken).ConfigureAwait(false);
                return (null, true);
            }
        }

        /// <summary>
        /// Starts marking a window of prepared posts (all still Claimed) Sending: ONE durable transaction for them all
        /// (<see cref="IQueueStore.MarkSendingWindow"/>), committed on the <see cref="StoreLane"/> so that its fsync
        /// overlaps the create calls of the window before it. No create call of the window is made before
        /// <see cref="SendWindowAsync"/> has awaited this commit.
        /// </summary>
        public MarkedWindow BeginMarking(IReadOnlyList<PreparedPost> window)
        {
            var now = _run.Now;
            if (window.Count == 0)
            {
                return new MarkedWindow(window, Task.FromResult<IReadOnlyList<TransitionResult>>(Array.Empty<TransitionResult>()), now);
            }
            var claims = window.Select(p => p.Post.Claim!).ToList();
            var lease = _run.Options.Lease;
            return new MarkedWindow(window, _lane.Run(() => _run.Store.MarkSendingWindow(claims, now, lease)), now);
        }

        /// <summary>
        /// Sends a window begun by <see cref="BeginMarking"/>: once its Sending commit is on disk, its create calls are
        /// made one after another; what LinkedIn creates is recorded a window at a time (<see cref="PublishRecorder"/>),
        /// every other answer as it comes. A post of the window that is not sent after all (the run is cancelled,
        /// LinkedIn throttled its member or refused its connection earlier, another run took it over) is taken back to
        /// Claimed without an attempt (<see cref="IQueueStore.UnmarkSending"/>) and then handled as a claimed post
        /// would be (released, deferred, held). If the run dies mid-window, the posts it had not sent yet are Sending
        /// with nothing created: evidence resolution settles them like any other (a read-back finds nothing, a resend
        /// gets a 201), so over-approximating "may exist" costs no safety.
        /// </summary>
        public async Task SendWindowAsync(MarkedWindow marked, CancellationToken cancellationToken)
        {
            var window = marked.Posts;
            if (window.Count == 0)
            {
                return;
            }
            var store = _run.Store;
            var unsent = new Queue<PreparedPost>();
            try
            {
                var marks = await marked.Marks.ConfigureAwait(false);
                var leaseSetAt = marked.MarkedAt;
                for (var i = 0; i < window.Count; i++)
                {
                    if (marks[i].Applied)
                    {
                        window[i].Attempt = marks[i].Attempts;
                        unsent.Enqueue(window[i]);
                    }
                    else
                    {
                        ReportClaimLost(window[i].Post, new ClaimLostException().Message);
                    }
                }
                while (unsent.Count > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var next = unsent.Peek();
                    var now = _run.Now;
                    var throttled = _run.Budget.IsSpent(next.Connection, now, out var until);
                    if (throttled || _run.Connections.ProblemOf(next.Connection.Name) != null)
                    {
                        unsent.Dequeue();
                        if (!TakeBack(next))
                        {
                            continue;
                        }
                        if (throttled)
                        {
                            _run.Report(Deferred(next.Post, store.ReleaseUntil(next.Post.Claim!, until, now), until));
                        }
                        else
                        {
                            _run.HoldUntilRunEnds(next.Post);
                        }
                        continue;
                    }
                    // The posts still waiting in the window keep a lease as long as the one MarkSending gives just
                    // before a call: once a tenth of it has passed (slow calls), theirs are renewed.
                    if (now - leaseSetAt >= TimeSpan.FromTicks(Math.Max(1, _run.Options.Lease.Ticks / 10)))
                    {
                        RenewWaiting(unsent, now);
                        leaseSetAt = now;
                        continue;
                    }
                    unsent.Dequeue();
                    await SendAsync(next, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                // Stopped mid-window (cancelled, or the queue failed): what was not sent goes back, known not created.
                // Best effort: a post left Sending is settled by evidence when its lease runs out.
                if (unsent.Count > 0)
                {
                    ReturnQuietly(unsent.ToList());
                }
            }
            await _recorder.StartRecordingAsync().ConfigureAwait(false);
        }

        /// <summary>A window that was marked but will not be sent (the run stopped first): its posts go back, known not created.</summary>
        public async Task ReturnQuietlyAsync(MarkedWindow marked)
        {
            IReadOnlyList<TransitionResult> marks;
            try
            {
                marks = await marked.Marks.ConfigureAwait(false);
            }
            catch (LinkedInQueueException)
            {
                return; // not marked: they are Claimed, and their lease runs out
            }
            ReturnQuietly(marked.Posts.Where((_, i) => marks[i].Applied).ToList());
        }

        /// <summary>
        /// Records every post created but not yet recorded. When the run is stopping on another error
        /// (<paramref name="quiet"/>), a queue failure here is not thrown: those posts stay Sending, and evidence
        /// resolution finds them published.
        /// </summary>
        public async Task FinishRecordingAsync(bool quiet)
        {
            try
            {
                await _recorder.FinishAsync().ConfigureAwait(false);
            }
            catch (LinkedInQueueException) when (quiet)
            {
            }
        }

        /// <summary>The create call of a post marked Sending, and what its answer makes of the post.</summary>
        private async Task SendAsync(PreparedPost prepared, CancellationToken cancellationToken)
        {
            var post = prepared.Post;
            var claim = post.Claim!;
            var connection = prepared.Connection;
            var content = prepared.Content;
            try
            {
                var created = await connection.Client.CreatePostAsync(prepared.Draft, cancellationToken).ConfigureAwait(false);
                if (content.FirstComment == null)
                {
                    // Reported now and recorded with the rest of the window (synchronous=NORMAL). Until then it is
                    // Sending, as after a crash during the call, and evidence resolution would settle it.
                    _recorder.Add(new PublishedCall(claim, created.Urn, _run.Now, 201));
                    _run.Report(QueueRun.WithPost(QueueRun.ResultFor(post, QueuePostOutcome.Published, QueueState.Published, prepared.Attempt), created.Urn));
                    return;
                }
                // A comment must not be added twice: before its call, the publish and the comment's "Adding" are made
                // durable (BeginFirstComment's FULL commit syncs this NORMAL one with it), and the publish is recorded
                // on its own, not with the window.
                var published = _run.Store.MarkPublished(claim, created.Urn, _run.Now, 201, durable: false);
                if (!published.Applied)
                {
                    // A resolver took the post over while this call was in flight (its lease ran out) and settled it
                    // first: that run owns the outcome and adds the first comment; adding it here too would make two.
                    ReportClaimLost(post, "LinkedIn created the post as " + created.Urn + ", but another run had taken it over and settled it first; that run records it and adds any first comment.");
                    return;
                }
                var done = QueueRun.WithPost(QueueRun.ResultFor(post, QueuePostOutcome.Published, published.State ?? QueueState.Published, published.Attempts), created.Urn);
                await FirstComment.AddAsync(_run, post.Id, connection, content, created.Urn, done, cancellationToken).ConfigureAwait(false);
                _run.Report(done);
            }
            catch (ClaimLostException lost)
            {
                ReportClaimLost(post, lost.Message);
            }
            catch (LinkedInDuplicatePostException duplicate) when (duplicate.ExistingUrn != null && EarlierCallMayHaveLanded(post))
            {
                // On a first send a DUPLICATE_POST means the same text went out before (a final error). After an
                // earlier call whose outcome was unknown, or that a read-back could not find, it is LinkedIn's word
                // that this post is up: the one it names.
                await _evidence.PublishedByEvidenceAsync(post, claim, connection, content, duplicate.ExistingUrn!, "LinkedIn's duplicate check named it on this send", cancellationToken).ConfigureAwait(false);
            }
            // Cancelled during the call: its outcome is unknown, so it stays Sending and the next run settles it by
            // evidence when the lease runs out (the exception goes on).
            catch (LinkedInException error) when (FailureClassifier.IsAboutThePost(error))
            {
                await SettleAsync(post, claim, connection, error, true, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Takes a window post that will not be sent back to Claimed; false (reported Skipped) when it is no longer this run's.</summary>
        private bool TakeBack(PreparedPost prepared)
        {
            if (_run.Store.UnmarkSending(new[] { prepared.Post.Claim! }, _run.Now)[0].Applied)
            {
                return true;
            }
            ReportClaimLost(prepared.Post, new ClaimLostException().Message);
            return false;
        }

        private void RenewWaiting(Queue<PreparedPost> waiting, DateTimeOffset now)
        {
            var kept = new List<PreparedPost>();
            foreach (var prepared in waiting)
            {
                if (_run.Store.RenewLease(prepared.Post.Claim!, now, _run.Options.Lease).Applied)
                {
                    kept.Add(prepared);
                }
                else
                {
                    // Taken over by a resolver after its lease ran out: that run settles it; this one does not send it.
                    ReportClaimLost(prepared.Post, new ClaimLostException().Message);
                }
            }
            waiting.Clear();
            foreach (var prepared in kept)
            {
                waiting.Enqueue(prepared);
            }
        }

        private void ReturnQuietly(IReadOnlyList<PreparedPost> unsent)
        {
            try
            {
                var back = _run.Store.UnmarkSending(unsent.Select(p => p.Post.Claim!).ToList(), _run.Now);
                for (var i = 0; i < unsent.Count; i++)
                {
                    if (back[i].Applied)
                    {
                        _run.Store.Release(unsent[i].Post.Claim!, _run.Now);
                    }
                }
            }
            catch (LinkedInQueueException)
            {
            }
        }

        /// <summary>
        /// Whether an earlier attempt's create call may have reached LinkedIn: its outcome was unknown, it was
        /// settled as "not created" only by a read-back (which can miss a post), or it failed with no answer or a
        /// 5xx, which LinkedIn may send after storing the post.
        /// </summary>
        private bool EarlierCallMayHaveLanded(ScheduledPost post) =>
            _run.Store.GetAttempts(post.Id).Any(a => a.Outcome != AttemptOutcome.InProgress && (a.Outcome == AttemptOutcome.Unknown
                || (a.Outcome == AttemptOutcome.Retry && (a.ErrorKind == "NotCreated" || a.HttpStatus == null || a.HttpStatus >= 500))));

        private void ReportClaimLost(ScheduledPost post, string message)
        {
            var current = _run.Store.Get(post.Id);
            var result = QueueRun.ResultFor(post, QueuePostOutcome.Skipped, current?.State ?? post.State, current?.Attempts ?? post.Attempts);
            result.ErrorId = QueueRunErrorIds.ClaimLost;
            result.Message = message;
            _run.Report(result);
        }

        private void Miss(ScheduledPost post, QueueClaim claim, TimeSpan late)
        {
            var message = "Not sent: it was scheduled for " + post.ScheduledAtUtc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC, " +
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
            // Counted since a person last re-armed the post (-Retry, -Resend): their retry gets a fresh MaxAttempts
            // and a fresh backoff, while post.Attempts (and the attempt numbers) keep the whole history.
            var attemptsAfter = post.AttemptsSinceRetry + 1;
            switch (FailureClassifier.Classify(error))
            {
                case FailureKind.Throttled:
                {
                    var retryAt = (error as LinkedInThrottledException)?.RetryAt ?? _run.Now + _run.Schedule.Delay(attemptsAfter);
                    _run.Budget.Spend(connection, retryAt);
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
                    // Stays Sending until a later look settles it by evidence (or the budget for looking runs out).
                    _evidence.AwaitEvidence(post, claim, connection, error);
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
            result.Message = "Deferred without a try: LinkedIn is throttling the member of the connection '" + post.Connection + "' (the member's daily limit, whichever author it posts as) until " + until.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC.";
            return result;
        }

        internal static string Describe(TimeSpan span) =>
            span.TotalDays >= 1 ? span.TotalDays.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " days"
            : span.TotalHours >= 1 ? span.TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " hours"
            : Math.Max(1, (int)Math.Round(span.TotalMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " minutes";
    }

    /// <summary>A claimed post ready for its create call: its connection, content and the draft with media resolved.</summary>
    internal sealed class PreparedPost
    {
        public PreparedPost(ScheduledPost post, QueueConnection connection, QueuedContent content, Content.PostDraft draft)
        {
            Post = post;
            Connection = connection;
            Content = content;
            Draft = draft;
        }

        public ScheduledPost Post { get; }

        public QueueConnection Connection { get; }

        public QueuedContent Content { get; }

        public Content.PostDraft Draft { get; }

        /// <summary>The number of the attempt its Sending mark began (set when the window is marked).</summary>
        public int Attempt { get; set; }
    }

    /// <summary>A window of prepared posts whose Sending commit has been started on the store lane, and when.</summary>
    internal sealed class MarkedWindow
    {
        public MarkedWindow(IReadOnlyList<PreparedPost> posts, Task<IReadOnlyList<TransitionResult>> marks, DateTimeOffset markedAt)
        {
            Posts = posts;
            Marks = marks;
            MarkedAt = markedAt;
        }

        public IReadOnlyList<PreparedPost> Posts { get; }

        /// <summary>The commit, one result per post (applied: it is Sending under this run's claim).</summary>
        public Task<IReadOnlyList<TransitionResult>> Marks { get; }

        /// <summary>The time the leases of the marked posts were set from.</summary>
        public DateTimeOffset MarkedAt { get; }
    }
}
