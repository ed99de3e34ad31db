namespace LinkedInPosts.Sandbox.State;

/// <summary>
/// An issued access token. <see cref="ApplicationId"/> is the client id of the app it was issued to
/// (the built-in <see cref="TokenStore.SandboxApplication"/> for admin-issued tokens); the app-wide
/// daily limit counts per application, and only that app may introspect or revoke it.
/// </summary>
internal sealed class AccessToken
{
    public required string Value { get; init; }
    public required string MemberUrn { get; init; }
    public required IReadOnlySet<string> Scopes { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When the member authorized the app; a refreshed token keeps the original authorization's time.</summary>
    public required DateTimeOffset AuthorizedAt { get; init; }

    public string ApplicationId { get; init; } = TokenStore.SandboxApplication;
    public bool Revoked { get; set; }
}
