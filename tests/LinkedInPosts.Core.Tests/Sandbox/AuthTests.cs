using System.Net.Http.Headers;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>Bearer tokens (6.2) and /v2/userinfo (5.5).</summary>
public sealed class AuthTests : SandboxTestBase
{
    public AuthTests(SandboxFixture fixture) : base(fixture) { }

    private static readonly string[] ProfileScopes = ["openid", "profile"];

    [Fact]
    public async Task Missing_token_is_401_empty_oauth2_access_token()
    {
        var ada = await NewPosterAsync();

        using var response = await CreatePostAsync(token: null!, ada.Urn, "Anonymous");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("{\"message\":\"Empty oauth2_access_token\",\"serviceErrorCode\":401,\"status\":401}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_non_bearer_authorization_counts_as_no_token()
    {
        using var request = Rest(HttpMethod.Get, "rest/posts?q=author&author=urn%3Ali%3Aperson%3Ax", token: null);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        using var response = await SendAsync(request);

        Assert.Equal(401, (int)(await ErrorAsync(response, 401))["serviceErrorCode"]!);
    }

    [Fact]
    public async Task Unknown_token_is_401_invalid_access_token()
    {
        using var response = await SendAsync(Rest(HttpMethod.Get, "rest/posts?q=author&author=urn%3Ali%3Aperson%3Ax", "AQnot-a-real-token"));

        Assert.Equal("{\"serviceErrorCode\":65600,\"message\":\"Invalid access token\",\"status\":401}", await response.Content.ReadAsStringAsync());
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Revoked_token_is_401_revoked_access_token()
    {
        var ada = await NewPosterAsync();
        await Admin.RevokeTokenAsync(ada.Token);

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Revoked");

        var body = await ErrorAsync(response, 401);
        Assert.Equal(65601, (int)body["serviceErrorCode"]!);
        Assert.Equal("REVOKED_ACCESS_TOKEN", (string)body["code"]!);
        Assert.Equal("The token used in the request has been revoked by the user", (string)body["message"]!);
    }

    [Fact]
    public async Task Token_expires_by_the_sandbox_clock()
    {
        var member = await Admin.CreateMemberAsync("Ada Lovelace");
        var token = await Admin.CreateTokenAsync(member.Urn, ["w_member_social"], TimeSpan.FromMinutes(1));
        using (var fresh = await CreatePostAsync(token, member.Urn, "Fresh"))
        {
            Assert.Equal(201, (int)fresh.StatusCode);
        }
        await Admin.AdvanceClockAsync(TimeSpan.FromSeconds(61));

        using var response = await CreatePostAsync(token, member.Urn, "Stale");

        var body = await ErrorAsync(response, 401);
        Assert.Equal(65602, (int)body["serviceErrorCode"]!);
        Assert.Equal("EXPIRED_ACCESS_TOKEN", (string)body["code"]!);
        Assert.Equal("The token used in the request has expired", (string)body["message"]!);
    }

    [Fact]
    public async Task Userinfo_needs_no_version_and_returns_the_profile_with_a_locale_object()
    {
        var ada = await NewMemberAsync([.. ProfileScopes, "email"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ada.Token);

        using var response = await SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(ada.Member.Id, (string)body["sub"]!);
        Assert.Equal(ada.Urn, "urn:li:person:" + (string)body["sub"]!);
        Assert.Equal("Ada Lovelace", (string)body["name"]!);
        Assert.Equal("Ada", (string)body["given_name"]!);
        Assert.Equal("Lovelace", (string)body["family_name"]!);
        Assert.Equal("US", (string)body["locale"]!["country"]!);
        Assert.Equal("en", (string)body["locale"]!["language"]!);
        Assert.Equal(ada.Member.Email, (string)body["email"]!);
        Assert.True((bool)body["email_verified"]!);
        var picture = new Uri((string)body["picture"]!);
        Assert.Equal("127.0.0.1", picture.Host);
        using var image = await Http.GetAsync(picture);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Userinfo_leaves_out_the_email_without_the_email_scope()
    {
        var ada = await NewMemberAsync(ProfileScopes);
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ada.Token);

        using var response = await SendAsync(request);

        var body = await JsonAsync(response);
        Assert.False(body.ContainsKey("email"));
        Assert.False(body.ContainsKey("email_verified"));
        Assert.Equal(ada.Member.Id, (string)body["sub"]!);
    }

    [Theory]
    [InlineData("profile", "openid")]
    [InlineData("openid", "profile")]
    public async Task Userinfo_without_openid_or_profile_is_403_naming_the_scope(string granted, string missing)
    {
        var ada = await NewMemberAsync([granted, "w_member_social"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ada.Token);

        using var response = await SendAsync(request);

        Assert.EndsWith($"(missing permission: {missing})", (string)(await ErrorAsync(response, 403))["message"]!);
    }

    [Fact]
    public async Task Userinfo_without_a_token_is_401()
    {
        using var response = await Http.GetAsync("v2/userinfo");

        Assert.Equal("Empty oauth2_access_token", (string)(await ErrorAsync(response, 401))["message"]!);
    }
}
