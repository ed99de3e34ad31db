namespace LinkedInPosts.Sandbox.State;

/// <summary>A registered OAuth application. Immutable once registered.</summary>
internal sealed class OAuthApp
{
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> RedirectUris { get; init; }

    /// <summary>Provisioned scopes, in the order they were registered.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    public required bool RefreshTokens { get; init; }
    public required bool Pkce { get; init; }
    public required TimeSpan AccessTokenLifetime { get; init; }
    public required TimeSpan RefreshTokenLifetime { get; init; }

    public bool IsProvisionedFor(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);
}
