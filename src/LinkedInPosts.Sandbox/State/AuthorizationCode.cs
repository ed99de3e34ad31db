namespace LinkedInPosts.Sandbox.State;

/// <summary>
/// A code handed to the redirect URL after consent: single-use and bound to everything the
/// authorization request said. Mutable only under <see cref="SandboxState.Sync"/>.
/// </summary>
internal sealed class AuthorizationCode
{
    public required string Value { get; init; }
    public required string ClientId { get; init; }

    /// <summary>The redirect_uri exactly as the authorization request sent it; the exchange must repeat it.</summary>
    public required string RedirectUri { get; init; }

    public required string MemberUrn { get; init; }

    /// <summary>Granted scopes in the order requested.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>The S256 code_challenge, when the request used PKCE.</summary>
    public string? CodeChallenge { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public bool Redeemed { get; set; }
}
