using System;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Keeps a claim's lease alive while a file uploads and LinkedIn processes it: a large video can take longer
    /// than the lease, and a lease that ran out mid-upload would let another run take the post. Every progress
    /// report renews the lease once a third of it has passed since the last renewal, then passes the report on;
    /// the uploader reports as bytes go out and after every status check of the processing wait (a minute apart
    /// at most, unless PollInterval is longer), so a long wait is covered as a long upload is. Reports come
    /// from several threads; the store is thread-safe. A renewal that is refused (the claim is gone) is
    /// remembered, since throwing inside the uploader's callback would not stop it cleanly; the resolver
    /// checks <see cref="Lost"/> when the upload returns.
    /// </summary>
    internal sealed class LeaseKeeper : IProgress<UploadProgress>
    {
        private readonly QueueRun _run;
        private readonly QueueClaim _claim;
        private readonly IProgress<UploadProgress>? _next;
        private readonly object _gate = new object();
        private DateTimeOffset _renewedAt;

        public LeaseKeeper(QueueRun run, QueueClaim claim, IProgress<UploadProgress>? next)
        {
            _run = run;
            _claim = claim;
            _next = next;
            _renewedAt = run.Now;
        }

        /// <summary>True once a renewal was refused: another runner has the post.</summary>
        public bool Lost { get; private set; }

        public void Report(UploadProgress value)
        {
            lock (_gate)
            {
                var now = _run.Now;
                if (!Lost && now - _renewedAt >= TimeSpan.FromTicks(_run.Options.Lease.Ticks / 3))
                {
                    Lost = !_run.Store.RenewLease(_claim, now, _run.Options.Lease).Applied;
                    _renewedAt = now;
                }
            }
            _next?.Report(value);
        }
    }
}
