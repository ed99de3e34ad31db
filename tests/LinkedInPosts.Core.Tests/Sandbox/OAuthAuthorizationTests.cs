using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>The authorization endpoint (linkedin-api.md 5.1), seen from a browser that stops at each redirect.</summary>
public sealed class OAuthAuthorizationTests : OAuthTestBase
{
    public OAuthAuthorizationTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public async Task Approval_redirects_to_the_callback_with_a_code_and_the_state_echoed_exactly()
    {
        var app = await NewAppAsync();
        await SignedInAsync();
        const string State = "a b&c=d/é+%20?#";

        using var response = await AuthorizeAsync(app.ClientId, state: State);

        var location = RedirectOf(response);
        Assert.Equal(Callback, location.GetLeftPart(UriPartial.Path));
        var query = QueryOf(location);
        Assert.Equal(new[] { "code", "state" }, query.Keys);
        Assert.Equal(State, query["state"]);
        Assert.True(query["code"].Length >= 40);
    }

    [Fact]
    public async Task Without_a_state_none_comes_back()
    {
        var app = await NewAppAsync();
        await SignedInAsync();

        using var response = await AuthorizeAsync(app.ClientId, state: null);

        Assert.Equal(new[] { "code" }, QueryOf(RedirectOf(response)).Keys);
    }

    [Fact]
    public async Task Each_approval_gives_a_new_code()
    {
        var app = await NewAppAsync();
        await SignedInAsync();

        Assert.NotEqual(await CodeAsync(app), await CodeAsync(app));
    }

    [Fact]
    public async Task Comma_separated_scopes_are_accepted_as_linkedins_js_client_sends_them()
    {
        var app = await NewAppAsync();
        await SignedInAsync();

        var tokens = await TokensAsync(app, scope: "w_member_social,openid,profile");

        Assert.Equal("w_member_social,openid,profile", (string)tokens["scope"]!);
    }

    [Theory]
    [InlineData(null, "A required parameter &quot;client_id&quot; is missing")]
    [InlineData("78nosuchclient", "The passed in client_id is invalid &quot;78nosuchclient&quot;")]
    public async Task A_missing_or_unknown_client_id_is_an_error_page_not_a_redirect(string? clientId, string message)
    {
        await NewAppAsync();
        await SignedInAsync();

        using var response = await AuthorizeAsync(clientId);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("token", "The response_type &quot;token&quot; is not supported")]
    [InlineData(null, "A required parameter &quot;response_type&quot; is missing")]
    public async Task A_response_type_other_than_code_is_an_error_page(string? responseType, string message)
    {
        var app = await NewAppAsync();
        await SignedInAsync();

        using var response = await AuthorizeAsync(app.ClientId, responseType: responseType);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://127.0.0.1:8400/other")]
    [InlineData("http://127.0.0.1:8401/callback")]
    [InlineData("https://127.0.0.1:8400/callback")]
    [InlineData("http://localhost:8400/callback")]
    [InlineData("http://127.0.0.1:8400/callback/")]
    [InlineData("http://127.0.0.1:8400/callback#fragment")]
    [InlineData("/callback")]
    [InlineData("https://attacker.example/callback")]
    public async Task An_unregistered_redirect_uri_gets_an_error_page_and_nothing_is_sent_anywhere(string redirectUri)
    {
        var app = await NewAppAsync();
        await SignedInAsync();

        using var response = await AuthorizeAsync(app.ClientId, redirectUri);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("The redirect_uri does not match the registered value", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_missing_redirect_uri_is_an_error_page()
    {
        var app = await NewAppAsync();
        await SignedInAsync();

        using var response = await AuthorizeAsync(app.ClientId, redirectUri: null);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("A required parameter &quot;redirect_uri&quot; is missing", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Query_strings_are_ignored_when_matching_and_the_sent_one_is_kept()
    {
        var app = await NewAppAsync(redirectUris: ["http://127.0.0.1:8400/callback?id=1"]);
        await SignedInAsync();

        using var plain = await AuthorizeAsync(app.ClientId, Callback);
        using var otherQuery = await AuthorizeAsync(app.ClientId, Callback + "?tenant=contoso");

        Assert.Equal(Callback, RedirectOf(plain).GetLeftPart(UriPartial.Path));
        var query = QueryOf(RedirectOf(otherQuery));
        Assert.Equal("contoso", query["tenant"]);
        Assert.True(query.ContainsKey("code"));
    }

    [Fact]
    public async Task A_scope_the_app_is_not_provisioned_for_redirects_with_unauthorized_scope_error()
    {
        var app = await NewAppAsync(scopes: ["w_member_social", "openid", "profile"]);
        await SignedInAsync();

        using var response = await AuthorizeAsync(app.ClientId, scope: "openid w_organization_social offline_access", state: "s1");

        var location = RedirectOf(response);
        Assert.Equal(Callback, location.GetLeftPart(UriPartial.Path));
        var query = QueryOf(location);
        Assert.Equal("unauthorized_scope_error", query["error"]);
        Assert.Equal("Scope \"w_organization_social\" is not authorized for your application", query["error_description"]);
        Assert.Equal("s1", query["state"]);
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task A_missing_scope_redirects_with_invalid_request()
    {
        var app = await NewAppAsync();
        await SignedInAsync();

        using var response = await AuthorizeAsync(app.ClientId, scope: null);

        var query = QueryOf(RedirectOf(response));
        Assert.Equal("invalid_request", query["error"]);
        Assert.Equal("A required parameter \"scope\" is missing", query["error_description"]);
    }

    [Theory]
    [InlineData(SandboxConsent.Cancel, "user_cancelled_authorize", "The user cancelled the authorization")]
    [InlineData(SandboxConsent.CancelLogin, "user_cancelled_login", "The user cancelled the login")]
    public async Task A_member_who_cancels_is_sent_back_with_the_error(SandboxConsent decision, string error, string description)
    {
        var app = await NewAppAsync();
        await SignedInAsync(decision);

        using var response = await AuthorizeAsync(app.ClientId, state: "s2");

        var query = QueryOf(RedirectOf(response));
        Assert.Equal(error, query["error"]);
        Assert.Equal(description, query["error_description"]);
        Assert.Equal("s2", query["state"]);
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task With_nobody_signed_in_the_browser_gets_a_401_sign_in_page()
    {
        var app = await NewAppAsync();

        using var response = await AuthorizeAsync(app.ClientId);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Sign in first", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_app_without_pkce_may_not_send_a_code_challenge()
    {
        var app = await NewAppAsync(pkce: false);
        await SignedInAsync();

        using var response = await AuthorizeAsync(app.ClientId, codeChallenge: NewPkcePair().Challenge, codeChallengeMethod: "S256");

        var query = QueryOf(RedirectOf(response));
        Assert.Equal("invalid_request", query["error"]);
        Assert.Equal("PKCE (code_challenge) is not enabled for this application", query["error_description"]);
    }

    [Theory]
    [InlineData("plain", "The code_challenge_method \"plain\" is not supported; use \"S256\"")]
    [InlineData(null, "A required parameter \"code_challenge_method\" is missing")]
    public async Task A_pkce_app_must_use_s256(string? method, string description)
    {
        var app = await NewAppAsync(pkce: true);
        await SignedInAsync();

        using var response = await AuthorizeAsync(app.ClientId, codeChallenge: NewPkcePair().Challenge, codeChallengeMethod: method);

        var query = QueryOf(RedirectOf(response));
        Assert.Equal("invalid_request", query["error"]);
        Assert.Equal(description, query["error_description"]);
    }

    [Fact]
    public async Task A_pkce_app_gets_a_malformed_challenge_refused()
    {
        var app = await NewAppAsync(pkce: true);
        await SignedInAsync();

        using var response = await AuthorizeAsync(app.ClientId, codeChallenge: "too-short", codeChallengeMethod: "S256");

        Assert.Equal("invalid_request", QueryOf(RedirectOf(response))["error"]);
    }

    [Fact]
    public async Task A_pkce_app_matches_its_loopback_redirect_on_any_port()
    {
        var pkce = await NewAppAsync(pkce: true);
        var confidential = await NewAppAsync(pkce: false);
        await SignedInAsync();

        using var pkceResponse = await AuthorizeAsync(pkce.ClientId, "http://127.0.0.1:53122/callback");
        using var confidentialResponse = await AuthorizeAsync(confidential.ClientId, "http://127.0.0.1:53122/callback");
        using var otherPath = await AuthorizeAsync(pkce.ClientId, "http://127.0.0.1:53122/elsewhere");

        Assert.Equal("http://127.0.0.1:53122/callback", RedirectOf(pkceResponse).GetLeftPart(UriPartial.Path));
        Assert.Equal(400, (int)confidentialResponse.StatusCode);
        Assert.Equal(400, (int)otherPath.StatusCode);
    }

    [Fact]
    public async Task Signing_in_an_unknown_member_is_refused()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            Admin.SetAuthorizationAsync("urn:li:person:nobody", SandboxConsent.Approve));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }
}
