namespace LinkedInPosts.Sandbox.State;

/// <summary>
/// A programmatic refresh token. Its expiry is fixed when the member authorizes and never moves
/// (linkedin-api.md 5.3). Mutable only under <see cref="SandboxState.Sync"/>.
/// </summary>
internal sealed class RefreshToken
{
    public required string Value { get; init; }
    public required string ClientId { get; init; }
    public required string MemberUrn { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public required DateTimeOffset AuthorizedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public bool Revoked { get; set; }
}
