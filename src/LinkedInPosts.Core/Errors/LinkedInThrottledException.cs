using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>A 429: a daily or infrastructure limit was reached.</summary>
    public sealed class LinkedInThrottledException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInThrottledException(string message, DateTimeOffset? retryAt, Exception? inner = null)
            : base(message, inner)
        {
            RetryAt = retryAt;
        }

        /// <summary>When a retry may succeed: from Retry-After when LinkedIn sent it, else the next midnight UTC (daily limits reset then).</summary>
        public DateTimeOffset? RetryAt { get; }

        /// <summary>True when <see cref="RetryAt"/> comes from LinkedIn's Retry-After header rather than our own estimate.</summary>
        public bool IsRetryAfterFromServer { get; set; }

        /// <inheritdoc />
        public override bool IsTransient => true;

        /// <inheritdoc />
        public override string ErrorId => "LinkedInThrottled";
    }
}
