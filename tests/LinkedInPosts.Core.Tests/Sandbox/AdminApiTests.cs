using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>The /sandbox admin API and its typed client.</summary>
public sealed class AdminApiTests : SandboxTestBase
{
    public AdminApiTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public void The_server_listens_on_loopback_only()
    {
        Assert.Equal("127.0.0.1", Fixture.Server.BaseUri.Host);
        Assert.True(Fixture.Server.BaseUri.Port > 0);
        Assert.EndsWith("/", Fixture.Server.BaseUri.AbsoluteUri);
    }

    [Fact]
    public async Task Create_member_gives_a_linkedin_like_id_and_keeps_page_roles()
    {
        var contoso = new SandboxOrganizationRole("urn:li:organization:123", "Contoso", "ADMINISTRATOR");

        var member = await Admin.CreateMemberAsync("Ada Lovelace", [contoso]);

        Assert.Matches(new Regex("^[A-Za-z][A-Za-z0-9_-]{9}$"), member.Id);
        Assert.Equal("urn:li:person:" + member.Id, member.Urn);
        Assert.Equal("Ada", member.GivenName);
        Assert.Equal("Lovelace", member.FamilyName);
        Assert.Equal("ada.lovelace@example.com", member.Email);
        Assert.Equal(contoso, Assert.Single(member.Organizations));
        Assert.NotEqual(member.Id, (await Admin.CreateMemberAsync("Ada Lovelace")).Id);
    }

    [Fact]
    public async Task Create_member_without_a_name_gets_a_default_one()
    {
        var member = await Admin.CreateMemberAsync();

        Assert.False(string.IsNullOrWhiteSpace(member.Name));
        Assert.Empty(member.Organizations);
    }

    [Theory]
    [InlineData("urn:li:company:123", "ADMINISTRATOR")]
    [InlineData("urn:li:organization:123", "OWNER")]
    public async Task Create_member_rejects_a_bad_organization_urn_or_role(string urn, string role)
    {
        using var response = await Http.PostAsJsonAsync("sandbox/members",
            new { name = "Bad Org", organizations = new[] { new { urn, name = "X", role } } });

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public async Task Tokens_are_long_random_and_expire_after_60_days_by_default()
    {
        var member = await Admin.CreateMemberAsync();

        using var response = await Http.PostAsJsonAsync("sandbox/tokens", new { memberUrn = member.Urn, scopes = new[] { "w_member_social" } });

        Assert.Equal(201, (int)response.StatusCode);
        var body = await JsonAsync(response);
        var token = (string)body["accessToken"]!;
        Assert.True(token.Length >= 40);
        Assert.NotEqual(token, await Admin.CreateTokenAsync(member.Urn, ["w_member_social"]));
        var expiresAt = DateTimeOffset.Parse((string)body["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt - SandboxFixture.StartTime, TimeSpan.FromDays(60), TimeSpan.FromDays(60).Add(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_token_for_an_unknown_member_is_refused()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Admin.CreateTokenAsync("urn:li:person:nobody", ["w_member_social"]));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task The_clock_can_be_read_set_and_advanced()
    {
        var start = await Admin.GetClockAsync();
        Assert.InRange(start, SandboxFixture.StartTime, SandboxFixture.StartTime.AddMinutes(1));

        var target = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await Admin.SetClockAsync(target);
        Assert.InRange(await Admin.GetClockAsync(), target, target.AddSeconds(5));

        await Admin.AdvanceClockAsync(TimeSpan.FromDays(2));
        Assert.InRange(await Admin.GetClockAsync(), target.AddDays(2), target.AddDays(2).AddSeconds(5));
    }

    [Fact]
    public async Task The_request_log_records_headers_but_never_the_token()
    {
        var ada = await NewPosterAsync();
        await CreatedUrnAsync(ada, "Logged");
        (await SendAsync(Rest(HttpMethod.Get, $"rest/posts?q=author&author={Enc(ada.Urn)}&oauth2_access_token={ada.Token}",
            token: null, restLiMethod: "finder"))).Dispose();

        var log = await Admin.GetRequestsAsync();

        Assert.Equal(2, log.Count);
        var create = log[0];
        Assert.Equal("POST", create.Method);
        Assert.Equal("/rest/posts", create.Path);
        Assert.Equal(201, create.Status);
        Assert.Equal(ActiveVersion, create.LinkedInVersion);
        Assert.Equal("2.0.0", create.RestLiProtocolVersion);
        Assert.True(create.HadAuthorization);
        Assert.InRange(create.At, SandboxFixture.StartTime, SandboxFixture.StartTime.AddMinutes(1));
        var finder = log[1];
        Assert.Equal("finder", finder.RestLiMethod);
        Assert.False(finder.HadAuthorization);
        Assert.Contains("author=urn%3Ali%3Aperson%3A", finder.Path);
        Assert.Contains("oauth2_access_token=REDACTED", finder.Path);
        var raw = await Http.GetStringAsync("sandbox/requests");
        Assert.DoesNotContain(ada.Token, raw);
    }

    [Fact]
    public async Task Stored_posts_are_listed_with_deleted_ones_and_found_by_plain_or_encoded_urn()
    {
        var ada = await NewPosterAsync();
        var kept = await CreatedUrnAsync(ada, "Kept (and cut)");
        var gone = await CreatedUrnAsync(ada, "Gone");
        (await SendAsync(Rest(HttpMethod.Delete, "rest/posts/" + Enc(gone), ada.Token))).Dispose();

        var all = await Admin.GetPostsAsync();
        var plain = await Http.GetFromJsonAsync<JsonElement>("sandbox/posts/" + kept);
        var encoded = await Http.GetFromJsonAsync<JsonElement>("sandbox/posts/" + Enc(kept));

        Assert.Equal(new[] { kept, gone }, all.Select(p => p.Urn));
        Assert.Equal(new[] { false, true }, all.Select(p => p.Deleted));
        Assert.Equal("Kept ", all[0].Commentary);
        Assert.Equal("Kept (and cut)", all[0].SentCommentary);
        Assert.Equal(kept, plain.GetProperty("urn").GetString());
        Assert.Equal(kept, encoded.GetProperty("urn").GetString());
        Assert.Null(await Admin.GetPostAsync("urn:li:share:7000000000000000005"));
    }

    [Fact]
    public async Task Faults_accept_drop_as_a_camel_case_string_and_reject_nonsense()
    {
        using var ok = await Http.PostAsync("sandbox/faults", new StringContent(
            "{\"method\":\"GET\",\"path\":\"/v2/userinfo\",\"count\":1,\"status\":null,\"drop\":\"beforeStore\"}", System.Text.Encoding.UTF8, "application/json"));
        using var bad = await Http.PostAsJsonAsync("sandbox/faults", new { path = "/rest/posts", count = 0 });

        Assert.Equal(204, (int)ok.StatusCode);
        Assert.Equal(400, (int)bad.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => Http.GetAsync("v2/userinfo"));
    }

    [Fact]
    public async Task Reset_empties_the_sandbox_and_restarts_the_clock()
    {
        var ada = await NewPosterAsync();
        await CreatedUrnAsync(ada, "Before reset");
        await Admin.SetClockAsync(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await Admin.AddFaultAsync(new SandboxFault { Status = 500 });

        await Admin.ResetAsync();

        Assert.Empty(await Admin.GetPostsAsync());
        Assert.Empty(await Admin.GetRequestsAsync());
        Assert.InRange(await Admin.GetClockAsync(), SandboxFixture.StartTime, SandboxFixture.StartTime.AddMinutes(1));
        using var afterReset = await CreatePostAsync(ada.Token, ada.Urn, "After reset");
        Assert.Equal(401, (int)afterReset.StatusCode);
    }

    [Fact]
    public async Task The_admin_api_is_neither_logged_nor_faulted()
    {
        await Admin.AddFaultAsync(new SandboxFault { Path = "/", Status = 500 });

        var member = await Admin.CreateMemberAsync();

        Assert.NotNull(member);
        Assert.Empty(await Admin.GetRequestsAsync());
    }
}
