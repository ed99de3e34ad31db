using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.OAuth;

/// <summary>
/// The <c>id_token</c> LinkedIn adds when <c>openid</c> was granted. The sandbox's is an unsecured JWT
/// (<c>"alg":"none"</c>, empty signature): syntactically valid, with LinkedIn's claims, but it proves
/// nothing. Clients should take the member from <c>/v2/userinfo</c>, which works the same on LinkedIn.
/// </summary>
internal static class IdToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static string Create(Member member, string clientId, IReadOnlyList<string> scopes, string issuer, DateTimeOffset now)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT" };
        var claims = new JsonObject
        {
            ["iss"] = issuer,
            ["aud"] = clientId,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
            ["sub"] = member.Id,
        };
        if (scopes.Contains("profile"))
        {
            claims["name"] = member.Name;
            claims["given_name"] = member.GivenName;
            claims["family_name"] = member.FamilyName;
        }
        if (scopes.Contains("email"))
        {
            claims["email"] = member.Email;
            claims["email_verified"] = true;
        }
        return Segment(header) + "." + Segment(claims) + ".";
    }

    private static string Segment(JsonObject json) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString(SandboxJson.Options)));
}
