using LinkedInPosts.Core.Auth;

namespace LinkedInPosts.Core.Tests.Auth;

internal static class TestConnections
{
    /// <summary>A connection whose secrets are unique, recognisable strings a test can search for.</summary>
    public static StoredConnection Make(string name, string? secretTag = null)
    {
        var tag = secretTag ?? Guid.NewGuid().ToString("N");
        return new StoredConnection
        {
            Name = name,
            MemberUrn = "urn:li:person:abc" + name,
            MemberName = "Member " + name,
            Scopes = new List<string> { "openid", "profile", "w_member_social" },
            Organizations = new List<ConnectionOrganization> { new() { Urn = "urn:li:organization:2414183", Name = "Ops Inc", Role = "ADMINISTRATOR" } },
            AccessToken = "AT-SECRET-" + tag,
            AccessTokenExpiresAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
            RefreshToken = "RT-SECRET-" + tag,
            RefreshTokenExpiresAt = new DateTimeOffset(2031, 1, 2, 3, 4, 5, TimeSpan.Zero),
            ClientId = "client-" + name,
            ClientSecret = "CS-SECRET-" + tag,
            ApiBase = new Uri("http://127.0.0.1:5155/"),
            OAuthBase = new Uri("http://127.0.0.1:5155/oauth/v2/"),
            ApiVersion = "202510",
            UsesPkce = false,
            ConnectedAt = new DateTimeOffset(2025, 11, 1, 8, 0, 0, TimeSpan.Zero),
        };
    }
}
