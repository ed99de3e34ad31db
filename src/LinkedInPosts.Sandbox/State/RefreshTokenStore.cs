namespace LinkedInPosts.Sandbox.State;

/// <summary>Refresh tokens by value. Call only under <see cref="SandboxState.Sync"/>.</summary>
internal sealed class RefreshTokenStore
{
    private readonly Dictionary<string, RefreshToken> _byValue = new(StringComparer.Ordinal);

    public RefreshToken Issue(string clientId, string memberUrn, IReadOnlyList<string> scopes, DateTimeOffset authorizedAt, TimeSpan lifetime)
    {
        string value;
        do
        {
            value = RandomIds.RefreshToken();
        }
        while (_byValue.ContainsKey(value));
        var token = new RefreshToken
        {
            Value = value,
            ClientId = clientId,
            MemberUrn = memberUrn,
            Scopes = scopes,
            AuthorizedAt = authorizedAt,
            ExpiresAt = authorizedAt + lifetime,
        };
        _byValue.Add(value, token);
        return token;
    }

    public RefreshToken? Find(string value) => _byValue.GetValueOrDefault(value);

    public void Clear() => _byValue.Clear();
}
