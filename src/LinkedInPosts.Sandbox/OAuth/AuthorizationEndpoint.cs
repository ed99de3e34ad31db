using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.OAuth;

/// <summary>
/// <c>GET /oauth/v2/authorization</c>: what the member's browser meets (linkedin-api.md 5.1). In order:
/// <list type="number">
/// <item>response_type, client_id and redirect_uri are checked first, and a problem with any of them is
/// an HTML error page, never a redirect: a redirect URL that is not registered must never receive
/// anything.</item>
/// <item>From here on the redirect URL is trusted, so problems go back to it as <c>error=…</c>: PKCE
/// parameters, then scopes the app is not provisioned for.</item>
/// <item>The member must be signed in (else a 401 sign-in page), then their decision applies: a code,
/// or <c>user_cancelled_authorize</c> / <c>user_cancelled_login</c>.</item>
/// </list>
/// </summary>
internal static class AuthorizationEndpoint
{
    public static IResult Handle(HttpContext context, SandboxState state)
    {
        var query = context.Request.Query;
        string? Param(string name) => query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

        var responseType = Param("response_type");
        var clientId = Param("client_id");
        var redirectUri = Param("redirect_uri");
        var missing = new[] { ("response_type", responseType), ("client_id", clientId), ("redirect_uri", redirectUri) }
            .FirstOrDefault(p => string.IsNullOrEmpty(p.Item2)).Item1;
        if (missing is not null)
        {
            return OAuthPages.Error($"A required parameter \"{missing}\" is missing");
        }
        if (responseType != "code")
        {
            return OAuthPages.Error($"The response_type \"{responseType}\" is not supported; use \"code\"");
        }

        lock (state.Sync)
        {
            var app = state.Apps.Find(clientId!);
            if (app is null)
            {
                return OAuthPages.Error($"The passed in client_id is invalid \"{clientId}\"");
            }
            if (!RedirectUris.Matches(app, redirectUri!))
            {
                return OAuthPages.Error(OAuthPages.RedirectMismatchText);
            }
            var callback = new OAuthCallback(redirectUri!, Param("state"));

            var (challenge, pkceProblem) = ReadPkce(app, Param("code_challenge"), Param("code_challenge_method"));
            if (pkceProblem is not null)
            {
                return callback.Error("invalid_request", pkceProblem);
            }
            var scopes = ScopeList.Parse(Param("scope"));
            if (scopes.Count == 0)
            {
                return callback.Error("invalid_request", "A required parameter \"scope\" is missing");
            }
            if (scopes.FirstOrDefault(s => !app.IsProvisionedFor(s)) is { } unauthorized)
            {
                return callback.Error("unauthorized_scope_error", $"Scope \"{unauthorized}\" is not authorized for your application");
            }

            if (state.Browser.MemberUrn is not { } memberUrn || state.Members.Find(memberUrn) is null)
            {
                return OAuthPages.SignInFirst();
            }
            switch (state.Browser.Decision)
            {
                case SandboxConsent.CancelLogin:
                    return callback.Error("user_cancelled_login", "The user cancelled the login");
                case SandboxConsent.Cancel:
                    return callback.Error("user_cancelled_authorize", "The user cancelled the authorization");
                default:
                    var code = state.Codes.Issue(app.ClientId, redirectUri!, memberUrn, scopes, challenge, state.Clock.GetUtcNow());
                    return callback.Code(code.Value);
            }
        }
    }

    /// <summary>
    /// PKCE is optional for a PKCE app (it may still use its secret) but, when used, must be S256 with a
    /// well-formed challenge. An app without the native flow enabled may not send PKCE parameters at all.
    /// </summary>
    private static (string? Challenge, string? Problem) ReadPkce(OAuthApp app, string? challenge, string? method)
    {
        if (string.IsNullOrEmpty(challenge) && string.IsNullOrEmpty(method))
        {
            return (null, null);
        }
        if (!app.Pkce)
        {
            return (null, "PKCE (code_challenge) is not enabled for this application");
        }
        if (method != Pkce.Method)
        {
            return (null, string.IsNullOrEmpty(method)
                ? "A required parameter \"code_challenge_method\" is missing"
                : $"The code_challenge_method \"{method}\" is not supported; use \"S256\"");
        }
        if (string.IsNullOrEmpty(challenge))
        {
            return (null, "A required parameter \"code_challenge\" is missing");
        }
        return Pkce.ChallengeShape().IsMatch(challenge)
            ? (challenge, null)
            : (null, "The code_challenge must be the unpadded base64url SHA-256 of the code_verifier (43 characters)");
    }
}
