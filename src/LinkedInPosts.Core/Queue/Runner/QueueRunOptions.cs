using System;
using System.Diagnostics;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>How a <see cref="QueueRunner"/> run behaves. The defaults suit a scheduled task every few minutes.</summary>
    public sealed class QueueRunOptions
    {
        /// <summary>Who this run is in the queue's claims and attempt rows; default <c>machine/pid/8 hex</c>.</summary>
        public string RunnerId { get; set; } = DefaultRunnerId();

        /// <summary>A post due more than this long ago is Missed instead of sent (the machine was off, say).</summary>
        public TimeSpan MaxLateness { get; set; } = TimeSpan.FromHours(24);

        /// <summary>Retryable failures (429, 5xx, timeouts, media processing) a post may have before it is Failed.</summary>
        public int MaxAttempts { get; set; } = 5;

        /// <summary>
        /// The default <see cref="Lease"/> (10 minutes), which Invoke-LinkedInPostQueue uses. The pre-flight judges
        /// by it too: a call begun longer ago than one lease is no longer in flight.
        /// </summary>
        public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(10);

        /// <summary>
        /// How long a claim is held without renewal. It must outlast one create call (the client's request
        /// timeout twice, for its one resend), and is renewed around each media upload and during it, processing
        /// wait included.
        /// </summary>
        public TimeSpan Lease { get; set; } = DefaultLease;

        /// <summary>Posts claimed at a time.</summary>
        public int BatchSize { get; set; } = 50;

        /// <summary>
        /// How many prepared posts are marked Sending in one durable commit before their create calls are made
        /// one after another (group commit: one fsync per window instead of one per post). A post marked Sending
        /// and then not sent is taken back (cancelled, throttled author, refused connection) or, after a crash,
        /// settled by evidence like any Sending post. The commit of the next window runs while this one is sent, so 1
        /// marks each post during the call of the post before it. 50, one claimed batch: a window's commits write whole
        /// pages and fsync once, and 50 published about 15 % faster than 20 (docs/queue.md, "The Sending window").
        /// </summary>
        public int SendWindow { get; set; } = 50;

        /// <summary>The most posts one run sends (null: all that are due). Posts held for a connection problem do not count.</summary>
        public int? MaxPosts { get; set; }

        /// <summary>The shortest wait before a retry; waits grow exponentially from it, with full jitter.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>The longest wait before a retry.</summary>
        public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

        /// <summary>
        /// How long an earlier upload of a file is reused for the same author and API host. LinkedIn does not
        /// document how long an unused media URN stays valid; a month is a guess on the safe side.
        /// </summary>
        public TimeSpan UploadReuseMaxAge { get; set; } = TimeSpan.FromDays(30);

        /// <summary>
        /// How long an upload LinkedIn was still processing when a run stopped waiting (its bytes accepted) is waited
        /// for again by later tries of any post of that file and author, instead of uploading the file anew; never
        /// longer than <see cref="UploadReuseMaxAge"/>. An hour is six processing timeouts: media LinkedIn has not
        /// processed by then is taken to be stuck, and the post's later tries upload the file again (a post's five tries
        /// with their back-off span about an hour, so a stuck copy does not use them all up).
        /// </summary>
        public TimeSpan ProcessingUploadMaxAge { get; set; } = TimeSpan.FromHours(1);

        /// <summary>The queue's clock: due times, lateness, leases.</summary>
        public TimeProvider Clock { get; set; } = TimeProvider.System;

        /// <summary>Timeouts and parallelism for media uploads (alt texts and titles come from each post).</summary>
        public MediaUploadOptions? Upload { get; set; }

        /// <summary>Told how each media upload goes.</summary>
        public IProgress<UploadProgress>? UploadProgress { get; set; }

        /// <summary>Random numbers for the retry jitter (tests pin it).</summary>
        internal Random Random { get; set; } = new Random();

        internal void Validate()
        {
            if (string.IsNullOrWhiteSpace(RunnerId) || RunnerId.Length > QueueLimits.MaxNameLength)
            {
                throw new ArgumentException("RunnerId must be 1 to " + QueueLimits.MaxNameLength + " characters.", nameof(RunnerId));
            }
            if (MaxLateness <= TimeSpan.Zero || Lease <= TimeSpan.Zero || RetryBaseDelay <= TimeSpan.Zero || UploadReuseMaxAge < TimeSpan.Zero || ProcessingUploadMaxAge < TimeSpan.Zero)
            {
                throw new ArgumentException("MaxLateness, Lease and RetryBaseDelay must be positive, UploadReuseMaxAge and ProcessingUploadMaxAge not negative.");
            }
            if (RetryMaxDelay < RetryBaseDelay)
            {
                throw new ArgumentException("RetryMaxDelay cannot be shorter than RetryBaseDelay.", nameof(RetryMaxDelay));
            }
            if (MaxAttempts < 1 || BatchSize < 1 || SendWindow < 1 || MaxPosts < 0)
            {
                throw new ArgumentException("MaxAttempts, BatchSize and SendWindow must be at least 1, MaxPosts not negative.");
            }
            Clock ??= TimeProvider.System;
        }

        internal QueueRunOptions Copy() => (QueueRunOptions)MemberwiseClone();

        private static string DefaultRunnerId()
        {
            int pid;
            using (var process = Process.GetCurrentProcess())
            {
                pid = process.Id;
            }
            return Environment.MachineName + "/" + pid.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + Guid.NewGuid().ToString("N").Substring(0, 8);
        }
    }
}
