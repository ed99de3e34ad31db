namespace LinkedInPosts.Sandbox.State;

/// <summary>
/// An issued access token. <see cref="ApplicationId"/> is there so the OAuth endpoints, when they come,
/// can issue tokens per client id and the app-wide daily limit can count per application.
/// </summary>
internal sealed class AccessToken
{
    public required string Value { get; init; }
    public required string MemberUrn { get; init; }
    public required IReadOnlySet<string> Scopes { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public string ApplicationId { get; init; } = TokenStore.SandboxApplication;
    public bool Revoked { get; set; }
}

