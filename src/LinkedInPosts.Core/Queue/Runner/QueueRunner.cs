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
            var publisher = new PostPublisher(run, evidence);
            try
            {
                await evidence.ResolveExpiredAsync(cancellationToken).ConfigureAwait(false);
                var sent = 0;
                while (_options.MaxPosts == null || sent < _options.MaxPosts.Value)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var max = _options.MaxPosts == null ? _options.BatchSize : Math.Min(_options.BatchSize, _options.MaxPosts.Value - sent);
                    var batch = new Queue<ScheduledPost>(_store.ClaimDue(run.Now, _options.RunnerId, _options.Lease, max));
                    if (batch.Count == 0)
                    {
                        break;
                    }
                    try
                    {
                        while (batch.Count > 0)
                        {
                            sent += await PublishWindowAsync(batch, run, publisher, cancellationToken).ConfigureAwait(false);
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
            }
            finally
            {
                run.ReleaseHeld();
                run.DeferThrottledAuthors();
            }
            return Report(run, started, watch.Elapsed);
        }

        /// <summary>
        /// For -WhatIf: what a run now would do, without claiming or sending anything: expired Sending posts it
        /// would settle (WouldResolve), then due posts it would send (WouldPublish) or mark Missed (WouldMiss).
        /// </summary>
        public IReadOnlyList<QueuePostResult> Preview(int max = 1000)
        {
            var now = _options.Clock.GetUtcNow();
            var results = new List<QueuePostResult>();
            foreach (var post in _store.FindExpiredSending(now, max))
            {
                var result = QueueRun.ResultFor(post, QueuePostOutcome.WouldResolve, post.State, post.Attempts);
                result.Message = "Its create call's outcome is not known (its run ended, or LinkedIn gave no clear answer and it waited for evidence); a run now settles it by evidence.";
                results.Add(result);
            }
            if (results.Count < max)
            {
                foreach (var post in _store.FindDue(now, max - results.Count))
                {
                    var late = now - post.ScheduledAtUtc > _options.MaxLateness;
                    var result = QueueRun.ResultFor(post, late ? QueuePostOutcome.WouldMiss : QueuePostOutcome.WouldPublish, post.State, post.Attempts);
                    if (late)
                    {
                        result.ErrorId = QueueRunErrorIds.Missed;
                        result.Message = "Scheduled for " + post.ScheduledAtUtc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) +
                            " UTC, more than MaxLateness (" + PostPublisher.Describe(_options.MaxLateness) + ") ago: a run now marks it Missed.";
                    }
                    results.Add(result);
                }
            }
            return results;
        }

        /// <summary>
        /// Prepares the next posts of the batch (still Claimed, nothing sent) until <see cref="QueueRunOptions.SendWindow"/>
        /// are ready, the batch is empty, or preparing took a tenth of the lease (a slow upload: the ready posts
        /// should not wait), then sends them as one window: one durable commit marks them all Sending, then their
        /// create calls follow one by one (<see cref="PostPublisher.SendWindowAsync"/>). Returns how many posts
        /// count towards MaxPosts.
        /// </summary>
        private async Task<int> PublishWindowAsync(Queue<ScheduledPost> batch, QueueRun run, PostPublisher publisher, CancellationToken cancellationToken)
        {
            var counted = 0;
            var window = new List<PreparedPost>();
            var started = run.Now;
            var handedOver = false;
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
                handedOver = true;
                await publisher.SendWindowAsync(window, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Stopped while preparing: the prepared posts are still Claimed, nothing sent; they are due again now.
                if (!handedOver)
                {
                    foreach (var prepared in window)
                    {
                        ReleaseQuietly(prepared.Post, run);
                    }
                }
            }
            return counted;
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
                NeedsAttention = posts.Any(p => p.NeedsAttention) || run.Connections.Problems.Count > 0,
            };
        }
    }
}
