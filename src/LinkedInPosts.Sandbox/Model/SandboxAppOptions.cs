namespace LinkedInPosts.Sandbox;

/// <summary>How to register an OAuth application with <see cref="SandboxAdminClient.CreateAppAsync"/>.</summary>
public sealed class SandboxAppOptions
{
    /// <summary>Display name; null lets the sandbox pick one.</summary>
    public string? Name { get; set; }

    /// <summary>Absolute http(s) redirect URLs without <c>#</c>; at least one is required.</summary>
    public IReadOnlyList<string> RedirectUris { get; set; } = Array.Empty<string>();

    /// <summary>The scopes the app is provisioned for.</summary>
    public IReadOnlyList<string> Scopes { get; set; } = Array.Empty<string>();

    /// <summary>Whether the token endpoint also returns refresh tokens (default false, as for most LinkedIn apps).</summary>
    public bool RefreshTokens { get; set; }

    /// <summary>Whether the PKCE native-client flow is enabled (default false; LinkedIn enables it per app).</summary>
    public bool Pkce { get; set; }

    /// <summary>Access token lifetime; null means LinkedIn's 60 days.</summary>
    public TimeSpan? AccessTokenLifetime { get; set; }

    /// <summary>Refresh token lifetime, counted from authorization and never reset; null means LinkedIn's 365 days.</summary>
    public TimeSpan? RefreshTokenLifetime { get; set; }
}
