namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>PARTIAL_UPDATE (1.6) and DELETE (1.7).</summary>
public sealed class PostUpdateDeleteTests : SandboxTestBase
{
    public PostUpdateDeleteTests(SandboxFixture fixture) : base(fixture) { }

    private static string SetCommentary(string text) =>
        "{\"patch\":{\"$set\":{\"commentary\":" + System.Text.Json.JsonSerializer.Serialize(text) + "}}}";

    private Task<HttpResponseMessage> UpdateAsync(Actor actor, string urn, string patch, string? restLiMethod = "PARTIAL_UPDATE") =>
        SendAsync(Rest(HttpMethod.Post, "rest/posts/" + Enc(urn), actor.Token, patch, restLiMethod: restLiMethod));

    private Task<HttpResponseMessage> DeleteAsync(Actor actor, string urn, string? restLiMethod = null) =>
        SendAsync(Rest(HttpMethod.Delete, "rest/posts/" + Enc(urn), actor.Token, restLiMethod: restLiMethod));

    [Theory]
    [InlineData("PARTIAL_UPDATE")]
    [InlineData("partial_update")]
    public async Task Partial_update_sets_commentary_and_answers_204(string restLiMethod)
    {
        var ada = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "First words");
        await Admin.AdvanceClockAsync(TimeSpan.FromMinutes(3));

        using var response = await UpdateAsync(ada, urn, SetCommentary("Better words"), restLiMethod);

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var stored = await Admin.GetPostAsync(urn);
        Assert.Equal("Better words", stored!.Commentary);
        Assert.True(stored.LastModifiedAt >= stored.CreatedAt.AddMinutes(3));
        using var get = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), ada.Token));
        Assert.True((bool)(await JsonAsync(get))["lifecycleStateInfo"]!["isEditedByAuthor"]!);
    }

    [Fact]
    public async Task Partial_update_commentary_is_truncated_like_create()
    {
        var ada = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "Original");

        using var response = await UpdateAsync(ada, urn, SetCommentary("Edited (with a raw parenthesis)"));

        Assert.Equal(204, (int)response.StatusCode);
        var stored = await Admin.GetPostAsync(urn);
        Assert.Equal("Edited ", stored!.Commentary);
        Assert.Equal("Edited (with a raw parenthesis)", stored.SentCommentary);
    }

    [Fact]
    public async Task Partial_update_commentary_over_3000_is_400_and_changes_nothing()
    {
        var ada = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "Short");

        using var response = await UpdateAsync(ada, urn, SetCommentary(new string('z', 3001)));

        Assert.Equal("FIELD_ARRAY_SIZE_TOO_HIGH", (string)(await ErrorAsync(response, 400))["errorDetails"]!["inputErrors"]![0]!["code"]!);
        Assert.Equal("Short", (await Admin.GetPostAsync(urn))!.Commentary);
    }

    [Theory]
    [InlineData("{\"patch\":{\"$set\":{\"visibility\":\"CONNECTIONS\"}}}", "visibility")]
    [InlineData("{\"patch\":{\"$set\":{\"author\":\"urn:li:person:other\"}}}", "author")]
    [InlineData("{\"patch\":{\"$set\":{\"content\":{\"media\":{\"id\":\"urn:li:image:1\"}}}}}", "content")]
    [InlineData("{\"patch\":{\"$delete\":[\"distribution\"]}}", "distribution")]
    public async Task Partial_update_of_a_field_linkedin_does_not_allow_is_422_naming_it(string patch, string field)
    {
        var ada = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "Fixed");

        using var response = await UpdateAsync(ada, urn, patch);

        var body = await ErrorAsync(response, 422);
        Assert.Equal("FIELD_NOT_UPDATABLE", InputErrors(body)[field]);
        Assert.Contains($"/{field} ::", (string)body["message"]!);
        Assert.Equal("PUBLIC", (await Admin.GetPostAsync(urn))!.Visibility);
    }

    [Fact]
    public async Task Partial_update_may_set_and_delete_the_other_allowed_fields()
    {
        var ada = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "Landing");

        using var set = await UpdateAsync(ada, urn, "{\"patch\":{\"$set\":{\"contentLandingPage\":\"https://example.com/a\",\"contentCallToActionLabel\":\"SIGN_UP\"}}}");
        using var afterSet = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), ada.Token));
        var withFields = await JsonAsync(afterSet);
        using var delete = await UpdateAsync(ada, urn, "{\"patch\":{\"$delete\":[\"contentLandingPage\"]}}");
        using var afterDelete = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), ada.Token));
        var withoutLanding = await JsonAsync(afterDelete);

        Assert.Equal(204, (int)set.StatusCode);
        Assert.Equal("SIGN_UP", (string)withFields["contentCallToActionLabel"]!);
        Assert.Equal(204, (int)delete.StatusCode);
        Assert.False(withoutLanding.ContainsKey("contentLandingPage"));
        Assert.Equal("SIGN_UP", (string)withoutLanding["contentCallToActionLabel"]!);
    }

    [Fact]
    public async Task Partial_update_by_someone_other_than_the_author_is_403()
    {
        var ada = await NewPosterAsync();
        var grace = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "Mine");

        using var response = await UpdateAsync(grace, urn, SetCommentary("Yours now"));

        await ErrorAsync(response, 403);
        Assert.Equal("Mine", (await Admin.GetPostAsync(urn))!.Commentary);
    }

    [Fact]
    public async Task Partial_update_of_an_organization_post_by_a_page_admin_is_allowed()
    {
        var contoso = new LinkedInPosts.Sandbox.SandboxOrganizationRole("urn:li:organization:77", "Contoso", "ADMINISTRATOR");
        var author = await NewMemberAsync(["w_organization_social"], contoso);
        var otherAdmin = await NewMemberAsync(["w_organization_social"], contoso with { Role = "CONTENT_ADMIN" });
        var urn = await CreatedUrnAsync(author, "Page text", author: contoso.Urn);

        using var response = await UpdateAsync(otherAdmin, urn, SetCommentary("Page text, reviewed"));

        Assert.Equal(204, (int)response.StatusCode);
    }

    [Fact]
    public async Task Partial_update_of_an_unknown_post_is_404()
    {
        var ada = await NewPosterAsync();

        using var response = await UpdateAsync(ada, "urn:li:share:7000000000000000003", SetCommentary("Nothing there"));

        await ErrorAsync(response, 404);
    }

    [Fact]
    public async Task Delete_answers_204_and_is_idempotent()
    {
        var ada = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "Delete me");

        using var first = await DeleteAsync(ada, urn, "DELETE");
        using var again = await DeleteAsync(ada, urn, "delete");
        using var withoutHeader = await DeleteAsync(ada, urn);

        Assert.Equal(204, (int)first.StatusCode);
        Assert.Equal(204, (int)again.StatusCode);
        Assert.Equal(204, (int)withoutHeader.StatusCode);
        var stored = await Admin.GetPostAsync(urn);
        Assert.True(stored!.Deleted);
        Assert.Equal("Delete me", stored.Commentary);
    }

    [Fact]
    public async Task Delete_by_someone_other_than_the_author_is_403()
    {
        var ada = await NewPosterAsync();
        var grace = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "Keep out");

        using var response = await DeleteAsync(grace, urn);

        await ErrorAsync(response, 403);
        Assert.False((await Admin.GetPostAsync(urn))!.Deleted);
    }

    [Fact]
    public async Task Delete_of_a_post_that_never_existed_is_404()
    {
        var ada = await NewPosterAsync();

        using var response = await DeleteAsync(ada, "urn:li:share:7000000000000000004");

        await ErrorAsync(response, 404);
    }
}
