using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>Why LinkedIn did not accept the access token.</summary>
    public enum AuthFailureReason
    {
        /// <summary>The token is not valid (malformed, unknown or for another app).</summary>
        Invalid,
        /// <summary>The token's 60 days are over.</summary>
        Expired,
        /// <summary>The member or LinkedIn revoked the token.</summary>
        Revoked,
        /// <summary>No token is available for the connection.</summary>
        Missing,
    }

    /// <summary>A 401, or no usable token: the user must sign in again.</summary>
    public sealed class LinkedInAuthException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInAuthException(AuthFailureReason reason, string message, Exception? inner = null)
            : base(message, inner)
        {
            Reason = reason;
        }

        /// <summary>Why the token was refused.</summary>
        public AuthFailureReason Reason { get; }

        /// <inheritdoc />
        public override string ErrorId => "LinkedInAuth" + Reason;
    }
}
