using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>Checks <c>Authorization: Bearer</c> and gives LinkedIn's 401 for each way it can fail.</summary>
internal static class BearerAuthenticator
{
    private const string Scheme = "Bearer ";

    /// <summary>Call under <see cref="SandboxState.Sync"/>.</summary>
    public static (Caller? Caller, LinkedInError? Error) Authenticate(HttpRequest request, SandboxState state, string? apiVersion)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || header.Length == Scheme.Length)
        {
            // LinkedIn treats a missing or non-Bearer Authorization as no token at all.
            return (null, LinkedInErrors.EmptyAccessToken());
        }
        var token = state.Tokens.Find(header[Scheme.Length..].Trim());
        var member = token is null ? null : state.Members.Find(token.MemberUrn);
        if (token is null || member is null)
        {
            return (null, LinkedInErrors.InvalidAccessToken());
        }
        if (token.Revoked)
        {
            return (null, LinkedInErrors.RevokedAccessToken());
        }
        if (state.Clock.GetUtcNow() >= token.ExpiresAt)
        {
            return (null, LinkedInErrors.ExpiredAccessToken());
        }
        return (new Caller(token, member, apiVersion), null);
    }
}
