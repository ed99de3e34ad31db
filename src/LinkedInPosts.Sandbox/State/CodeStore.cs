namespace LinkedInPosts.Sandbox.State;

/// <summary>Authorization codes by value. Call only under <see cref="SandboxState.Sync"/>.</summary>
internal sealed class CodeStore
{
    /// <summary>LinkedIn's codes live 30 minutes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly Dictionary<string, AuthorizationCode> _byValue = new(StringComparer.Ordinal);

    public AuthorizationCode Issue(string clientId, string redirectUri, string memberUrn, IReadOnlyList<string> scopes,
        string? codeChallenge, DateTimeOffset now)
    {
        // Expired codes can never be redeemed again, so a long-running sandbox forgets them.
        foreach (var stale in _byValue.Values.Where(c => now >= c.ExpiresAt).Select(c => c.Value).ToList())
        {
            _byValue.Remove(stale);
        }
        string value;
        do
        {
            value = RandomIds.AuthorizationCode();
        }
        while (_byValue.ContainsKey(value));
        var code = new AuthorizationCode
        {
            Value = value,
            ClientId = clientId,
            RedirectUri = redirectUri,
            MemberUrn = memberUrn,
            Scopes = scopes,
            CodeChallenge = codeChallenge,
            IssuedAt = now,
            ExpiresAt = now + Lifetime,
        };
        _byValue.Add(value, code);
        return code;
    }

    public AuthorizationCode? Find(string value) => _byValue.GetValueOrDefault(value);

    public void Clear() => _byValue.Clear();
}
