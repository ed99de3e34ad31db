using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Api;
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
        private readonly PostOutcomes _outcomes;

        public PostPublisher(QueueRun run, EvidenceResolver evidence, StoreLane lane)
        {
            _run = run;
            _evidence = evidence;
            _lane = lane;
            _recorder = new PublishRecorder(run.Store, lane);
            _outcomes = new PostOutcomes(run, evidence);
        }

        /// <summary>
        /// Handles the post up to its create call: too late, its connection's member throttled, its connection unusable, its
        /// content unreadable or not postable as its author, a media problem: settled here without a call (null).
        /// Otherwise the post is returned ready to send, still Claimed (nothing sent), for <see cref="SendWindowAsync"/>.
        /// </summary>
        /// <returns>The post ready to send or null, and whether it counts towards <see cref="QueueRunOptions.MaxPosts"/> (it was not held).</returns>
        public async Task<(ReadyPost? Ready, bool Counts)> PrepareAsync(ScheduledPost post, CancellationToken cancellationToken)
        {
            var claim = post.Claim!;
            var store = _run.Store;
            var now = _run.Now;
            // Late is measured from the time the user chose, not from due_at: retries and deferrals move due_at, and a
            // post pushed from one day to the next must still become Missed rather than go out days late.
            var late = now - post.ScheduledAtUtc;
            if (late > _run.Options.MaxLateness)
            {
                // Missed says it never went out: true only when no earlier try may have reached LinkedIn.
                if (QueueAttempt.FirstCallThatMayHaveLanded(store, post) != null)
                {
                    _evidence.UnconfirmedTooLate(post, claim, late);
                    return (null, true);
                }
                _outcomes.Miss(post, claim, late);
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
                _run.Report(PostOutcomes.Deferred(post, store.ReleaseUntil(claim, until, now), until));
                return (null, true);
            }
            // Tried before (a retry): if a call that may have landed is older than LinkedIn's duplicate check is trusted
            // to remember, sending now could make a second post, so a person decides. Read only for posts tried before.
            if (post.AttemptsSinceRetry > 0 && EvidenceWait.ResendTooLateForDuplicateCheck(store.GetAttempts(post.Id), post.AttemptsAtRetry, now))
            {
                _evidence.UnconfirmedBeforeResend(post, claim);
                return (null, true);
            }
            try
            {
                var content = QueuePayload.Read(post.PayloadJson);
                var refusal = connection.WhyCannotPostAs?.Invoke(content.Draft.Author);
                if (refusal != null)
                {
                    _outcomes.FailCannotPostAs(post, claim, connection, content.Draft.Author, refusal);
                    return (null, true);
                }
                var reused = new List<MediaUploadRecord>();
                var draft = await _run.Media.ResolveAsync(content.Draft, connection, claim, reused, cancellationToken).ConfigureAwait(false);
                return (new ReadyPost(post, connection, content, draft, reused), true);
            }
            catch (ClaimLostException lost)
            {
                _outcomes.ClaimLost(post, lost.Message);
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
                await _outcomes.SettleAsync(post, claim, connection, error, false, cancellationToken).ConfigureAwait(false);
                return (null, true);
            }
        }

        /// <summary>
        /// Starts marking a window of prepared posts (all still Claimed) Sending: ONE durable transaction for them all
        /// (<see cref="IQueueStore.MarkSendingWindow"/>), committed on the <see cref="StoreLane"/> so that its fsync
        /// overlaps the create calls of the window before it. No create call of the window is made before
        /// <see cref="SendWindowAsync"/> has awaited this commit.
        /// </summary>
        public MarkedWindow BeginMarking(IReadOnlyList<ReadyPost> window)
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
            var unsent = new Queue<ReadyPost>();
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
                        _outcomes.ClaimLost(window[i].Post, new ClaimLostException().Message);
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
                            _run.Report(PostOutcomes.Deferred(next.Post, store.ReleaseUntil(next.Post.Claim!, until, now), until));
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
        private async Task SendAsync(ReadyPost prepared, CancellationToken cancellationToken)
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
                // Recorded now, on its own, with the comment begun in the same durable commit before the comment call.
                var published = FirstComment.RecordPublished(_run, claim, content, created.Urn, 201);
                if (!published.Applied)
                {
                    // A resolver took the post over while this call was in flight (its lease ran out) and settled it
                    // first: that run owns the outcome and adds the first comment; adding it here too would make two.
                    _outcomes.ClaimLost(post, "LinkedIn created the post as " + created.Urn + ", but another run had taken it over and settled it first; that run records it and adds any first comment.");
                    return;
                }
                var done = QueueRun.WithPost(QueueRun.ResultFor(post, QueuePostOutcome.Published, published.State ?? QueueState.Published, published.Attempts), created.Urn);
                await FirstComment.AddAsync(_run, post.Id, connection, content, created.Urn, done, cancellationToken).ConfigureAwait(false);
                _run.Report(done);
            }
            catch (ClaimLostException lost)
            {
                _outcomes.ClaimLost(post, lost.Message);
            }
            catch (LinkedInDuplicatePostException duplicate) when (EarlierCallMayHaveLanded(post))
            {
                // On a first send a DUPLICATE_POST means the same text went out before (a final error). After an
                // earlier call whose outcome was unknown, or that a read-back could not find, it is LinkedIn's word
                // that this post is up: the one it names; naming none, it may be this post, so a person decides.
                if (duplicate.ExistingUrn == null)
                {
                    _evidence.UnconfirmedByUnnamedDuplicate(post, claim, duplicate);
                    return;
                }
                if (LinkedInClient.MadeBefore(duplicate.ExistingUrn, EarliestCallThatMayHaveLanded(post)) is { } madeAt)
                {
                    _evidence.UnconfirmedByOlderDuplicate(post, claim, duplicate.ExistingUrn, madeAt, "Sent again after an earlier try that may have landed,");
                    return;
                }
                await _evidence.PublishedByEvidenceAsync(post, claim, connection, content, duplicate.ExistingUrn, "LinkedIn's duplicate check named it on this send", cancellationToken).ConfigureAwait(false);
            }
            // Cancelled during the call: its outcome is unknown, so it stays Sending and the next run settles it by
            // evidence when the lease runs out (the exception goes on).
            catch (LinkedInException error) when (RefusedForAReusedUpload(prepared, error) is { } gone)
            {
                // Refused (a 4xx: nothing was created) for media the queue reused: LinkedIn no longer knows that upload. It is
                // forgotten, and the post is due again at once, to be sent with the file uploaded anew.
                _run.Store.ForgetUpload(gone);
                _outcomes.RetryWithNewUpload(post, claim, error, gone.MediaUrn);
            }
            catch (LinkedInException error) when (FailureClassifier.IsAboutThePost(error))
            {
                await _outcomes.SettleAsync(post, claim, connection, error, true, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The earlier upload a create refused with a 400 or 422 names (LinkedIn's message quotes the media it does not know),
        /// when the post showed it without uploading it in this try; else null.
        /// </summary>
        private static MediaUploadRecord? RefusedForAReusedUpload(ReadyPost prepared, LinkedInException error) =>
            (error.HttpStatus == 400 || error.HttpStatus == 422) && !(error is LinkedInDuplicatePostException)
                ? prepared.ReusedUploads.FirstOrDefault(upload => error.Message.IndexOf(upload.MediaUrn, StringComparison.Ordinal) >= 0)
                : null;

        /// <summary>Takes a window post that will not be sent back to Claimed; false (reported Skipped) when it is no longer this run's.</summary>
        private bool TakeBack(ReadyPost prepared)
        {
            if (_run.Store.UnmarkSending(new[] { prepared.Post.Claim! }, _run.Now)[0].Applied)
            {
                return true;
            }
            _outcomes.ClaimLost(prepared.Post, new ClaimLostException().Message);
            return false;
        }

        private void RenewWaiting(Queue<ReadyPost> waiting, DateTimeOffset now)
        {
            var kept = new List<ReadyPost>();
            foreach (var prepared in waiting)
            {
                if (_run.Store.RenewLease(prepared.Post.Claim!, now, _run.Options.Lease).Applied)
                {
                    kept.Add(prepared);
                }
                else
                {
                    // Taken over by a resolver after its lease ran out: that run settles it; this one does not send it.
                    _outcomes.ClaimLost(prepared.Post, new ClaimLostException().Message);
                }
            }
            waiting.Clear();
            foreach (var prepared in kept)
            {
                waiting.Enqueue(prepared);
            }
        }

        private void ReturnQuietly(IReadOnlyList<ReadyPost> unsent)
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
            _run.Store.GetAttempts(post.Id).Any(a => a.Outcome != AttemptOutcome.InProgress && a.MayHaveLanded);

        private DateTimeOffset EarliestCallThatMayHaveLanded(ScheduledPost post) =>
            // Since a person last re-armed the post (-Retry, -Resend): an older try is settled, as EvidenceWait counts it.
            _run.Store.GetAttempts(post.Id).Where(a => a.Outcome != AttemptOutcome.InProgress && a.MayHaveLanded && a.Number > post.AttemptsAtRetry)
                .Select(a => a.StartedAt).DefaultIfEmpty(_run.Now).Min();
    }
}
