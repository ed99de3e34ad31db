using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.OAuth;

/// <summary>
/// <c>POST /oauth/v2/introspectToken</c> (linkedin-api.md 5.4). LinkedIn documents the answers: 200 with
/// the token's data, 400 for an invalid client id or token, 401 for an invalid client secret. An app
/// can only introspect its own access tokens; anything else is an invalid token. Times are epoch seconds.
/// </summary>
internal static class IntrospectionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SandboxState state)
    {
        var form = await OAuthForm.ReadAsync(context.Request);
        var missing = form.FirstMissing("client_id", "client_secret", "token");
        if (missing is not null)
        {
            return missing;
        }
        lock (state.Sync)
        {
            var app = state.Apps.Find(form["client_id"]!);
            if (app is null)
            {
                return OAuthErrors.IntrospectionRejected();
            }
            if (!OAuthClients.SecretMatches(app, form["client_secret"]!))
            {
                return OAuthErrors.InvalidClient();
            }
            var token = state.Tokens.Find(form["token"]!);
            if (token is null || token.ApplicationId != app.ClientId)
            {
                return OAuthErrors.IntrospectionRejected();
            }
            var status = token.Revoked ? "revoked" : state.Clock.GetUtcNow() >= token.ExpiresAt ? "expired" : "active";
            return Results.Json(new JsonObject
            {
                ["active"] = status == "active",
                ["client_id"] = app.ClientId,
                ["authorized_at"] = token.AuthorizedAt.ToUnixTimeSeconds(),
                ["created_at"] = token.IssuedAt.ToUnixTimeSeconds(),
                ["status"] = status,
                ["expires_at"] = token.ExpiresAt.ToUnixTimeSeconds(),
                ["scope"] = ScopeList.Format(token.Scopes),
                ["auth_type"] = "3L",
            });
        }
    }
}
