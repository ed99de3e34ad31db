using System.Text;
using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>The authorization_code grant of <c>/oauth/v2/accessToken</c> (linkedin-api.md 5.2), PKCE included.</summary>
public sealed class OAuthTokenTests : OAuthTestBase
{
    public OAuthTokenTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public async Task The_code_flow_gives_a_60_day_token_that_works_on_userinfo_and_rest()
    {
        var app = await NewAppAsync();
        var member = await SignedInAsync();

        var tokens = await TokensAsync(app);

        Assert.Equal(new[] { "access_token", "expires_in", "scope", "token_type", "id_token" }, tokens.Select(p => p.Key));
        Assert.Equal(5_184_000, (long)tokens["expires_in"]!);
        Assert.Equal("w_member_social,openid,profile", (string)tokens["scope"]!);
        Assert.Equal("Bearer", (string)tokens["token_type"]!);
        var accessToken = (string)tokens["access_token"]!;
        using (var userInfo = await UserInfoAsync(accessToken))
        {
            Assert.Equal(200, (int)userInfo.StatusCode);
            Assert.Equal(member.Id, (string)(await JsonAsync(userInfo))["sub"]!);
        }
        using var post = await CreatePostAsync(accessToken, member.Urn, "Posted with an OAuth token");
        Assert.Equal(201, (int)post.StatusCode);
    }

    [Fact]
    public async Task The_token_has_only_the_granted_scopes()
    {
        var app = await NewAppAsync();
        var member = await SignedInAsync();

        var tokens = await TokensAsync(app, scope: "openid profile");

        Assert.Null(tokens["refresh_token"]);
        using var post = await CreatePostAsync((string)tokens["access_token"]!, member.Urn, "Not allowed");
        Assert.EndsWith("(missing permission: w_member_social)", (string)(await ErrorAsync(post, 403))["message"]!);
    }

    [Fact]
    public async Task The_id_token_is_an_unsecured_jwt_naming_the_member()
    {
        var app = await NewAppAsync();
        var member = await SignedInAsync();

        var tokens = await TokensAsync(app, scope: "openid profile email");

        var parts = ((string)tokens["id_token"]!).Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("", parts[2]);
        Assert.Equal("none", (string)Segment(parts[0])["alg"]!);
        var claims = Segment(parts[1]);
        Assert.Equal(member.Id, (string)claims["sub"]!);
        Assert.Equal(app.ClientId, (string)claims["aud"]!);
        Assert.Equal(member.Email, (string)claims["email"]!);
        Assert.InRange((long)claims["iat"]!, SandboxFixture.StartTime.ToUnixTimeSeconds(), SandboxFixture.StartTime.ToUnixTimeSeconds() + 60);
    }

    [Fact]
    public async Task Without_openid_there_is_no_id_token()
    {
        var app = await NewAppAsync();
        await SignedInAsync();

        var tokens = await TokensAsync(app, scope: "w_member_social");

        Assert.Null(tokens["id_token"]);
    }

    [Fact]
    public async Task An_app_with_refresh_tokens_also_gets_a_365_day_refresh_token()
    {
        var app = await NewAppAsync(refreshTokens: true);
        await SignedInAsync();

        var tokens = await TokensAsync(app);

        Assert.Equal(new[] { "access_token", "expires_in", "refresh_token", "refresh_token_expires_in", "scope", "token_type", "id_token" },
            tokens.Select(p => p.Key));
        Assert.Equal(31_536_000, (long)tokens["refresh_token_expires_in"]!);
        Assert.NotEqual((string)tokens["access_token"]!, (string)tokens["refresh_token"]!);
    }

    [Fact]
    public async Task An_app_without_refresh_tokens_gets_none()
    {
        var app = await NewAppAsync(refreshTokens: false);
        await SignedInAsync();

        var tokens = await TokensAsync(app);

        Assert.False(tokens.ContainsKey("refresh_token"));
        Assert.False(tokens.ContainsKey("refresh_token_expires_in"));
    }

    [Fact]
    public async Task A_code_is_single_use()
    {
        var app = await NewAppAsync();
        await SignedInAsync();
        var code = await CodeAsync(app);
        (await ExchangeAsync(app, code)).Dispose();

        using var again = await ExchangeAsync(app, code);

        await AssertBodyAsync(again, 400, CodeRejected);
    }

    [Fact]
    public async Task A_code_lives_30_minutes_of_sandbox_time()
    {
        var app = await NewAppAsync();
        await SignedInAsync();
        var fresh = await CodeAsync(app);
        var stale = await CodeAsync(app);
        await Admin.AdvanceClockAsync(TimeSpan.FromMinutes(29));
        using (var inTime = await ExchangeAsync(app, fresh))
        {
            Assert.Equal(200, (int)inTime.StatusCode);
        }
        await Admin.AdvanceClockAsync(TimeSpan.FromMinutes(1));

        using var late = await ExchangeAsync(app, stale);

        await AssertBodyAsync(late, 400, CodeRejected);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8400/callback?x=1")]
    [InlineData("http://127.0.0.1:8400/other")]
    public async Task The_redirect_uri_must_repeat_the_one_used_to_authorize(string redirectUri)
    {
        var app = await NewAppAsync();
        await SignedInAsync();
        var code = await CodeAsync(app);

        using var response = await ExchangeAsync(app, code, redirectUri);

        await AssertBodyAsync(response, 400, CodeRejected);
    }

    [Fact]
    public async Task A_redirect_uri_with_a_query_must_be_repeated_with_it()
    {
        var app = await NewAppAsync();
        await SignedInAsync();
        var code = await CodeAsync(app, redirectUri: Callback + "?tenant=contoso");

        using var withoutQuery = await ExchangeAsync(app, code, Callback);
        using var withQuery = await ExchangeAsync(app, code, Callback + "?tenant=contoso");

        await AssertBodyAsync(withoutQuery, 400, CodeRejected);
        Assert.Equal(200, (int)withQuery.StatusCode);
    }

    [Fact]
    public async Task A_code_is_bound_to_the_app_that_asked_for_it()
    {
        var app = await NewAppAsync();
        var other = await NewAppAsync();
        await SignedInAsync();
        var code = await CodeAsync(app);

        using var response = await ExchangeAsync(other, code);

        await AssertBodyAsync(response, 400, CodeRejected);
    }

    [Fact]
    public async Task An_unknown_code_is_rejected()
    {
        var app = await NewAppAsync();

        using var response = await ExchangeAsync(app, "AQnot-a-code");

        await AssertBodyAsync(response, 400, CodeRejected);
    }

    [Theory]
    [InlineData("grant_type")]
    [InlineData("code")]
    [InlineData("client_id")]
    [InlineData("client_secret")]
    [InlineData("redirect_uri")]
    public async Task A_missing_parameter_is_named(string left)
    {
        var app = await NewAppAsync();
        await SignedInAsync();
        var code = await CodeAsync(app);
        var fields = new[]
        {
            ("grant_type", "authorization_code"), ("code", code), ("client_id", app.ClientId),
            ("client_secret", app.ClientSecret), ("redirect_uri", Callback),
        };

        using var response = await TokenAsync(fields.Where(f => f.Item1 != left).ToArray());

        await AssertBodyAsync(response, 400, MissingParameter(left));
    }

    [Fact]
    public async Task A_wrong_secret_or_unknown_client_is_401_invalid_client()
    {
        var app = await NewAppAsync();
        await SignedInAsync();
        var code = await CodeAsync(app);

        using var wrongSecret = await TokenAsync(("grant_type", "authorization_code"), ("code", code),
            ("client_id", app.ClientId), ("client_secret", app.ClientSecret + "x"), ("redirect_uri", Callback));
        using var unknownClient = await TokenAsync(("grant_type", "authorization_code"), ("code", code),
            ("client_id", "78nosuchclient"), ("client_secret", app.ClientSecret), ("redirect_uri", Callback));

        await AssertBodyAsync(wrongSecret, 401, InvalidClient);
        await AssertBodyAsync(unknownClient, 401, InvalidClient);
        using var stillGood = await ExchangeAsync(app, code);
        Assert.Equal(200, (int)stillGood.StatusCode);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("client_credentials")]
    public async Task An_unsupported_grant_type_is_refused(string grantType)
    {
        var app = await NewAppAsync();

        using var response = await TokenAsync(("grant_type", grantType), ("client_id", app.ClientId), ("client_secret", app.ClientSecret));

        await AssertBodyAsync(response, 400,
            $"{{\"error\":\"unsupported_grant_type\",\"error_description\":\"The grant_type \\\"{grantType}\\\" is not supported\"}}");
    }

    [Fact]
    public async Task Only_a_form_body_is_read()
    {
        var app = await NewAppAsync();
        await SignedInAsync();
        var code = await CodeAsync(app);
        var json = new JsonObject
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["client_id"] = app.ClientId,
            ["client_secret"] = app.ClientSecret, ["redirect_uri"] = Callback,
        };

        using var response = await Http.PostAsync("oauth/v2/accessToken", new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"));

        await AssertBodyAsync(response, 400, MissingParameter("grant_type"));
    }

    [Fact]
    public async Task Token_responses_are_not_cacheable()
    {
        var app = await NewAppAsync();
        await SignedInAsync();

        using var response = await ExchangeAsync(app, await CodeAsync(app));

        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task A_token_from_the_code_flow_expires_by_the_sandbox_clock()
    {
        var app = await NewAppAsync();
        var member = await SignedInAsync();
        var accessToken = (string)(await TokensAsync(app))["access_token"]!;
        await Admin.AdvanceClockAsync(TimeSpan.FromSeconds(5_184_000));

        using var response = await CreatePostAsync(accessToken, member.Urn, "Too late");

        Assert.Equal("EXPIRED_ACCESS_TOKEN", (string)(await ErrorAsync(response, 401))["code"]!);
    }

    [Fact]
    public async Task The_pkce_flow_redeems_with_the_verifier_and_no_secret()
    {
        var app = await NewAppAsync(pkce: true);
        var member = await SignedInAsync();
        var (verifier, challenge) = NewPkcePair();
        var code = await CodeAsync(app, codeChallenge: challenge);

        using var response = await TokenAsync(("grant_type", "authorization_code"), ("code", code), ("client_id", app.ClientId),
            ("code_verifier", verifier), ("redirect_uri", Callback));

        Assert.Equal(200, (int)response.StatusCode);
        using var userInfo = await UserInfoAsync((string)(await JsonAsync(response))["access_token"]!);
        Assert.Equal(member.Id, (string)(await JsonAsync(userInfo))["sub"]!);
    }

    [Fact]
    public async Task A_wrong_verifier_is_rejected()
    {
        var app = await NewAppAsync(pkce: true);
        await SignedInAsync();
        var code = await CodeAsync(app, codeChallenge: NewPkcePair().Challenge);

        using var response = await TokenAsync(("grant_type", "authorization_code"), ("code", code), ("client_id", app.ClientId),
            ("code_verifier", NewPkcePair().Verifier), ("redirect_uri", Callback));

        await AssertBodyAsync(response, 400, CodeRejected);
    }

    [Fact]
    public async Task A_pkce_code_needs_its_verifier_even_with_the_secret()
    {
        var app = await NewAppAsync(pkce: true);
        await SignedInAsync();
        var code = await CodeAsync(app, codeChallenge: NewPkcePair().Challenge);

        using var response = await ExchangeAsync(app, code);

        await AssertBodyAsync(response, 400, CodeRejected);
    }

    [Fact]
    public async Task A_pkce_app_may_still_use_its_secret_without_pkce()
    {
        var app = await NewAppAsync(pkce: true);
        await SignedInAsync();

        using var response = await ExchangeAsync(app, await CodeAsync(app));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Without_pkce_enabled_a_verifier_cannot_replace_the_secret()
    {
        var app = await NewAppAsync(pkce: false);
        await SignedInAsync();
        var code = await CodeAsync(app);

        using var response = await TokenAsync(("grant_type", "authorization_code"), ("code", code), ("client_id", app.ClientId),
            ("code_verifier", NewPkcePair().Verifier), ("redirect_uri", Callback));

        await AssertBodyAsync(response, 400, MissingParameter("client_secret"));
    }

    [Fact]
    public async Task The_request_log_never_records_codes_secrets_verifiers_or_tokens()
    {
        var app = await NewAppAsync(pkce: true, refreshTokens: true);
        await SignedInAsync();
        var (verifier, challenge) = NewPkcePair();
        var code = await CodeAsync(app, codeChallenge: challenge);
        using var exchanged = await TokenAsync(("grant_type", "authorization_code"), ("code", code), ("client_id", app.ClientId),
            ("code_verifier", verifier), ("redirect_uri", Callback));
        var tokens = await JsonAsync(exchanged);
        // A confused client putting everything in the query string as well.
        (await Http.PostAsync($"oauth/v2/accessToken?grant_type=refresh_token&refresh_token={tokens["refresh_token"]}" +
            $"&client_id={app.ClientId}&client_secret={app.ClientSecret}&code={code}&code_verifier={verifier}&token={tokens["access_token"]}",
            content: null)).Dispose();

        var log = await Http.GetStringAsync("sandbox/requests");

        foreach (var secret in new[] { code, verifier, app.ClientSecret, (string)tokens["access_token"]!, (string)tokens["refresh_token"]! })
        {
            Assert.DoesNotContain(secret, log);
        }
        Assert.Contains("client_secret=REDACTED", log);
    }

    private static JsonObject Segment(string base64Url)
    {
        var padded = base64Url.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Assert.IsType<JsonObject>(JsonNode.Parse(Convert.FromBase64String(padded)));
    }
}
