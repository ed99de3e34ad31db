namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>LinkedIn-Version and X-Restli-Protocol-Version on /rest (linkedin-api.md section 4).</summary>
public sealed class HeaderRuleTests : SandboxTestBase
{
    public HeaderRuleTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public async Task Missing_version_is_400_version_missing()
    {
        var ada = await NewPosterAsync();

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "No version", version: null);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("{\"status\":400,\"code\":\"VERSION_MISSING\",\"message\":\"A version must be present. Please specify a version by adding the LinkedIn-Version header.\"}",
            await response.Content.ReadAsStringAsync());
        Assert.Empty(await Admin.GetPostsAsync());
    }

    [Fact]
    public async Task Sunset_version_is_426_naming_it_as_yyyymmdd()
    {
        var ada = await NewPosterAsync();

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Old version", version: "202409");

        Assert.Equal(426, (int)response.StatusCode);
        Assert.Equal("{\"status\":426,\"code\":\"NONEXISTENT_VERSION\",\"message\":\"Requested version 20240901 is not active\"}",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_version_sunsets_on_the_15th_of_its_month_one_year_later_by_the_sandbox_clock()
    {
        var ada = await NewPosterAsync();
        await Admin.SetClockAsync(new DateTimeOffset(2026, 10, 14, 23, 59, 0, TimeSpan.Zero));
        using (var lastDay = await CreatePostAsync(ada.Token, ada.Urn, "Still active", version: "202510"))
        {
            Assert.Equal(201, (int)lastDay.StatusCode);
        }
        await Admin.SetClockAsync(new DateTimeOffset(2026, 10, 15, 0, 0, 1, TimeSpan.Zero));

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Sunset", version: "202510");

        var body = await ErrorAsync(response, 426);
        Assert.Equal("Requested version 20251001 is not active", (string)body["message"]!);
    }

    [Fact]
    public async Task A_future_version_is_426_until_its_month_begins()
    {
        var ada = await NewPosterAsync();
        using (var early = await CreatePostAsync(ada.Token, ada.Urn, "Too early", version: "202612"))
        {
            Assert.Equal("Requested version 20261201 is not active", (string)(await ErrorAsync(early, 426))["message"]!);
        }
        await Admin.SetClockAsync(new DateTimeOffset(2026, 12, 1, 0, 0, 1, TimeSpan.Zero));

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "On time", version: "202612");

        Assert.Equal(201, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("2026-11")]
    [InlineData("20261")]
    [InlineData("202613")]
    [InlineData("202611.1")]
    [InlineData("latest")]
    public async Task A_malformed_version_is_426(string version)
    {
        var ada = await NewPosterAsync();

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Malformed", version: version);

        Assert.Equal("NONEXISTENT_VERSION", (string)(await ErrorAsync(response, 426))["code"]!);
    }

    [Fact]
    public async Task A_patch_release_version_is_accepted()
    {
        var ada = await NewPosterAsync();

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Patch release", version: "202611.01");

        Assert.Equal(201, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1.0.0")]
    public async Task Protocol_version_other_than_2_0_0_is_400(string? protocol)
    {
        var ada = await NewPosterAsync();

        using var response = await SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "Protocol"), protocol: protocol));

        var body = await ErrorAsync(response, 400);
        Assert.Contains("X-Restli-Protocol-Version: 2.0.0", (string)body["message"]!);
        Assert.Empty(await Admin.GetPostsAsync());
    }

    [Fact]
    public async Task Header_names_are_case_insensitive()
    {
        var ada = await NewPosterAsync();
        using var request = Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "Lowercase headers"), version: null, protocol: null);
        request.Headers.Add("linkedin-version", ActiveVersion);
        request.Headers.Add("x-restli-protocol-version", "2.0.0");

        using var response = await SendAsync(request);

        Assert.Equal(201, (int)response.StatusCode);
    }

    [Fact]
    public async Task The_version_is_checked_before_the_token()
    {
        using var response = await SendAsync(Rest(HttpMethod.Get, "rest/posts?q=author&author=urn%3Ali%3Aperson%3Ax", token: null, version: "202301"));

        await ErrorAsync(response, 426);
    }

    [Fact]
    public async Task An_unknown_rest_resource_is_404_no_virtual_resource()
    {
        var ada = await NewPosterAsync();

        using var response = await SendAsync(Rest(HttpMethod.Get, "rest/shares", ada.Token));

        Assert.Equal("No virtual resource found", (string)(await ErrorAsync(response, 404))["message"]!);
    }
}
