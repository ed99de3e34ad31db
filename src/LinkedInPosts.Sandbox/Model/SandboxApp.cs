namespace LinkedInPosts.Sandbox;

/// <summary>An OAuth application registered in the sandbox, as a LinkedIn developer app would be.</summary>
public sealed class SandboxApp
{
    /// <summary>The client id, 14 characters like LinkedIn's (<c>78…</c>) unless one was chosen.</summary>
    public string ClientId { get; init; } = "";

    /// <summary>The client secret the token, introspection and revocation endpoints check.</summary>
    public string ClientSecret { get; init; } = "";

    /// <summary>The app's display name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The registered redirect URLs; a request's redirect_uri must match one (its query ignored).</summary>
    public IReadOnlyList<string> RedirectUris { get; init; } = Array.Empty<string>();

    /// <summary>The scopes the app is provisioned for; asking for any other fails with unauthorized_scope_error.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = Array.Empty<string>();

    /// <summary>Whether the app gets programmatic refresh tokens (only approved MDP partners do on LinkedIn).</summary>
    public bool RefreshTokens { get; init; }

    /// <summary>Whether LinkedIn has enabled the PKCE "native client" flow for the app.</summary>
    public bool Pkce { get; init; }
}
