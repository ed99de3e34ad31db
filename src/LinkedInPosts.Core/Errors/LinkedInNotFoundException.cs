using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>A 404: the post (or other entity) does not exist, or no longer does.</summary>
    public sealed class LinkedInNotFoundException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInNotFoundException(string message, string? urn, Exception? inner = null)
            : base(message, inner)
        {
            Urn = urn;
        }

        /// <summary>The URN that was not found.</summary>
        public string? Urn { get; }

        /// <inheritdoc />
        public override string ErrorId => "LinkedInNotFound";
    }
}
