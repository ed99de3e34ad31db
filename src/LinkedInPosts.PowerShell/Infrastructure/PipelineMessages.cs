using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using LinkedInPosts.Core.Diagnostics;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>What kind of stream a queued message belongs on.</summary>
    internal enum PipelineMessageKind
    {
        Verbose,
        Warning,

        /// <summary>Text the user must see even in a headless session (the sign-in URL): Information, shown on the host.</summary>
        Host,

        /// <summary>A progress bar update (an upload's bytes and parts): the Progress stream.</summary>
        Progress,

        /// <summary>Work that writes to the pipeline (an object, an error), run on the pipeline thread in its turn.</summary>
        Callback,
    }

    /// <summary>
    /// Core's log sink for one running cmdlet. Core calls it from thread-pool threads; PowerShell only
    /// accepts Write* calls on the pipeline thread, so messages are queued here and the cmdlet drains
    /// them on its own thread while it waits for Core (see <see cref="LinkedInCmdlet"/>).
    /// </summary>
    internal sealed class PipelineMessages : ILinkedInLog
    {
        private readonly ConcurrentQueue<(PipelineMessageKind Kind, string Text, int ActivityId)> _queue = new ConcurrentQueue<(PipelineMessageKind, string, int)>();
        private readonly ConcurrentQueue<System.Action> _callbacks = new ConcurrentQueue<System.Action>();
        private readonly object _progressGate = new object();
        private readonly Dictionary<int, ProgressRecord> _progress = new Dictionary<int, ProgressRecord>();

        /// <summary>Signalled whenever a message is queued, so the waiting pipeline thread wakes up.</summary>
        public AutoResetEvent Arrived { get; } = new AutoResetEvent(false);

        public void Verbose(string message) => Enqueue(PipelineMessageKind.Verbose, message);

        public void Warning(string message) => Enqueue(PipelineMessageKind.Warning, message);

        public void Host(string message) => Enqueue(PipelineMessageKind.Host, message);

        /// <summary>
        /// Queues work that writes to the pipeline (the queue runner's result for one post as it finishes),
        /// to run on the pipeline thread in order with the messages around it. Its place in the message queue
        /// is a marker; the work itself waits in a queue of its own, taken one per marker.
        /// </summary>
        public void OnPipeline(System.Action callback)
        {
            _callbacks.Enqueue(callback);
            Enqueue(PipelineMessageKind.Callback, string.Empty);
        }

        /// <summary>The next queued callback (one per <see cref="PipelineMessageKind.Callback"/> message).</summary>
        public System.Action? TakeCallback() => _callbacks.TryDequeue(out var callback) ? callback : null;

        /// <summary>
        /// Queues a progress bar update. Progress is a state, not a series of events: when Core reports
        /// faster than the pipeline thread writes, only the newest update of each bar is written (its
        /// place in the queue is the first unwritten update's), and a completed bar is never overtaken.
        /// Each pending update has exactly one marker in the queue, added with it under the lock.
        /// </summary>
        public void Progress(ProgressRecord record)
        {
            bool isNew;
            lock (_progressGate)
            {
                if (_progress.TryGetValue(record.ActivityId, out var queued))
                {
                    isNew = false;
                    if (queued.RecordType != ProgressRecordType.Completed)
                    {
                        _progress[record.ActivityId] = record;
                    }
                }
                else
                {
                    isNew = true;
                    _progress.Add(record.ActivityId, record);
                    _queue.Enqueue((PipelineMessageKind.Progress, string.Empty, record.ActivityId));
                }
            }
            if (isNew)
            {
                Arrived.Set();
            }
        }

        /// <summary>The next message; for <see cref="PipelineMessageKind.Progress"/>, <paramref name="progress"/> is the newest update of its bar.</summary>
        public bool TryTake(out PipelineMessageKind kind, out string text, out ProgressRecord? progress)
        {
            progress = null;
            if (_queue.TryDequeue(out var item))
            {
                kind = item.Kind;
                text = item.Text;
                if (kind == PipelineMessageKind.Progress)
                {
                    lock (_progressGate)
                    {
                        if (_progress.TryGetValue(item.ActivityId, out progress))
                        {
                            _progress.Remove(item.ActivityId);
                        }
                    }
                }
                return true;
            }
            kind = default;
            text = string.Empty;
            return false;
        }

        private void Enqueue(PipelineMessageKind kind, string message, int activityId = 0)
        {
            _queue.Enqueue((kind, message ?? string.Empty, activityId));
            Arrived.Set();
        }
    }

    /// <summary>
    /// The log every connection's client is built with. A client outlives the cmdlet that created it,
    /// so it cannot hold a cmdlet's queue; instead each cmdlet sets <see cref="Current"/> for the async
    /// work it starts, and the value flows with that work (and only that work) through every await.
    /// Messages logged outside any cmdlet's work are dropped.
    /// </summary>
    internal sealed class AmbientLog : ILinkedInLog
    {
        private static readonly AsyncLocal<ILinkedInLog?> CurrentLog = new AsyncLocal<ILinkedInLog?>();

        public static readonly AmbientLog Instance = new AmbientLog();

        private AmbientLog()
        {
        }

        /// <summary>The sink of the cmdlet whose work is running in this async flow.</summary>
        public static ILinkedInLog? Current
        {
            get => CurrentLog.Value;
            set => CurrentLog.Value = value;
        }

        public void Verbose(string message) => Current?.Verbose(message);

        public void Warning(string message) => Current?.Warning(message);
    }
}
