using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>Why signing in to LinkedIn (or refreshing a sign-in) did not give a token.</summary>
    /// <remarks>
    /// There is no "redirect mismatch" reason: when the redirect URI is not registered, LinkedIn shows an
    /// error page in the browser and never calls back, so the module only sees <see cref="Timeout"/>, whose
    /// message says to check the registered redirect URI. An exchange refused for a redirect that differs
    /// from the one at sign-in is <see cref="CodeRejected"/> (LinkedIn gives both one message).
    /// </remarks>
    public enum SignInFailureReason
    {
        /// <summary>The member cancelled on LinkedIn's sign-in or consent page.</summary>
        Cancelled,
        /// <summary>The answer's <c>state</c> is not the one sent: a forged or stale answer, never exchanged.</summary>
        StateMismatch,
        /// <summary>No answer reached the redirect URI in time (including a redirect URI LinkedIn refused).</summary>
        Timeout,
        /// <summary>The app is not provisioned for a requested scope (its product is missing).</summary>
        ScopeNotAuthorized,
        /// <summary>LinkedIn refused the authorization code: invalid, expired, used, or another redirect URI or verifier.</summary>
        CodeRejected,
        /// <summary>LinkedIn refused the client id or client secret.</summary>
        ClientRejected,
        /// <summary>LinkedIn refused the refresh token (expired, revoked, or the app has no refresh tokens).</summary>
        RefreshRejected,
        /// <summary>The redirect URI is not a loopback http address this module can listen on.</summary>
        RedirectUriNotSupported,
        /// <summary>The redirect URI's port cannot be listened on (in use, reserved, or not permitted).</summary>
        PortUnavailable,
        /// <summary>Any other OAuth error LinkedIn answered with.</summary>
        AuthorizationFailed,
    }

    /// <summary>
    /// Signing in did not give a token; the message says what to change (the redirect URI registered in the
    /// app, the client id or secret, the app's products) or to run Connect-LinkedIn again. Never contains a
    /// secret, code, verifier or token.
    /// </summary>
    public sealed class LinkedInSignInException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInSignInException(SignInFailureReason reason, string message, Exception? inner = null)
            : base(message, inner)
        {
            Reason = reason;
        }

        /// <summary>What went wrong.</summary>
        public SignInFailureReason Reason { get; }

        /// <summary>LinkedIn's OAuth <c>error</c> code, when it sent one (e.g. <c>user_cancelled_authorize</c>).</summary>
        public string? OAuthError { get; set; }

        /// <summary>The scope LinkedIn refused, for <see cref="SignInFailureReason.ScopeNotAuthorized"/>.</summary>
        public string? Scope { get; set; }

        /// <inheritdoc />
        public override string ErrorId => "LinkedInSignIn" + Reason;
    }
}
