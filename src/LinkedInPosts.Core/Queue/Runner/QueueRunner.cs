using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Runs the queue once: settles what a dead run left Sending, then claims what is due, batch by batch,
    /// and publishes each post through its connection, never posting one twice (see docs/queue.md, "The runner").
    /// Overlapping runs (Task Scheduler, cron) are safe: claims are atomic and every change presents its claim.
    /// </summary>
    public sealed class QueueRunner
    {
        /// <summary>How many Unconfirmed posts a report names by id (<see cref="QueueRunReport.UnconfirmedIds"/>); it counts them all.</summary>
        public const int UnconfirmedIdsListed = 20;

        private readonly IQueueStore _store;
        private readonly IQueueConnections _connections;
        private readonly QueueRunOptions _options;

        /// <summary>Creates a runner over <paramref name="store"/>; <paramref name="connections"/> opens each connection a run needs.</summary>
        public QueueRunner(IQueueStore store, IQueueConnections connections, QueueRunOptions? options = null)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _connections = connections ?? throw new ArgumentNullException(nameof(connections));
            _options = (options ?? new QueueRunOptions()).Copy();
            _options.Validate();
        }

        /// <summary>
        /// Resolves expired Sending posts by evidence first, then claims and publishes what is due, batch by
        /// batch. Each post touched is reported through <paramref name="progress"/> as it finishes. Cancelling
        /// stops after the post in hand: posts not yet sent go back to Pending, a post whose create call was
        /// under way stays Sending for the next run to settle by evidence.
        /// </summary>
        public async Task<QueueRunReport> RunAsync(IProgress<QueuePostResult>? progress = null, CancellationToken cancellationToken = default)
        {
            var started = _options.Clock.GetUtcNow();
            var watch = Stopwatch.StartNew();
            var run = new QueueRun(_store, _connections, _options, progress);
            var evidence = new EvidenceResolver(run);
            var lane = new StoreLane();
            var publisher = new PostPublisher(run, evidence, lane);
            // The window whose Sending commit is under way while the window before it is sent (see docs/queue.md, "The
            // runner"): marked, not yet handed to SendWindowAsync.
            MarkedWindow? ahead = null;
            // The next batch's claim, made on the lane while this batch is sent (only after a full batch: more may be due).
            Task<IReadOnlyList<ScheduledPost>>? nextClaim = null;
            var completed = false;
            try
            {
                await evidence.ResolveExpiredAsync(cancellationToken).ConfigureAwait(false);
                var sent = 0;
                while (_options.MaxPosts == null || sent < _options.MaxPosts.Value)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var max = _options.MaxPosts == null ? _options.BatchSize : Math.Min(_options.BatchSize, _options.MaxPosts.Value - sent);
                    var claimed = nextClaim != null ? await nextClaim.ConfigureAwait(false) : _store.ClaimDue(run.Now, _options.RunnerId, _options.Lease, max);
                    nextClaim = null;
                    if (claimed.Count == 0)
                    {
                        break;
                    }
                    var batch = new Queue<ScheduledPost>(claimed);
                    // Never more than MaxPosts could still take, counting this whole batch as sent; held posts do not
                    // count, so the prefetch may take too few (the loop then claims again), never too many.
                    var nextMax = _options.MaxPosts == null ? _options.BatchSize : Math.Min(_options.BatchSize, _options.MaxPosts.Value - sent - claimed.Count);
                    if (claimed.Count == max && nextMax > 0)
                    {
                        nextClaim = lane.Run(() => _store.ClaimDue(run.Now, _options.RunnerId, _options.Lease, nextMax));
                    }
                    try
                    {
                        while (batch.Count > 0)
                        {
                            var (window, counted) = await PrepareWindowAsync(batch, run, publisher, cancellationToken).ConfigureAwait(false);
                            sent += counted;
                            var previous = ahead;
                            ahead = publisher.BeginMarking(window);
                            if (previous != null)
                            {
                                await publisher.SendWindowAsync(previous, cancellationToken).ConfigureAwait(false);
                            }
                        }
                    }
                    finally
                    {
                        // Stopped mid-batch (cancelled, or the queue failed): what this run did not get to is due again
                        // now. Release is guarded by state, so a post that got as far as Sending stays Sending.
                        foreach (var untouched in batch)
                        {
                            ReleaseQuietly(untouched, run);
                        }
                    }
                }
                if (ahead != null)
                {
                    var last = ahead;
                    ahead = null;
                    await publisher.SendWindowAsync(last, cancellationToken).ConfigureAwait(false);
                }
                completed = true;
            }
            finally
            {
                if (ahead != null)
                {
                    await publisher.ReturnQuietlyAsync(ahead).ConfigureAwait(false);
                }
                if (nextClaim != null)
                {
                    await ReleaseQuietlyAsync(nextClaim, run).ConfigureAwait(false);
                }
                await publisher.FinishRecordingAsync(quiet: !completed).ConfigureAwait(false);
                run.ReleaseHeld();
                run.DeferThrottledConnections();
            }
            return Report(run, started, watch.Elapsed);
        }

        /// <summary>
        /// For -WhatIf: what a run now would do, without claiming or sending anything (<see cref="RunPreview"/>): every
        /// expired Sending post it would settle (WouldResolve, or WouldMarkUnconfirmed when it is too late for another
        /// look), then up to <paramref name="max"/> due posts it would send (WouldPublish), mark Missed (WouldMiss) or,
        /// after a try that may have reached LinkedIn, mark Unconfirmed instead of sending (WouldMarkUnconfirmed).
        /// </summary>
        public IReadOnlyList<QueuePostResult> Preview(int max = 1000) => new RunPreview(_store, _options).Run(max);

        /// <summary>
        /// Prepares the next posts of the batch (still Claimed, nothing sent) until <see cref="QueueRunOptions.SendWindow"/>
        /// are ready, the batch is empty, or preparing took a tenth of the lease (a slow upload: the ready posts
        /// should not wait). The window is then marked Sending in one durable commit and sent
        /// (<see cref="PostPublisher.BeginMarking"/>, <see cref="PostPublisher.SendWindowAsync"/>). Returns the window
        /// and how many posts count towards MaxPosts.
        /// </summary>
        private async Task<(IReadOnlyList<ReadyPost> Window, int Counted)> PrepareWindowAsync(Queue<ScheduledPost> batch, QueueRun run, PostPublisher publisher, CancellationToken cancellationToken)
        {
            var counted = 0;
            var window = new List<ReadyPost>();
            var started = run.Now;
            var prepared = false;
            try
            {
                while (batch.Count > 0 && window.Count < _options.SendWindow)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var (ready, counts) = await publisher.PrepareAsync(batch.Peek(), cancellationToken).ConfigureAwait(false);
                    batch.Dequeue();
                    counted += counts ? 1 : 0;
                    if (ready != null)
                    {
                        window.Add(ready);
                    }
                    if (run.Now - started >= TimeSpan.FromTicks(_options.Lease.Ticks / 10))
                    {
                        break;
                    }
                }
                prepared = true;
                return (window, counted);
            }
            finally
            {
                // Stopped while preparing: the prepared posts are still Claimed, nothing sent; they are due again now.
                if (!prepared)
                {
                    foreach (var ready in window)
                    {
                        ReleaseQuietly(ready.Post, run);
                    }
                }
            }
        }

        // A prefetched batch the run stopped before: nothing was done with it, so it is due again now.
        private async Task ReleaseQuietlyAsync(Task<IReadOnlyList<ScheduledPost>> claim, QueueRun run)
        {
            IReadOnlyList<ScheduledPost> claimed;
            try
            {
                claimed = await claim.ConfigureAwait(false);
            }
            catch (Errors.LinkedInQueueException)
            {
                return; // not claimed after all, or claimed and left to their lease
            }
            foreach (var untouched in claimed)
            {
                ReleaseQuietly(untouched, run);
            }
        }

        // Best effort while another error is on its way out: a claim left behind is released by its lease anyway.
        private void ReleaseQuietly(ScheduledPost post, QueueRun run)
        {
            try
            {
                _store.Release(post.Claim!, run.Now);
            }
            catch (Errors.LinkedInQueueException)
            {
            }
        }

        private QueueRunReport Report(QueueRun run, DateTimeOffset started, TimeSpan duration)
        {
            var posts = run.Results.ToList();
            int Count(QueuePostOutcome outcome) => posts.Count(p => p.Outcome == outcome);
            // An Unconfirmed post waits for a person and no run touches it again, so only asking the queue (an index
            // read) keeps it in every run's report: otherwise monitoring saw one red run and then green for ever.
            var unconfirmed = _store.FindInState(QueueState.Unconfirmed, UnconfirmedIdsListed);
            return new QueueRunReport
            {
                StartedAt = started,
                Duration = duration,
                RunnerId = _options.RunnerId,
                Posts = posts,
                ConnectionProblems = run.Connections.Problems.ToList(),
                Published = Count(QueuePostOutcome.Published),
                Retrying = Count(QueuePostOutcome.Retrying),
                Failed = Count(QueuePostOutcome.Failed),
                Missed = Count(QueuePostOutcome.Missed),
                Held = Count(QueuePostOutcome.Held),
                Deferred = Count(QueuePostOutcome.Deferred),
                Unconfirmed = Count(QueuePostOutcome.Unconfirmed),
                UnconfirmedInQueue = unconfirmed.Count,
                UnconfirmedIds = unconfirmed.FirstIds,
                NeedsAttention = posts.Any(p => p.NeedsAttention) || run.Connections.Problems.Count > 0 || unconfirmed.Count > 0,
            };
        }
    }
}
