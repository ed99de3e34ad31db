using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Collects the registrations of one pipeline and commits them in batches of <see cref="BatchSize"/>, each
    /// batch one transaction: fast for thousands of CSV rows, and a crash mid-import loses at most the batch
    /// not yet committed (re-importing then adds exactly what is missing, since keys make it idempotent).
    /// A cmdlet calls <see cref="Add"/> per input in ProcessRecord and <see cref="Flush"/> in EndProcessing,
    /// writing the results each returns. Not thread-safe (one pipeline).
    /// </summary>
    public sealed class QueueRegistrationBuffer
    {
        private readonly IQueueStore _store;
        private readonly RegistrationMode _mode;
        private readonly List<NewScheduledPost> _pending = new List<NewScheduledPost>();
        private int _committed;

        /// <summary>A buffer over <paramref name="store"/>.</summary>
        public QueueRegistrationBuffer(IQueueStore store, RegistrationMode mode = RegistrationMode.AddOnly, int batchSize = DefaultBatchSize)
        {
            if (batchSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A batch holds at least one registration.");
            }
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _mode = mode;
            BatchSize = batchSize;
        }

        /// <summary>The default batch size.</summary>
        public const int DefaultBatchSize = 500;

        /// <summary>How many registrations one transaction commits.</summary>
        public int BatchSize { get; }

        /// <summary>Registrations added but not committed yet.</summary>
        public int Uncommitted => _pending.Count;

        /// <summary>
        /// Adds a registration; when the batch is full it is committed and its results returned (their
        /// <see cref="RegistrationResult.Index"/> counts every registration added to this buffer, from 0).
        /// Otherwise returns nothing yet.
        /// </summary>
        public IReadOnlyList<RegistrationResult> Add(NewScheduledPost post)
        {
            _pending.Add(post ?? throw new ArgumentNullException(nameof(post)));
            return _pending.Count >= BatchSize ? Flush() : Array.Empty<RegistrationResult>();
        }

        /// <summary>Commits what is buffered and returns its results.</summary>
        public IReadOnlyList<RegistrationResult> Flush()
        {
            if (_pending.Count == 0)
            {
                return Array.Empty<RegistrationResult>();
            }
            var batch = _pending.ToArray();
            var results = _store.RegisterBatch(batch, _mode);
            _pending.Clear();
            var offset = _committed;
            _committed += batch.Length;
            var renumbered = new RegistrationResult[results.Count];
            for (var i = 0; i < results.Count; i++)
            {
                var r = results[i];
                renumbered[i] = new RegistrationResult(offset + r.Index, r.Key, r.Outcome, r.Id, r.State, r.Error);
            }
            return renumbered;
        }
    }
}
