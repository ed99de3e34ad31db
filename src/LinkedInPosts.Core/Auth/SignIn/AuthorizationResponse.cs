namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// What LinkedIn sent back to the redirect URI: a <see cref="Code"/> on success, or an
    /// <see cref="Error"/> (<c>user_cancelled_authorize</c>, <c>unauthorized_scope_error</c>, ...), and the
    /// <see cref="State"/> to check either way. <see cref="ToString"/> never shows the code.
    /// </summary>
    public sealed class AuthorizationResponse
    {
        /// <summary>Creates a response.</summary>
        public AuthorizationResponse(string? code, string? state, string? error, string? errorDescription)
        {
            Code = string.IsNullOrEmpty(code) ? null : code;
            State = state;
            Error = string.IsNullOrEmpty(error) ? null : error;
            ErrorDescription = errorDescription;
        }

        /// <summary>SECRET until exchanged. The single-use authorization code (30 minutes).</summary>
        public string? Code { get; }

        /// <summary>The state LinkedIn echoed; it must equal the one sent.</summary>
        public string? State { get; }

        /// <summary>LinkedIn's OAuth error code, when the sign-in did not succeed.</summary>
        public string? Error { get; }

        /// <summary>LinkedIn's description of the error (its text is not a contract; branch on <see cref="Error"/>).</summary>
        public string? ErrorDescription { get; }

        /// <summary>Whether a code or an error came, never the code itself.</summary>
        public override string ToString() => Error == null ? "AuthorizationResponse(code)" : "AuthorizationResponse(error " + Error + ")";
    }
}
