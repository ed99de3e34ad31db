using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>A 403: the token is valid but lacks a scope (or the member lacks a page role).</summary>
    public sealed class LinkedInPermissionException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInPermissionException(string message, string? missingScope, Exception? inner = null)
            : base(message, inner)
        {
            MissingScope = missingScope;
        }

        /// <summary>The OAuth scope that would allow the call (e.g. <c>w_member_social</c>), when known.</summary>
        public string? MissingScope { get; }

        /// <inheritdoc />
        public override string ErrorId => "LinkedInPermissionDenied";
    }
}
