using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>
    /// A 5xx, a timeout, a dropped connection or an answer we cannot read. A 5xx (or 408) that came with a
    /// Retry-After carries it as <see cref="LinkedInException.RetryAt"/>, which retries wait for.
    /// </summary>
    public sealed class LinkedInServerException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInServerException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }

        /// <inheritdoc />
        public override bool IsTransient => true;

        /// <inheritdoc />
        public override string ErrorId => HttpStatus.HasValue ? "LinkedInServerError" : "LinkedInUnreachable";
    }
}
