using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.OAuth;

/// <summary>
/// <c>POST /oauth/v2/accessToken</c> (linkedin-api.md 5.2, 5.3): the authorization_code and
/// refresh_token grants. Tokens issued here are ordinary sandbox tokens of the app: they work on
/// /rest and /v2/userinfo with their scopes, expire by the sandbox clock and can be revoked.
/// </summary>
internal static class AccessTokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SandboxState state)
    {
        var form = await OAuthForm.ReadAsync(context.Request);
        // Token responses must never be cached (RFC 6749 5.1), errors included.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        var grantType = form["grant_type"];
        return grantType switch
        {
            null => OAuthErrors.MissingParameter("grant_type"),
            "authorization_code" => RedeemCode(form, state, Issuer(context.Request)),
            "refresh_token" => Refresh(form, state),
            _ => OAuthErrors.UnsupportedGrantType(grantType),
        };
    }

    private static IResult RedeemCode(OAuthForm form, SandboxState state, string issuer)
    {
        var missing = form.FirstMissing("code", "client_id", "redirect_uri");
        if (missing is not null)
        {
            return missing;
        }
        var secret = form["client_secret"];
        var verifier = form["code_verifier"];
        lock (state.Sync)
        {
            var app = state.Apps.Find(form["client_id"]!);
            if (app is null)
            {
                return OAuthErrors.InvalidClient();
            }
            if (secret is null)
            {
                // Only the PKCE native flow may leave the secret out, and then the verifier stands in for it.
                if (!app.Pkce || verifier is null)
                {
                    return OAuthErrors.MissingParameter("client_secret");
                }
            }
            else if (!OAuthClients.SecretMatches(app, secret))
            {
                return OAuthErrors.InvalidClient();
            }

            var now = state.Clock.GetUtcNow();
            var code = state.Codes.Find(form["code"]!);
            var member = code is null ? null : state.Members.Find(code.MemberUrn);
            if (code is null || member is null || code.Redeemed || now >= code.ExpiresAt || code.ClientId != app.ClientId
                || code.RedirectUri != form["redirect_uri"] || !Pkce.Verifies(code.CodeChallenge, verifier))
            {
                return OAuthErrors.CodeRejected();
            }
            code.Redeemed = true;

            var access = state.Tokens.Issue(member.Urn, code.Scopes, now, app.AccessTokenLifetime, app.ClientId, authorizedAt: now);
            var body = new JsonObject
            {
                ["access_token"] = access.Value,
                ["expires_in"] = Seconds(app.AccessTokenLifetime),
            };
            if (app.RefreshTokens)
            {
                var refresh = state.RefreshTokens.Issue(app.ClientId, member.Urn, code.Scopes, now, app.RefreshTokenLifetime);
                body["refresh_token"] = refresh.Value;
                body["refresh_token_expires_in"] = Seconds(app.RefreshTokenLifetime);
            }
            body["scope"] = ScopeList.Format(code.Scopes);
            body["token_type"] = "Bearer";
            if (code.Scopes.Contains("openid"))
            {
                body["id_token"] = IdToken.Create(member, app.ClientId, code.Scopes, issuer, now);
            }
            return Results.Json(body);
        }
    }

    /// <summary>
    /// A new access token for an unexpired refresh token. The refresh token is returned unchanged and
    /// keeps its original expiry ("the TTL does not reset"), and the access token never outlives it:
    /// on day 360 of 365 both expire five days later. Refresh tokens are not rotated, so concurrent
    /// refreshes all succeed and earlier access tokens stay valid until they expire.
    /// </summary>
    private static IResult Refresh(OAuthForm form, SandboxState state)
    {
        var missing = form.FirstMissing("refresh_token", "client_id", "client_secret");
        if (missing is not null)
        {
            return missing;
        }
        lock (state.Sync)
        {
            var app = OAuthClients.Authenticate(state, form["client_id"]!, form["client_secret"]!);
            if (app is null)
            {
                return OAuthErrors.InvalidClient();
            }
            if (!app.RefreshTokens)
            {
                return OAuthErrors.RefreshNotAllowed();
            }
            var now = state.Clock.GetUtcNow();
            var refresh = state.RefreshTokens.Find(form["refresh_token"]!);
            if (refresh is null || refresh.ClientId != app.ClientId || refresh.Revoked || now >= refresh.ExpiresAt
                || state.Members.Find(refresh.MemberUrn) is null)
            {
                return OAuthErrors.RefreshTokenRejected();
            }
            var left = refresh.ExpiresAt - now;
            var lifetime = left < app.AccessTokenLifetime ? left : app.AccessTokenLifetime;
            var access = state.Tokens.Issue(refresh.MemberUrn, refresh.Scopes, now, lifetime, app.ClientId, refresh.AuthorizedAt);
            return Results.Json(new JsonObject
            {
                ["access_token"] = access.Value,
                ["expires_in"] = Seconds(lifetime),
                ["refresh_token"] = refresh.Value,
                ["refresh_token_expires_in"] = Seconds(left),
                ["scope"] = ScopeList.Format(refresh.Scopes),
                ["token_type"] = "Bearer",
            });
        }
    }

    // Whole seconds left, rounded down, so a client never believes a token lives longer than it does.
    private static long Seconds(TimeSpan span) => (long)Math.Floor(span.TotalSeconds);

    // The sandbox is its own authorization server, so the id_token names it, as /v2/userinfo's picture does.
    private static string Issuer(HttpRequest request) => $"{request.Scheme}://{request.Host}/oauth";
}
