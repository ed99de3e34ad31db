using System.Collections.Generic;
using System.Threading.Tasks;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Records the posts LinkedIn created (Published, with their URNs) a window at a time on the <see cref="StoreLane"/>,
    /// instead of one commit per post between two create calls. The run reports each such post as Published when
    /// LinkedIn answers (it is, on LinkedIn); until its window is recorded it is Sending on disk, exactly as if the
    /// run had died just after the call, and were the run to die now, evidence resolution would find it published.
    /// Commits are synchronous=NORMAL, as a single result is. A post with a first comment is not recorded here: it
    /// is made durable on its own before its comment is added (a comment must never be added twice).
    /// </summary>
    internal sealed class PublishRecorder
    {
        private readonly IQueueStore _store;
        private readonly StoreLane _lane;
        private readonly Queue<Task> _recordings = new Queue<Task>();
        private List<PublishedCall> _answered = new List<PublishedCall>();

        public PublishRecorder(IQueueStore store, StoreLane lane)
        {
            _store = store;
            _lane = lane;
        }

        /// <summary>LinkedIn created a post: recorded with the rest of its window.</summary>
        public void Add(PublishedCall call) => _answered.Add(call);

        /// <summary>Hands what was answered since the last call to the lane; waits for every earlier recording but the last one.</summary>
        public async Task StartRecordingAsync()
        {
            if (_answered.Count > 0)
            {
                var calls = _answered;
                _answered = new List<PublishedCall>();
                _recordings.Enqueue(_lane.Run(() => _store.MarkPublished(calls, durable: false)));
            }
            // At most one recording is outstanding: the one just started, which the next window's calls overlap.
            while (_recordings.Count > 1)
            {
                await FinishNextAsync().ConfigureAwait(false);
            }
        }

        /// <summary>Records what is left and waits for every recording: at the end of a run, also when it stops on an error.</summary>
        public async Task FinishAsync()
        {
            await StartRecordingAsync().ConfigureAwait(false);
            while (_recordings.Count > 0)
            {
                await FinishNextAsync().ConfigureAwait(false);
            }
        }

        // A recording refused for a post (not applied) means another run took it over while this run's call was in
        // flight (its lease ran out) and settled it first, by evidence: that run's record stands, so nothing is left to
        // do here. A recording that failed throws here, to the run (FinishRecordingAsync decides whether it goes on).
        private Task FinishNextAsync() => _recordings.Dequeue();
    }
}
