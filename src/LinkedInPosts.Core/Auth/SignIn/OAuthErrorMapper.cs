using System;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>Which OAuth call failed: the same LinkedIn error means different things to the user for each.</summary>
    internal enum OAuthOperation
    {
        ExchangeCode,
        Refresh,
        Introspect,
        Revoke,
    }

    /// <summary>
    /// Turns LinkedIn's OAuth error answers (<c>{"error","error_description"}</c>, 400 or 401) into typed
    /// exceptions whose messages say what to do. <c>error_description</c> is quoted only after every secret
    /// sent with the call has been masked.
    /// </summary>
    internal static class OAuthErrorMapper
    {
        public const string DeveloperPortal = "the LinkedIn Developer Portal (https://www.linkedin.com/developers/apps)";

        public static LinkedInException Map(OAuthOperation operation, string display, int status, string body, string clientId, string? redirectUri, string[] secrets)
        {
            var error = LinkedInErrorBody.Parse(body);
            var code = error.Code;
            var said = SecretScrubber.Scrub(string.IsNullOrEmpty(error.Message) ? "HTTP " + status : error.Message, secrets);
            LinkedInException exception;
            if (status >= 500 || status == 429)
            {
                exception = new LinkedInServerException($"{display} failed on LinkedIn's side ({status}): {said}. This is usually temporary; try again later.");
            }
            else if (status == 401 || code == "invalid_client")
            {
                exception = ClientRejected(
                    $"LinkedIn did not accept the app's client id '{clientId}' or its client secret ({said}). " +
                    $"Check both on the app's Auth tab in {DeveloperPortal} and give them to Connect-LinkedIn again; a secret regenerated there must be given anew.");
            }
            else if (code == "invalid_request" && said.IndexOf("\"client_secret\"", StringComparison.Ordinal) >= 0)
            {
                exception = ClientRejected(
                    $"LinkedIn needs the app's client secret ({said}). Pass -ClientSecret to Connect-LinkedIn; only apps LinkedIn enabled PKCE (the native client flow) for can sign in without one.");
            }
            else
            {
                exception = operation switch
                {
                    OAuthOperation.ExchangeCode => new LinkedInSignInException(
                        SignInFailureReason.CodeRejected,
                        $"LinkedIn refused the sign-in code ({said}). The code may have expired (codes live 30 minutes) or been used already, " +
                        $"or the redirect URI differs from the one the sign-in started with. Run Connect-LinkedIn again; if it fails the same way, " +
                        $"check that the redirect URI '{redirectUri}' is registered exactly (scheme, host, port and path) on the app's Auth tab in {DeveloperPortal}."),
                    OAuthOperation.Refresh when code == "unauthorized_client" => new LinkedInSignInException(
                        SignInFailureReason.RefreshRejected,
                        $"LinkedIn gives app '{clientId}' no refresh tokens ({said}); only apps approved for programmatic refresh get them. Sign in again with Connect-LinkedIn."),
                    OAuthOperation.Refresh => new LinkedInSignInException(
                        SignInFailureReason.RefreshRejected,
                        $"LinkedIn refused to refresh the access token: the refresh token has expired or was revoked ({said}). Sign in again with Connect-LinkedIn."),
                    OAuthOperation.Introspect when status == 400 => new LinkedInAuthException(
                        AuthFailureReason.Invalid,
                        $"LinkedIn does not know this token for client id '{clientId}' ({said}): it may belong to another app, or the client id is wrong."),
                    _ => new LinkedInSignInException(
                        SignInFailureReason.AuthorizationFailed,
                        $"LinkedIn refused {display} ({status}{(code == null ? string.Empty : " " + code)}): {said}."),
                };
            }
            if (exception is LinkedInSignInException signIn)
            {
                signIn.OAuthError = code;
            }
            exception.HttpStatus = status;
            exception.LinkedInCode = code;
            exception.Request = display;
            return exception;
        }

        private static LinkedInSignInException ClientRejected(string message) =>
            new LinkedInSignInException(SignInFailureReason.ClientRejected, message);
    }
}
