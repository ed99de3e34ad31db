using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>Who may upload media for an owner and read its status (linkedin-api.md 3.2, 3.3), and the shape checks of initialize.</summary>
public sealed class MediaPermissionTests : MediaTestBase
{
    private static readonly SandboxOrganizationRole ContosoAdmin = new("urn:li:organization:123", "Contoso", "ADMINISTRATOR");

    public MediaPermissionTests(SandboxFixture fixture) : base(fixture) { }

    [Theory]
    [InlineData("images", "image")]
    [InlineData("documents", "document")]
    [InlineData("videos", "video")]
    public async Task Initialize_for_another_member_is_403_with_the_documented_body(string collection, string word)
    {
        var ada = await NewPosterAsync();
        var grace = await NewPosterAsync();

        using var response = await InitializeAsync(collection, ada.Token, grace.Urn, collection == "videos" ? 1000 : null);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal($"{{\"message\":\"Accessing this {word} resource is forbidden. Please check your permissions for this resource\",\"status\":403}}",
            await response.Content.ReadAsStringAsync());
        Assert.Empty(await Admin.GetAllMediaAsync());
    }

    [Fact]
    public async Task Initialize_without_any_write_scope_is_403()
    {
        var reader = await NewMemberAsync(["r_member_social", "openid", "profile"]);

        using var response = await InitializeAsync("images", reader.Token, reader.Urn);

        await ErrorAsync(response, 403);
    }

    [Fact]
    public async Task Initialize_for_an_organization_needs_w_organization_social_and_a_posting_role()
    {
        var admin = await NewMemberAsync(["w_organization_social"], ContosoAdmin);
        var withoutScope = await NewMemberAsync(["w_member_social"], ContosoAdmin);
        var analyst = await NewMemberAsync(["w_organization_social"], ContosoAdmin with { Role = "ANALYST" });
        var contentAdmin = await NewMemberAsync(["w_organization_social"], ContosoAdmin with { Role = "CONTENT_ADMIN" });

        using var allowed = await InitializeAsync("images", admin.Token, ContosoAdmin.Urn);
        using var alsoAllowed = await InitializeAsync("videos", contentAdmin.Token, ContosoAdmin.Urn, 1000);
        using var noScope = await InitializeAsync("images", withoutScope.Token, ContosoAdmin.Urn);
        using var noRole = await InitializeAsync("documents", analyst.Token, ContosoAdmin.Urn);
        using var ownself = await InitializeAsync("images", admin.Token, admin.Urn);

        Assert.Equal(200, (int)allowed.StatusCode);
        Assert.Equal(200, (int)alsoAllowed.StatusCode);
        await ErrorAsync(noScope, 403);
        await ErrorAsync(noRole, 403);
        await ErrorAsync(ownself, 403); // w_organization_social does not cover the member's own media
        var owners = (await Admin.GetAllMediaAsync()).Select(m => m.Owner).ToArray();
        Assert.Equal([ContosoAdmin.Urn, ContosoAdmin.Urn], owners);
    }

    [Fact]
    public async Task Status_of_someone_elses_media_is_403_and_of_unknown_media_404()
    {
        var ada = await NewPosterAsync();
        var grace = await NewPosterAsync();
        var image = await UploadedImageAsync(ada);

        using var foreign = await SendAsync(Rest(HttpMethod.Get, "rest/images/" + Enc(image), grace.Token));
        using var unknown = await SendAsync(Rest(HttpMethod.Get, "rest/images/" + Enc("urn:li:image:D4E10AQnothere"), ada.Token));
        using var wrongCollection = await SendAsync(Rest(HttpMethod.Get, "rest/videos/" + Enc(image), ada.Token));

        Assert.Contains("image resource is forbidden", (string)(await ErrorAsync(foreign, 403))["message"]!);
        Assert.Equal("Not Found: urn:li:image:D4E10AQnothere", (string)(await ErrorAsync(unknown, 404))["message"]!);
        await ErrorAsync(wrongCollection, 400);
    }

    [Fact]
    public async Task Media_calls_go_through_the_rest_gate()
    {
        var ada = await NewPosterAsync();

        using var noVersion = await SendAsync(Rest(HttpMethod.Post, "rest/images?action=initializeUpload", ada.Token, InitializeBody(ada.Urn), version: null));
        using var noToken = await SendAsync(Rest(HttpMethod.Post, "rest/images?action=initializeUpload", null, InitializeBody(ada.Urn)));

        Assert.Equal("VERSION_MISSING", (string)(await ErrorAsync(noVersion, 400))["code"]!);
        await ErrorAsync(noToken, 401);
    }

    [Fact]
    public async Task Initialize_reports_shape_problems_as_422()
    {
        var ada = await NewPosterAsync();

        using var badOwner = await InitializeAsync("images", ada.Token, "urn:li:group:1");
        using var extra = await SendAsync(Rest(HttpMethod.Post, "rest/documents?action=initializeUpload", ada.Token,
            "{\"initializeUploadRequest\":{\"owner\":\"" + ada.Urn + "\",\"fileSizeBytes\":10},\"extra\":1}"));
        using var missing = await SendAsync(Rest(HttpMethod.Post, "rest/images?action=initializeUpload", ada.Token, "{}"));

        Assert.Equal("INVALID_URN", InputErrors(await ErrorAsync(badOwner, 422))["initializeUploadRequest.owner"]);
        var extraErrors = InputErrors(await ErrorAsync(extra, 422));
        Assert.Equal("UNRECOGNIZED_FIELD", extraErrors["initializeUploadRequest.fileSizeBytes"]);
        Assert.Equal("UNRECOGNIZED_FIELD", extraErrors["extra"]);
        Assert.Equal("MISSING_REQUIRED_FIELD", InputErrors(await ErrorAsync(missing, 422))["initializeUploadRequest"]);
    }
}
