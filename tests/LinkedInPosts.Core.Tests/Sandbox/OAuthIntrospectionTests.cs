using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary><c>/oauth/v2/introspectToken</c> and <c>/oauth/v2/revoke</c> (linkedin-api.md 5.4).</summary>
public sealed class OAuthIntrospectionTests : OAuthTestBase
{
    private const string InvalidClientIdOrToken = "{\"error\":\"invalid_request\",\"error_description\":\"Invalid client id or token\"}";

    public OAuthIntrospectionTests(SandboxFixture fixture) : base(fixture) { }

    private Task<HttpResponseMessage> IntrospectAsync(SandboxApp app, string token, string? secret = null) =>
        PostFormAsync("oauth/v2/introspectToken", ("client_id", app.ClientId), ("client_secret", secret ?? app.ClientSecret), ("token", token));

    private Task<HttpResponseMessage> RevokeAsync(SandboxApp app, string token, string? secret = null) =>
        PostFormAsync("oauth/v2/revoke", ("client_id", app.ClientId), ("client_secret", secret ?? app.ClientSecret), ("token", token));

    private async Task<(SandboxApp App, SandboxMember Member, string AccessToken)> AuthorizedAsync()
    {
        var app = await NewAppAsync();
        var member = await SignedInAsync();
        return (app, member, (string)(await TokensAsync(app))["access_token"]!);
    }

    [Fact]
    public async Task An_active_token_is_described_in_epoch_seconds()
    {
        var (app, _, accessToken) = await AuthorizedAsync();

        using var response = await IntrospectAsync(app, accessToken);

        Assert.Equal(200, (int)response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(new[] { "active", "client_id", "authorized_at", "created_at", "status", "expires_at", "scope", "auth_type" },
            body.Select(p => p.Key));
        Assert.True((bool)body["active"]!);
        Assert.Equal("active", (string)body["status"]!);
        Assert.Equal(app.ClientId, (string)body["client_id"]!);
        Assert.Equal("w_member_social,openid,profile", (string)body["scope"]!);
        Assert.Equal("3L", (string)body["auth_type"]!);
        var createdAt = (long)body["created_at"]!;
        Assert.InRange(createdAt, SandboxFixture.StartTime.ToUnixTimeSeconds(), SandboxFixture.StartTime.ToUnixTimeSeconds() + 60);
        Assert.Equal(createdAt, (long)body["authorized_at"]!);
        Assert.Equal(createdAt + 5_184_000, (long)body["expires_at"]!);
    }

    [Fact]
    public async Task A_token_expired_by_the_clock_is_inactive_with_status_expired()
    {
        var (app, _, accessToken) = await AuthorizedAsync();
        await Admin.AdvanceClockAsync(TimeSpan.FromDays(61));

        using var response = await IntrospectAsync(app, accessToken);

        var body = await JsonAsync(response);
        Assert.False((bool)body["active"]!);
        Assert.Equal("expired", (string)body["status"]!);
    }

    [Fact]
    public async Task Revoke_answers_200_empty_and_the_token_stops_working()
    {
        var (app, member, accessToken) = await AuthorizedAsync();

        using var revoked = await RevokeAsync(app, accessToken);

        Assert.Equal(200, (int)revoked.StatusCode);
        Assert.Equal("", await revoked.Content.ReadAsStringAsync());
        using var post = await CreatePostAsync(accessToken, member.Urn, "Revoked");
        Assert.Equal("REVOKED_ACCESS_TOKEN", (string)(await ErrorAsync(post, 401))["code"]!);
        using var userInfo = await UserInfoAsync(accessToken);
        Assert.Equal(401, (int)userInfo.StatusCode);
        var body = await JsonAsync(await IntrospectAsync(app, accessToken));
        Assert.False((bool)body["active"]!);
        Assert.Equal("revoked", (string)body["status"]!);
    }

    [Fact]
    public async Task A_refreshed_token_keeps_the_original_authorization_time()
    {
        var app = await NewAppAsync(refreshTokens: true);
        await SignedInAsync();
        var tokens = await TokensAsync(app);
        await Admin.AdvanceClockAsync(TimeSpan.FromDays(10));
        using var refreshed = await RefreshAsync(app, (string)tokens["refresh_token"]!);
        var newAccessToken = (string)(await JsonAsync(refreshed))["access_token"]!;

        var original = await JsonAsync(await IntrospectAsync(app, (string)tokens["access_token"]!));
        var renewed = await JsonAsync(await IntrospectAsync(app, newAccessToken));

        Assert.Equal((long)original["authorized_at"]!, (long)renewed["authorized_at"]!);
        Assert.InRange((long)renewed["created_at"]! - (long)original["created_at"]!, 10 * 86_400, 10 * 86_400 + 60);
    }

    [Fact]
    public async Task An_unknown_token_is_400_invalid_client_id_or_token()
    {
        var (app, _, _) = await AuthorizedAsync();

        using var response = await IntrospectAsync(app, "AQnot-a-token");

        await AssertBodyAsync(response, 400, InvalidClientIdOrToken);
    }

    [Fact]
    public async Task Another_apps_token_cannot_be_introspected_or_revoked()
    {
        var (app, member, accessToken) = await AuthorizedAsync();
        var other = await NewAppAsync();
        var adminToken = await Admin.CreateTokenAsync(member.Urn, ["w_member_social"]);

        using var foreign = await IntrospectAsync(other, accessToken);
        using var fromAdmin = await IntrospectAsync(app, adminToken);
        using var revokeForeign = await RevokeAsync(other, accessToken);

        await AssertBodyAsync(foreign, 400, InvalidClientIdOrToken);
        await AssertBodyAsync(fromAdmin, 400, InvalidClientIdOrToken);
        Assert.Equal(200, (int)revokeForeign.StatusCode);
        Assert.True((bool)(await JsonAsync(await IntrospectAsync(app, accessToken)))["active"]!);
    }

    [Fact]
    public async Task Introspection_with_a_wrong_secret_is_401_and_with_an_unknown_client_id_400()
    {
        var (app, _, accessToken) = await AuthorizedAsync();

        using var wrongSecret = await IntrospectAsync(app, accessToken, secret: "wrong-secret");
        using var unknownClient = await PostFormAsync("oauth/v2/introspectToken",
            ("client_id", "78nosuchclient"), ("client_secret", app.ClientSecret), ("token", accessToken));

        await AssertBodyAsync(wrongSecret, 401, InvalidClient);
        await AssertBodyAsync(unknownClient, 400, InvalidClientIdOrToken);
    }

    [Theory]
    [InlineData("oauth/v2/introspectToken")]
    [InlineData("oauth/v2/revoke")]
    public async Task A_missing_token_is_named(string path)
    {
        var app = await NewAppAsync();

        using var response = await PostFormAsync(path, ("client_id", app.ClientId), ("client_secret", app.ClientSecret));

        await AssertBodyAsync(response, 400, MissingParameter("token"));
    }

    [Fact]
    public async Task Revoke_with_a_wrong_secret_is_401_and_revokes_nothing()
    {
        var (app, _, accessToken) = await AuthorizedAsync();

        using var response = await RevokeAsync(app, accessToken, secret: "wrong-secret");

        await AssertBodyAsync(response, 401, InvalidClient);
        Assert.True((bool)(await JsonAsync(await IntrospectAsync(app, accessToken)))["active"]!);
    }

    [Fact]
    public async Task Revoking_an_unknown_token_is_200()
    {
        var app = await NewAppAsync();

        using var response = await RevokeAsync(app, "AQnot-a-token");

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Tokens_revoked_through_the_admin_api_introspect_as_revoked()
    {
        var (app, _, accessToken) = await AuthorizedAsync();
        await Admin.RevokeTokenAsync(accessToken);

        var body = await JsonAsync(await IntrospectAsync(app, accessToken));

        Assert.Equal("revoked", (string)body["status"]!);
    }
}
