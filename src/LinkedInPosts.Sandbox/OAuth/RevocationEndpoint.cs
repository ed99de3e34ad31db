using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.OAuth;

/// <summary>
/// <c>POST /oauth/v2/revoke</c> (linkedin-api.md 5.4; used by many clients, not in LinkedIn's docs).
/// Revokes exactly the token given, an access or a refresh token of the calling app, and answers 200
/// with an empty body. As RFC 7009 has it, an unknown token (or another app's) also gets 200 and
/// nothing changes, so a client can revoke without first finding out whether the token still lives.
/// </summary>
internal static class RevocationEndpoint
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
            var app = OAuthClients.Authenticate(state, form["client_id"]!, form["client_secret"]!);
            if (app is null)
            {
                return OAuthErrors.InvalidClient();
            }
            var value = form["token"]!;
            if (state.Tokens.Find(value) is { } access && access.ApplicationId == app.ClientId)
            {
                access.Revoked = true;
            }
            if (state.RefreshTokens.Find(value) is { } refresh && refresh.ClientId == app.ClientId)
            {
                refresh.Revoked = true;
            }
            return Results.Ok();
        }
    }
}
