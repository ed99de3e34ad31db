using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>The refresh_token grant (linkedin-api.md 5.3): the refresh token's TTL never resets.</summary>
public sealed class OAuthRefreshTests : OAuthTestBase
{
    private const long Day = 86_400;

    private const string RefreshRejected =
        "{\"error\":\"invalid_request\",\"error_description\":\"The provided refresh token is invalid, expired or revoked\"}";

    public OAuthRefreshTests(SandboxFixture fixture) : base(fixture) { }

    private async Task<(SandboxApp App, SandboxMember Member, string RefreshToken)> AuthorizedAsync()
    {
        var app = await NewAppAsync(refreshTokens: true);
        var member = await SignedInAsync();
        var tokens = await TokensAsync(app);
        return (app, member, (string)tokens["refresh_token"]!);
    }

    [Fact]
    public async Task A_refresh_on_day_59_gives_60_days_of_access_and_keeps_306_days_of_refresh()
    {
        var (app, member, refreshToken) = await AuthorizedAsync();
        await Admin.AdvanceClockAsync(TimeSpan.FromDays(59));

        using var response = await RefreshAsync(app, refreshToken);

        Assert.Equal(200, (int)response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(new[] { "access_token", "expires_in", "refresh_token", "refresh_token_expires_in", "scope", "token_type" },
            body.Select(p => p.Key));
        Assert.Equal(60 * Day, (long)body["expires_in"]!);
        Assert.InRange((long)body["refresh_token_expires_in"]!, 306 * Day - 60, 306 * Day);
        Assert.Equal(refreshToken, (string)body["refresh_token"]!);
        Assert.Equal("w_member_social,openid,profile", (string)body["scope"]!);
        using var post = await CreatePostAsync((string)body["access_token"]!, member.Urn, "After a refresh");
        Assert.Equal(201, (int)post.StatusCode);
    }

    [Fact]
    public async Task Near_its_end_the_refresh_token_caps_the_new_access_token()
    {
        var (app, _, refreshToken) = await AuthorizedAsync();
        await Admin.AdvanceClockAsync(TimeSpan.FromDays(360));

        using var response = await RefreshAsync(app, refreshToken);

        var body = await JsonAsync(response);
        Assert.InRange((long)body["expires_in"]!, 5 * Day - 60, 5 * Day);
        Assert.Equal((long)body["refresh_token_expires_in"]!, (long)body["expires_in"]!);
        await Admin.AdvanceClockAsync(TimeSpan.FromDays(5));
        // /v2/userinfo, because a year on the test's LinkedIn-Version is sunset and /rest would answer 426 first.
        using var userInfo = await UserInfoAsync((string)body["access_token"]!);
        Assert.Equal("EXPIRED_ACCESS_TOKEN", (string)(await ErrorAsync(userInfo, 401))["code"]!);
        using var refreshAgain = await RefreshAsync(app, refreshToken);
        Assert.Equal(400, (int)refreshAgain.StatusCode);
    }

    [Fact]
    public async Task Two_concurrent_refreshes_both_succeed_with_different_access_tokens()
    {
        var (app, member, refreshToken) = await AuthorizedAsync();

        var responses = await Task.WhenAll(RefreshAsync(app, refreshToken), RefreshAsync(app, refreshToken));

        var bodies = new List<string>();
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.Equal(200, (int)response.StatusCode);
                var body = await JsonAsync(response);
                Assert.Equal(refreshToken, (string)body["refresh_token"]!);
                bodies.Add((string)body["access_token"]!);
            }
        }
        Assert.NotEqual(bodies[0], bodies[1]);
        foreach (var (accessToken, i) in bodies.Select((t, i) => (t, i)))
        {
            using var post = await CreatePostAsync(accessToken, member.Urn, $"Concurrent refresh {i}");
            Assert.Equal(201, (int)post.StatusCode);
        }
    }

    [Fact]
    public async Task An_expired_refresh_token_is_rejected()
    {
        var (app, _, refreshToken) = await AuthorizedAsync();
        await Admin.AdvanceClockAsync(TimeSpan.FromDays(365));

        using var response = await RefreshAsync(app, refreshToken);

        await AssertBodyAsync(response, 400, RefreshRejected);
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_rejected()
    {
        var (app, _, refreshToken) = await AuthorizedAsync();
        (await PostFormAsync("oauth/v2/revoke", ("client_id", app.ClientId), ("client_secret", app.ClientSecret), ("token", refreshToken))).Dispose();

        using var response = await RefreshAsync(app, refreshToken);

        await AssertBodyAsync(response, 400, RefreshRejected);
    }

    [Fact]
    public async Task An_unknown_refresh_token_or_another_apps_is_rejected()
    {
        var (app, _, refreshToken) = await AuthorizedAsync();
        var other = await NewAppAsync(refreshTokens: true);

        using var unknown = await RefreshAsync(app, "AQnot-a-refresh-token");
        using var foreign = await RefreshAsync(other, refreshToken);
        using var anAccessToken = await RefreshAsync(app, (string)(await TokensAsync(app))["access_token"]!);

        await AssertBodyAsync(unknown, 400, RefreshRejected);
        await AssertBodyAsync(foreign, 400, RefreshRejected);
        await AssertBodyAsync(anAccessToken, 400, RefreshRejected);
    }

    [Fact]
    public async Task An_app_without_refresh_tokens_may_not_refresh()
    {
        var app = await NewAppAsync(refreshTokens: false);

        using var response = await RefreshAsync(app, "AQanything");

        await AssertBodyAsync(response, 400,
            "{\"error\":\"unauthorized_client\",\"error_description\":\"The client is not authorized to use refresh tokens\"}");
    }

    [Theory]
    [InlineData("refresh_token")]
    [InlineData("client_id")]
    [InlineData("client_secret")]
    public async Task A_missing_parameter_is_named(string left)
    {
        var (app, _, refreshToken) = await AuthorizedAsync();
        var fields = new[]
        {
            ("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", app.ClientId), ("client_secret", app.ClientSecret),
        };

        using var response = await TokenAsync(fields.Where(f => f.Item1 != left).ToArray());

        await AssertBodyAsync(response, 400, MissingParameter(left));
    }

    [Fact]
    public async Task A_wrong_secret_is_401_invalid_client()
    {
        var (app, _, refreshToken) = await AuthorizedAsync();

        using var response = await TokenAsync(("grant_type", "refresh_token"), ("refresh_token", refreshToken),
            ("client_id", app.ClientId), ("client_secret", "wrong-secret"));

        await AssertBodyAsync(response, 401, InvalidClient);
    }

    [Fact]
    public async Task Revoking_an_access_token_leaves_the_refresh_token_usable()
    {
        var app = await NewAppAsync(refreshTokens: true);
        await SignedInAsync();
        var tokens = await TokensAsync(app);
        (await PostFormAsync("oauth/v2/revoke", ("client_id", app.ClientId), ("client_secret", app.ClientSecret),
            ("token", (string)tokens["access_token"]!))).Dispose();

        using var response = await RefreshAsync(app, (string)tokens["refresh_token"]!);

        Assert.Equal(200, (int)response.StatusCode);
    }
}
