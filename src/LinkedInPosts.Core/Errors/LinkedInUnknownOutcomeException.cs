using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>
    /// A create whose outcome could not be established: the request may or may not have produced a post.
    /// LinkedIn has no idempotency key, so this is reported rather than retried blindly.
    /// </summary>
    public sealed class LinkedInUnknownOutcomeException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInUnknownOutcomeException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }

        /// <inheritdoc />
        public override string ErrorId => "LinkedInPostOutcomeUnknown";
    }
}
