using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.PowerShell.Registration
{
    /// <summary>
    /// The accepted rows on their way into the queue: opened on the first row that needs it (so -WhatIf
    /// creates no file), committed through <see cref="QueueRegistrationBuffer"/> one transaction per 500
    /// rows, and flushed at the end, on Ctrl+C and before a terminating error. Each result is paired with
    /// the row it belongs to. Thread-safe: Ctrl+C flushes from another thread than the pipeline's.
    /// </summary>
    internal sealed class RegistrationBatch : IDisposable
    {
        private readonly object _sync = new object();
        private readonly List<PendingRow> _pending = new List<PendingRow>();
        private readonly Func<IQueueStore> _open;
        private readonly string _queuePath;
        private readonly RegistrationMode _mode;
        private IQueueStore? _store;
        private QueueRegistrationBuffer? _buffer;

        public RegistrationBatch(Func<IQueueStore> open, string queuePath, RegistrationMode mode)
        {
            _open = open;
            _queuePath = queuePath;
            _mode = mode;
        }

        /// <summary>The queue, opened (and created) on first use.</summary>
        public IQueueStore Store()
        {
            lock (_sync)
            {
                if (_store == null)
                {
                    _store = _open();
                    _buffer = new QueueRegistrationBuffer(_store, _mode);
                }
                return _store;
            }
        }

        /// <summary>The post with <paramref name="key"/> in the queue; null when there is none, or no queue file yet (none is created).</summary>
        public ScheduledPost? Queued(string key)
        {
            if (_store == null && !File.Exists(_queuePath))
            {
                return null;
            }
            return Store().GetByKey(key);
        }

        /// <summary>Adds an accepted row; when that fills a batch, the batch is committed and its results returned.</summary>
        public IReadOnlyList<RowResult> Add(RegistrationRow row, NewScheduledPost post)
        {
            Store();
            lock (_sync)
            {
                _pending.Add(new PendingRow(row, post));
                return Pair(_buffer!.Add(post));
            }
        }

        /// <summary>Commits the rows waiting and returns their results (none when nothing was accepted).</summary>
        public IReadOnlyList<RowResult> Flush()
        {
            lock (_sync)
            {
                return _buffer == null ? Array.Empty<RowResult>() : Pair(_buffer.Flush());
            }
        }

        /// <summary>
        /// Commits the rows waiting when the pipeline is stopped, where nothing can be written any more and
        /// a queue failure has nowhere to go (the rows stay uncommitted; importing again adds them).
        /// </summary>
        public void FlushQuietly()
        {
            lock (_sync)
            {
                try
                {
                    _buffer?.Flush();
                }
                catch (LinkedInException)
                {
                }
            }
        }

        /// <summary>
        /// Commits what is still waiting, then closes the queue. On Ctrl+C PowerShell may dispose the cmdlet on the
        /// pipeline's thread while StopProcessing runs on another: whichever comes first commits the accepted rows,
        /// and the other finds nothing left to do.
        /// </summary>
        public void Dispose()
        {
            lock (_sync)
            {
                FlushQuietly();
                _buffer = null;
                _store?.Dispose();
                _store = null;
            }
        }

        /// <summary>The buffer's results belong to the oldest waiting rows, in order.</summary>
        private IReadOnlyList<RowResult> Pair(IReadOnlyList<RegistrationResult> results)
        {
            if (results.Count == 0)
            {
                return Array.Empty<RowResult>();
            }
            var rows = _pending.Take(results.Count).ToList();
            _pending.RemoveRange(0, Math.Min(results.Count, _pending.Count));
            return results.Select((result, i) => new RowResult(rows[i], result)).ToList();
        }
    }

    /// <summary>A row waiting in the registration buffer, with the post it became.</summary>
    internal sealed class PendingRow
    {
        public PendingRow(RegistrationRow row, NewScheduledPost post)
        {
            Row = row;
            Post = post;
        }

        public RegistrationRow Row { get; }

        public NewScheduledPost Post { get; }
    }

    /// <summary>What the queue did with one row.</summary>
    internal sealed class RowResult
    {
        public RowResult(PendingRow pending, RegistrationResult result)
        {
            Pending = pending;
            Result = result;
        }

        public PendingRow Pending { get; }

        public RegistrationResult Result { get; }
    }
}
