using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>
    /// Base of every error Core raises about LinkedIn. <see cref="ErrorId"/> is stable and greppable:
    /// the cmdlet layer uses it as the ErrorRecord's ErrorId, and users match on it in scripts.
    /// Messages say what happened and what to do, and never contain a token or secret.
    /// </summary>
    public abstract class LinkedInException : Exception
    {
        /// <summary>Creates the exception.</summary>
        protected LinkedInException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }

        /// <summary>Stable identifier, e.g. <c>LinkedInAuthExpired</c>.</summary>
        public abstract string ErrorId { get; }

        /// <summary>HTTP status LinkedIn answered with, when there was an answer.</summary>
        public int? HttpStatus { get; set; }

        /// <summary>LinkedIn's <c>serviceErrorCode</c>, when it sent one.</summary>
        public int? ServiceErrorCode { get; set; }

        /// <summary>LinkedIn's symbolic <c>code</c> (e.g. <c>DUPLICATE_POST</c>), when it sent one.</summary>
        public string? LinkedInCode { get; set; }

        /// <summary>The call that failed, as <c>METHOD /path</c> (never with a token).</summary>
        public string? Request { get; set; }

        /// <summary>
        /// When a retry may succeed, if that is known: LinkedIn's Retry-After (delta seconds or an HTTP date) on a 429
        /// or a server error (5xx, 408), then <see cref="IsRetryAfterFromServer"/> is true; for a 429 without one, our
        /// own estimate (<see cref="LinkedInThrottledException"/>). Null when nothing says when: back off.
        /// </summary>
        public DateTimeOffset? RetryAt { get; set; }

        /// <summary>True when <see cref="RetryAt"/> comes from LinkedIn's Retry-After header rather than our own estimate.</summary>
        public bool IsRetryAfterFromServer { get; set; }

        /// <summary>True when the same call may succeed later without any change (throttling, 5xx, network).</summary>
        public virtual bool IsTransient => false;
    }
}
