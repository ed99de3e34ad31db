namespace LinkedInPosts.Sandbox.State;

/// <summary>
/// Registered OAuth applications by client id. The built-in application that admin-issued tokens
/// belong to (<see cref="TokenStore.SandboxApplication"/>) is not stored here: it has no secret and no
/// redirect URLs, so it can never take part in an OAuth flow, but its id stays reserved.
/// Call only under <see cref="SandboxState.Sync"/>.
/// </summary>
internal sealed class AppStore
{
    /// <summary>LinkedIn's access tokens live 60 days.</summary>
    public static readonly TimeSpan DefaultAccessTokenLifetime = TokenStore.DefaultLifetime;

    /// <summary>LinkedIn's refresh tokens live 365 days from the authorization.</summary>
    public static readonly TimeSpan DefaultRefreshTokenLifetime = TimeSpan.FromSeconds(31_536_000);

    private readonly Dictionary<string, OAuthApp> _byClientId = new(StringComparer.Ordinal);

    public int Count => _byClientId.Count;

    /// <summary>Whether the id is taken, the built-in application's included.</summary>
    public bool IsTaken(string clientId) =>
        clientId == TokenStore.SandboxApplication || _byClientId.ContainsKey(clientId);

    public string NewClientId()
    {
        string id;
        do
        {
            id = RandomIds.ClientId();
        }
        while (IsTaken(id));
        return id;
    }

    public void Add(OAuthApp app) => _byClientId.Add(app.ClientId, app);

    public OAuthApp? Find(string clientId) => _byClientId.GetValueOrDefault(clientId);

    public void Clear() => _byClientId.Clear();
}
