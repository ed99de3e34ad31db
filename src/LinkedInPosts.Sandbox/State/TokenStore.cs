namespace LinkedInPosts.Sandbox.State;

/// <summary>Access tokens by value. Call only under <see cref="SandboxState.Sync"/>.</summary>
internal sealed class TokenStore
{
    /// <summary>The built-in application the admin API issues tokens for; OAuth apps issue their own.</summary>
    public const string SandboxApplication = "sandbox-app";

    /// <summary>LinkedIn's access tokens live 60 days.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(5_184_000);

    private readonly Dictionary<string, AccessToken> _byValue = new(StringComparer.Ordinal);

    public AccessToken Issue(string memberUrn, IEnumerable<string> scopes, DateTimeOffset now, TimeSpan lifetime,
        string applicationId = SandboxApplication, DateTimeOffset? authorizedAt = null)
    {
        var token = new AccessToken
        {
            Value = RandomIds.AccessToken(),
            MemberUrn = memberUrn,
            Scopes = new HashSet<string>(scopes, StringComparer.Ordinal),
            IssuedAt = now,
            ExpiresAt = now + lifetime,
            AuthorizedAt = authorizedAt ?? now,
            ApplicationId = applicationId,
        };
        _byValue.Add(token.Value, token);
        return token;
    }

    public AccessToken? Find(string value) => _byValue.GetValueOrDefault(value);

    public void Clear() => _byValue.Clear();
}
