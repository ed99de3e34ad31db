using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

public sealed class PostCreateTests : SandboxTestBase
{
    public PostCreateTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public async Task Create_answers_201_with_empty_body_and_the_urn_in_both_id_headers()
    {
        var ada = await NewPosterAsync();

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Hello from the sandbox");

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var restliId = Assert.Single(response.Headers.GetValues("x-restli-id"));
        Assert.Equal(restliId, Assert.Single(response.Headers.GetValues("x-linkedin-id")));
        Assert.Matches(new Regex(@"^urn:li:share:[0-9]{19}$"), restliId);
        var stored = await Admin.GetPostAsync(restliId);
        Assert.NotNull(stored);
        Assert.Equal(ada.Urn, stored.Author);
        Assert.Equal("Hello from the sandbox", stored.Commentary);
        Assert.Equal("PUBLISHED", stored.LifecycleState);
    }

    [Fact]
    public async Task Create_timestamps_come_from_the_sandbox_clock()
    {
        var ada = await NewPosterAsync();
        // Within the token's 60 days, and in a month where 202701 is active.
        var clock = new DateTimeOffset(2027, 1, 10, 8, 30, 0, TimeSpan.Zero);
        await Admin.SetClockAsync(clock);

        var urn = await CreatedUrnAsync(ada, "Clocked");

        using var response = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), ada.Token, version: "202701"));
        var post = await JsonAsync(response);
        var createdAt = DateTimeOffset.FromUnixTimeMilliseconds((long)post["createdAt"]!);
        Assert.InRange(createdAt, clock, clock.AddSeconds(10));
        Assert.Equal((long)post["createdAt"]!, (long)post["publishedAt"]!);
    }

    [Fact]
    public async Task Create_as_an_organization_needs_the_org_scope_and_a_posting_role()
    {
        var contoso = new SandboxOrganizationRole("urn:li:organization:123", "Contoso", "ADMINISTRATOR");
        var admin = await NewMemberAsync(["w_organization_social"], contoso);

        using var response = await CreatePostAsync(admin.Token, contoso.Urn, "From the page");

        Assert.Equal(201, (int)response.StatusCode);
        var stored = Assert.Single(await Admin.GetPostsAsync());
        Assert.Equal(contoso.Urn, stored.Author);
    }

    [Fact]
    public async Task Create_without_w_member_social_is_403_naming_the_missing_scope()
    {
        var reader = await NewMemberAsync(["r_member_social", "openid", "profile"]);

        using var response = await CreatePostAsync(reader.Token, reader.Urn, "Not allowed");

        var body = await ErrorAsync(response, 403);
        Assert.Equal("ACCESS_DENIED", (string)body["code"]!);
        Assert.Equal(100, (int)body["serviceErrorCode"]!);
        Assert.Equal("Not enough permissions to access: partnerApiPostsExternal.CREATE.20261101 (missing permission: w_member_social)",
            (string)body["message"]!);
        Assert.Empty(await Admin.GetPostsAsync());
    }

    [Fact]
    public async Task Create_as_another_person_is_403()
    {
        var ada = await NewPosterAsync();
        var grace = await NewPosterAsync();

        using var response = await CreatePostAsync(ada.Token, grace.Urn, "Impersonation");

        var body = await ErrorAsync(response, 403);
        Assert.Contains("missing permission: w_member_social for " + grace.Urn, (string)body["message"]!);
    }

    [Fact]
    public async Task Create_as_an_organization_without_w_organization_social_is_403_naming_it()
    {
        var contoso = new SandboxOrganizationRole("urn:li:organization:123", "Contoso", "ADMINISTRATOR");
        var admin = await NewMemberAsync(["w_member_social"], contoso);

        using var response = await CreatePostAsync(admin.Token, contoso.Urn, "Page post");

        var body = await ErrorAsync(response, 403);
        Assert.EndsWith("(missing permission: w_organization_social)", (string)body["message"]!);
    }

    [Fact]
    public async Task Create_as_an_organization_without_a_posting_role_is_403_naming_the_roles()
    {
        var contoso = new SandboxOrganizationRole("urn:li:organization:123", "Contoso", "ANALYST");
        var analyst = await NewMemberAsync(["w_organization_social"], contoso);

        using var response = await CreatePostAsync(analyst.Token, contoso.Urn, "Page post");

        var body = await ErrorAsync(response, 403);
        Assert.Contains("missing permission: ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMIN role on urn:li:organization:123",
            (string)body["message"]!);
    }

    [Fact]
    public async Task Create_reports_every_schema_violation_in_one_422()
    {
        var ada = await NewPosterAsync();
        var json = PostBody(ada.Urn, "x", body =>
        {
            body.Remove("author");
            body.Remove("commentary");
            body["visibility"] = "EVERYONE";
            body["distribution"] = new JsonObject();
            body["id"] = "urn:li:share:1";
        });

        using var response = await SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, json));

        var body = await ErrorAsync(response, 422);
        Assert.Equal("com.linkedin.common.error.BadRequest", (string)body["errorDetailType"]!);
        var errors = InputErrors(body);
        Assert.Equal("MISSING_REQUIRED_FIELD", errors["author"]);
        Assert.Equal("MISSING_REQUIRED_FIELD", errors["commentary"]);
        Assert.Equal("INVALID_ENUM_VALUE", errors["visibility"]);
        Assert.Equal("MISSING_REQUIRED_FIELD", errors["distribution.feedDistribution"]);
        Assert.Equal("READ_ONLY_FIELD", errors["id"]);
        Assert.Contains("ERROR :: /author :: field is required", (string)body["message"]!);
    }

    [Theory]
    [InlineData("urn:li:group:42")]
    [InlineData("urn:li:share:7045020441609936898")]
    [InlineData("ada")]
    public async Task Create_with_an_author_that_is_not_a_person_or_organization_is_422(string author)
    {
        var ada = await NewPosterAsync();

        using var response = await CreatePostAsync(ada.Token, author, "Who am I");

        var body = await ErrorAsync(response, 422);
        Assert.Equal("INVALID_URN", InputErrors(body)["author"]);
    }

    [Fact]
    public async Task Create_with_commentary_of_the_wrong_type_is_422()
    {
        var ada = await NewPosterAsync();

        using var response = await SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "", b => b["commentary"] = 42)));

        Assert.Equal("INVALID_FIELD_TYPE", InputErrors(await ErrorAsync(response, 422))["commentary"]);
    }

    [Theory]
    [InlineData("DRAFT")]
    [InlineData("PUBLISH_REQUESTED")]
    public async Task Create_with_a_lifecycle_state_other_than_published_is_400(string state)
    {
        var ada = await NewPosterAsync();

        using var response = await SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "Draft?", b => b["lifecycleState"] = state)));

        var body = await ErrorAsync(response, 400);
        Assert.Equal("INVALID_VALUE", InputErrors(body)["lifecycleState"]);
        Assert.Empty(await Admin.GetPostsAsync());
    }

    [Fact]
    public async Task Create_with_feed_distribution_outside_the_enum_is_422()
    {
        var ada = await NewPosterAsync();

        using var response = await SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token,
            PostBody(ada.Urn, "Feed", b => b["distribution"]!["feedDistribution"] = "EVERYWHERE")));

        Assert.Equal("INVALID_ENUM_VALUE", InputErrors(await ErrorAsync(response, 422))["distribution.feedDistribution"]);
    }

    [Fact]
    public async Task Create_with_a_body_that_is_not_json_is_400()
    {
        var ada = await NewPosterAsync();

        using var response = await SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, "{\"author\":"));

        var body = await ErrorAsync(response, 400);
        Assert.StartsWith("Unable to parse the request body as JSON", (string)body["message"]!);
    }

    [Fact]
    public async Task Create_with_a_contradicting_restli_method_is_400_but_create_in_lowercase_is_fine()
    {
        var ada = await NewPosterAsync();

        using var wrong = await SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "One"), restLiMethod: "PARTIAL_UPDATE"));
        using var lower = await SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "Two"), restLiMethod: "create"));

        await ErrorAsync(wrong, 400);
        Assert.Equal(201, (int)lower.StatusCode);
    }

    [Fact]
    public async Task Create_keeps_optional_fields_and_returns_them_on_get()
    {
        var ada = await NewPosterAsync();
        var json = PostBody(ada.Urn, "With a landing page", b =>
        {
            b["contentLandingPage"] = "https://example.com/landing";
            b["contentCallToActionLabel"] = "LEARN_MORE";
            b["isReshareDisabledByAuthor"] = true;
        });
        using var created = await SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, json));
        var urn = Assert.Single(created.Headers.GetValues("x-restli-id"));

        using var response = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), ada.Token));

        var post = await JsonAsync(response);
        Assert.Equal("https://example.com/landing", (string)post["contentLandingPage"]!);
        Assert.Equal("LEARN_MORE", (string)post["contentCallToActionLabel"]!);
        Assert.True((bool)post["isReshareDisabledByAuthor"]!);
    }
}
