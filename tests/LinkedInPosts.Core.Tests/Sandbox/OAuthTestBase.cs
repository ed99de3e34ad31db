using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>
/// Base of the OAuth tests: registers apps, drives the authorization endpoint like a browser that
/// stops at the redirect, and posts forms to the token endpoints, all over real HTTP.
/// </summary>
public abstract class OAuthTestBase : SandboxTestBase
{
    protected const string Callback = "http://127.0.0.1:8400/callback";

    protected const string DefaultScope = "w_member_social openid profile";

    protected const string CodeRejected =
        "{\"error\":\"invalid_request\",\"error_description\":\"Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired. Or external member binding exists\"}";

    protected const string InvalidClient = "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}";

    protected static readonly string[] AppScopes =
        ["w_member_social", "r_member_social", "w_organization_social", "openid", "profile", "email"];

    protected OAuthTestBase(SandboxFixture fixture) : base(fixture) { }

    protected HttpClient Browser => Fixture.Browser;

    protected Task<SandboxApp> NewAppAsync(bool refreshTokens = false, bool pkce = false, IReadOnlyList<string>? redirectUris = null,
        IReadOnlyList<string>? scopes = null) =>
        Admin.CreateAppAsync(new SandboxAppOptions
        {
            Name = "Test App",
            RedirectUris = redirectUris ?? [Callback],
            Scopes = scopes ?? AppScopes,
            RefreshTokens = refreshTokens,
            Pkce = pkce,
        });

    /// <summary>A member signed in to the sandbox browser, who will click <paramref name="decision"/>.</summary>
    protected async Task<SandboxMember> SignedInAsync(SandboxConsent decision = SandboxConsent.Approve)
    {
        var member = await Admin.CreateMemberAsync("Ada Lovelace");
        await Admin.SetAuthorizationAsync(member.Urn, decision);
        return member;
    }

    /// <summary>An authorization URL; a null argument leaves that parameter out.</summary>
    protected static string AuthorizeUrl(string? clientId, string? redirectUri = Callback, string? scope = DefaultScope,
        string? state = "csrf-1", string? responseType = "code", string? codeChallenge = null, string? codeChallengeMethod = null)
    {
        var parameters = new (string Name, string? Value)[]
        {
            ("response_type", responseType), ("client_id", clientId), ("redirect_uri", redirectUri), ("state", state),
            ("scope", scope), ("code_challenge", codeChallenge), ("code_challenge_method", codeChallengeMethod),
        };
        return "oauth/v2/authorization?" + string.Join('&', parameters
            .Where(p => p.Value is not null)
            .Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)));
    }

    protected Task<HttpResponseMessage> AuthorizeAsync(string? clientId, string? redirectUri = Callback, string? scope = DefaultScope,
        string? state = "csrf-1", string? responseType = "code", string? codeChallenge = null, string? codeChallengeMethod = null) =>
        Browser.GetAsync(AuthorizeUrl(clientId, redirectUri, scope, state, responseType, codeChallenge, codeChallengeMethod));

    /// <summary>Asserts a 302 and returns where it points.</summary>
    protected static Uri RedirectOf(HttpResponseMessage response)
    {
        Assert.Equal(302, (int)response.StatusCode);
        return Assert.IsType<Uri>(response.Headers.Location);
    }

    /// <summary>The query parameters of a redirect, decoded; a repeated name fails the test.</summary>
    protected static IReadOnlyDictionary<string, string> QueryOf(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");

    /// <summary>Runs the browser part of the flow for an approving member and returns the code.</summary>
    protected async Task<string> CodeAsync(SandboxApp app, string scope = DefaultScope, string redirectUri = Callback, string? codeChallenge = null)
    {
        using var response = await AuthorizeAsync(app.ClientId, redirectUri, scope,
            codeChallenge: codeChallenge, codeChallengeMethod: codeChallenge is null ? null : "S256");
        var query = QueryOf(RedirectOf(response));
        Assert.False(query.ContainsKey("error"), query.GetValueOrDefault("error_description"));
        return query["code"];
    }

    protected Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
        Http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    protected Task<HttpResponseMessage> TokenAsync(params (string Name, string Value)[] fields) => PostFormAsync("oauth/v2/accessToken", fields);

    protected Task<HttpResponseMessage> ExchangeAsync(SandboxApp app, string code, string redirectUri = Callback) =>
        TokenAsync(("grant_type", "authorization_code"), ("code", code), ("client_id", app.ClientId),
            ("client_secret", app.ClientSecret), ("redirect_uri", redirectUri));

    protected Task<HttpResponseMessage> RefreshAsync(SandboxApp app, string refreshToken) =>
        TokenAsync(("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", app.ClientId),
            ("client_secret", app.ClientSecret));

    /// <summary>The whole code flow for an approving, already signed-in member; returns the token response.</summary>
    protected async Task<JsonObject> TokensAsync(SandboxApp app, string scope = DefaultScope)
    {
        using var response = await ExchangeAsync(app, await CodeAsync(app, scope));
        Assert.Equal(200, (int)response.StatusCode);
        return await JsonAsync(response);
    }

    /// <summary>Asserts the status and the exact body of an OAuth JSON error.</summary>
    protected static async Task AssertBodyAsync(HttpResponseMessage response, int status, string body)
    {
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
        Assert.Equal(status, (int)response.StatusCode);
    }

    protected static string MissingParameter(string name) =>
        $"{{\"error\":\"invalid_request\",\"error_description\":\"A required parameter \\\"{name}\\\" is missing\"}}";

    /// <summary>An RFC 7636 verifier and its S256 challenge.</summary>
    protected static (string Verifier, string Challenge) NewPkcePair()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    protected Task<HttpResponseMessage> UserInfoAsync(string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "v2/userinfo");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return SendAsync(request);
    }
}
