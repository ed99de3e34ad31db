using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>
    /// A 429: a daily or infrastructure limit was reached. As the client raises it, <see cref="LinkedInException.RetryAt"/> is set:
    /// from Retry-After when LinkedIn sent it, else the next midnight UTC (daily limits reset then).
    /// </summary>
    public sealed class LinkedInThrottledException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInThrottledException(string message, DateTimeOffset? retryAt, Exception? inner = null)
            : base(message, inner)
        {
            RetryAt = retryAt;
        }

        /// <inheritdoc />
        public override bool IsTransient => true;

        /// <inheritdoc />
        public override string ErrorId => "LinkedInThrottled";
    }
}
