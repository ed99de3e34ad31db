using System;
using LinkedInPosts.Core.Diagnostics;

namespace LinkedInPosts.Core.Api
{
    /// <summary>How a <see cref="LinkedInClient"/> talks to LinkedIn (or the sandbox).</summary>
    public sealed class LinkedInClientOptions
    {
        /// <summary>API and OAuth hosts; LinkedIn's production hosts unless a sandbox is named.</summary>
        public LinkedInEndpoints Endpoints { get; set; } = LinkedInEndpoints.Production;

        /// <summary>The LinkedIn-Version header (YYYYMM).</summary>
        public string ApiVersion { get; set; } = LinkedInApiVersion.Default;

        /// <summary>How long one HTTP call may take before it counts as timed out.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How many times a safe call (read, update, delete) is retried after a transient failure.</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>
        /// The most time retries of one call may take in all. A Retry-After (a 429's or a 5xx's) longer than
        /// what is left is not waited for: the error goes to the caller, who can schedule a later try.
        /// </summary>
        public TimeSpan MaxRetryTime { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>Where the client reports each HTTP call and retry.</summary>
        public ILinkedInLog Log { get; set; } = NullLinkedInLog.Instance;

        /// <summary>The clock used for throttling arithmetic (tests may substitute it).</summary>
        public TimeProvider Clock { get; set; } = TimeProvider.System;

        /// <summary>A copy, so a caller can change one setting (the endpoints, the version) for one client.</summary>
        internal LinkedInClientOptions Copy() => (LinkedInClientOptions)MemberwiseClone();

        internal void Validate()
        {
            if (Endpoints == null)
            {
                throw new ArgumentException("Endpoints must be set.", nameof(Endpoints));
            }
            ApiVersion = LinkedInApiVersion.Resolve(ApiVersion);
            if (RequestTimeout <= TimeSpan.Zero)
            {
                throw new ArgumentException("RequestTimeout must be positive.", nameof(RequestTimeout));
            }
            if (MaxRetries < 0)
            {
                throw new ArgumentException("MaxRetries cannot be negative.", nameof(MaxRetries));
            }
            Log ??= NullLinkedInLog.Instance;
            Clock ??= TimeProvider.System;
        }
    }
}
