using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>Registering OAuth apps and driving the emulated browser through the admin API.</summary>
public sealed class OAuthAdminTests : OAuthTestBase
{
    public OAuthAdminTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public async Task A_new_app_gets_a_linkedin_like_client_id_and_a_random_secret()
    {
        var app = await NewAppAsync(refreshTokens: true, pkce: true);

        Assert.Matches(new Regex("^78[a-z0-9]{12}$"), app.ClientId);
        Assert.True(app.ClientSecret.Length >= 16);
        Assert.Equal("Test App", app.Name);
        Assert.Equal(new[] { Callback }, app.RedirectUris);
        Assert.Equal(AppScopes, app.Scopes);
        Assert.True(app.RefreshTokens);
        Assert.True(app.Pkce);
        var other = await NewAppAsync();
        Assert.NotEqual(app.ClientId, other.ClientId);
        Assert.NotEqual(app.ClientSecret, other.ClientSecret);
    }

    [Fact]
    public async Task The_raw_api_answers_201_with_the_lifetimes_and_defaults_to_linkedins()
    {
        using var response = await Http.PostAsJsonAsync("sandbox/apps", new { redirectUris = new[] { Callback }, scopes = new[] { "openid" } });

        Assert.Equal(201, (int)response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(5_184_000, (long)body["accessTokenSeconds"]!);
        Assert.Equal(31_536_000, (long)body["refreshTokenSeconds"]!);
        Assert.False((bool)body["refreshTokens"]!);
        Assert.False((bool)body["pkce"]!);
        Assert.False(string.IsNullOrWhiteSpace((string)body["name"]!));
    }

    [Fact]
    public async Task A_chosen_client_id_and_secret_are_kept_and_ids_are_unique()
    {
        using var created = await Http.PostAsJsonAsync("sandbox/apps",
            new { clientId = "77fixedclient1", clientSecret = "fixed-secret-0123", redirectUris = new[] { Callback } });
        using var again = await Http.PostAsJsonAsync("sandbox/apps", new { clientId = "77fixedclient1", redirectUris = new[] { Callback } });
        using var reserved = await Http.PostAsJsonAsync("sandbox/apps", new { clientId = "sandbox-app", redirectUris = new[] { Callback } });

        var body = await JsonAsync(created);
        Assert.Equal("77fixedclient1", (string)body["clientId"]!);
        Assert.Equal("fixed-secret-0123", (string)body["clientSecret"]!);
        Assert.Equal(409, (int)again.StatusCode);
        Assert.Equal(409, (int)reserved.StatusCode);
    }

    [Fact]
    public async Task Custom_lifetimes_apply_to_the_tokens()
    {
        var app = await Admin.CreateAppAsync(new SandboxAppOptions
        {
            RedirectUris = [Callback],
            Scopes = ["openid", "profile"],
            RefreshTokens = true,
            AccessTokenLifetime = TimeSpan.FromHours(1),
            RefreshTokenLifetime = TimeSpan.FromDays(2),
        });
        await SignedInAsync();

        var tokens = await TokensAsync(app, scope: "openid profile");

        Assert.Equal(3600, (long)tokens["expires_in"]!);
        Assert.Equal(2 * 86_400, (long)tokens["refresh_token_expires_in"]!);
    }

    [Theory]
    [InlineData("/callback")]
    [InlineData("ftp://127.0.0.1/callback")]
    [InlineData("http://127.0.0.1:8400/callback#done")]
    public async Task Redirect_urls_must_be_absolute_http_without_a_fragment(string redirectUri)
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => NewAppAsync(redirectUris: [redirectUri]));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task An_app_needs_a_redirect_url()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => NewAppAsync(redirectUris: []));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task The_browser_decision_is_sent_in_camel_case()
    {
        var member = await Admin.CreateMemberAsync();

        using var response = await Http.PutAsJsonAsync("sandbox/authorization", new { memberUrn = member.Urn, decision = "cancelLogin" });
        using var bad = await Http.PutAsJsonAsync("sandbox/authorization", new { memberUrn = member.Urn, decision = "maybe" });

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Equal(400, (int)bad.StatusCode);
        var app = await NewAppAsync();
        using var authorize = await AuthorizeAsync(app.ClientId);
        Assert.Equal("user_cancelled_login", QueryOf(RedirectOf(authorize))["error"]);
    }

    [Fact]
    public async Task A_null_member_signs_the_browser_out()
    {
        var app = await NewAppAsync();
        await SignedInAsync();

        using var signOut = await Http.PutAsJsonAsync("sandbox/authorization", new { memberUrn = (string?)null });
        using var response = await AuthorizeAsync(app.ClientId);

        Assert.Equal(204, (int)signOut.StatusCode);
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Reset_forgets_apps_codes_refresh_tokens_and_the_signed_in_member()
    {
        var app = await NewAppAsync(refreshTokens: true);
        var member = await SignedInAsync();
        var code = await CodeAsync(app);
        var tokens = await TokensAsync(app);

        await Admin.ResetAsync();

        using var authorize = await AuthorizeAsync(app.ClientId);
        Assert.Equal(400, (int)authorize.StatusCode);
        using var exchange = await ExchangeAsync(app, code);
        await AssertBodyAsync(exchange, 401, InvalidClient);
        using var refresh = await RefreshAsync(app, (string)tokens["refresh_token"]!);
        await AssertBodyAsync(refresh, 401, InvalidClient);
        var again = await Admin.CreateMemberAsync();
        var newApp = await NewAppAsync();
        using var signedOut = await AuthorizeAsync(newApp.ClientId);
        Assert.Equal(401, (int)signedOut.StatusCode);
        Assert.NotEqual(member.Urn, again.Urn);
    }

    [Fact]
    public async Task Admin_issued_tokens_keep_working_beside_oauth_apps()
    {
        await NewAppAsync();
        var ada = await NewPosterAsync();

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Admin token still works");

        Assert.Equal(201, (int)response.StatusCode);
    }
}
