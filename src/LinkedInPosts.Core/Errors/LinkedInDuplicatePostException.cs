using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>A 422 DUPLICATE_POST: LinkedIn already has a post with this content by this author.</summary>
    public sealed class LinkedInDuplicatePostException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInDuplicatePostException(string message, string? existingUrn, Exception? inner = null)
            : base(message, inner)
        {
            ExistingUrn = existingUrn;
        }

        /// <summary>The URN of the post that already exists, parsed from LinkedIn's message, when it named one.</summary>
        public string? ExistingUrn { get; }

        /// <inheritdoc />
        public override string ErrorId => "LinkedInDuplicatePost";
    }
}
