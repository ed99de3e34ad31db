using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>Get (1.3), the author finder (1.4) and batch get (1.5).</summary>
public sealed class PostReadTests : SandboxTestBase
{
    public PostReadTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public async Task Get_returns_linkedins_post_shape()
    {
        var ada = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "Shape check");
        var stored = await Admin.GetPostAsync(urn);

        using var response = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), ada.Token));

        Assert.Equal(200, (int)response.StatusCode);
        var post = await JsonAsync(response);
        Assert.Equal(urn, (string)post["id"]!);
        Assert.Equal(ada.Urn, (string)post["author"]!);
        Assert.Equal("Shape check", (string)post["commentary"]!);
        Assert.Equal("PUBLIC", (string)post["visibility"]!);
        Assert.Equal("PUBLISHED", (string)post["lifecycleState"]!);
        Assert.False((bool)post["isReshareDisabledByAuthor"]!);
        Assert.Equal("MAIN_FEED", (string)post["distribution"]!["feedDistribution"]!);
        Assert.Empty(post["distribution"]!["thirdPartyDistributionChannels"]!.AsArray());
        Assert.False((bool)post["lifecycleStateInfo"]!["isEditedByAuthor"]!);
        Assert.Equal(stored!.CreatedAt.ToUnixTimeMilliseconds(), (long)post["createdAt"]!);
        Assert.Equal(stored.LastModifiedAt.ToUnixTimeMilliseconds(), (long)post["lastModifiedAt"]!);
        Assert.NotNull(post["publishedAt"]);
    }

    [Fact]
    public async Task Get_of_an_unknown_post_is_404_with_linkedins_envelope()
    {
        var ada = await NewPosterAsync();

        using var response = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc("urn:li:share:7000000000000000001"), ada.Token));

        var body = await ErrorAsync(response, 404);
        Assert.Contains("urn:li:share:7000000000000000001", (string)body["message"]!);
    }

    [Fact]
    public async Task Get_of_a_deleted_post_is_404()
    {
        var ada = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "Soon gone");
        (await SendAsync(Rest(HttpMethod.Delete, "rest/posts/" + Enc(urn), ada.Token))).Dispose();

        using var response = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), ada.Token));

        await ErrorAsync(response, 404);
    }

    [Fact]
    public async Task Reading_own_posts_without_r_member_social_is_403_naming_it()
    {
        var writer = await NewMemberAsync(["w_member_social"]);
        var urn = await CreatedUrnAsync(writer, "Write only");

        using var get = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), writer.Token));
        using var finder = await SendAsync(Rest(HttpMethod.Get, $"rest/posts?q=author&author={Enc(writer.Urn)}", writer.Token));

        Assert.EndsWith("(missing permission: r_member_social)", (string)(await ErrorAsync(get, 403))["message"]!);
        Assert.EndsWith("(missing permission: r_member_social)", (string)(await ErrorAsync(finder, 403))["message"]!);
    }

    [Fact]
    public async Task Reading_another_members_posts_is_403()
    {
        var ada = await NewPosterAsync();
        var grace = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "Ada's post");

        using var response = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), grace.Token));

        Assert.Contains("r_member_social for " + ada.Urn, (string)(await ErrorAsync(response, 403))["message"]!);
    }

    [Fact]
    public async Task Reading_an_organizations_posts_needs_r_organization_social_and_a_role()
    {
        var contoso = new SandboxOrganizationRole("urn:li:organization:555", "Contoso", "ADMINISTRATOR");
        var admin = await NewMemberAsync(["w_organization_social", "r_organization_social"], contoso);
        var urn = await CreatedUrnAsync(admin, "Page news", author: contoso.Urn);
        var analyst = await NewMemberAsync(["r_organization_social"], contoso with { Role = "ANALYST" });
        var outsider = await NewMemberAsync(["r_organization_social"]);
        var noScope = await NewMemberAsync(["r_member_social"], contoso);

        using var byAnalyst = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), analyst.Token));
        using var byOutsider = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), outsider.Token));
        using var withoutScope = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), noScope.Token));

        Assert.Equal(200, (int)byAnalyst.StatusCode);
        Assert.Contains("a role on urn:li:organization:555", (string)(await ErrorAsync(byOutsider, 403))["message"]!);
        Assert.EndsWith("(missing permission: r_organization_social)", (string)(await ErrorAsync(withoutScope, 403))["message"]!);
    }

    [Fact]
    public async Task A_draft_is_hidden_from_the_reader_view_and_shown_in_the_author_view()
    {
        var ada = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "Back to draft");
        using (var update = await SendAsync(Rest(HttpMethod.Post, "rest/posts/" + Enc(urn), ada.Token,
                   "{\"patch\":{\"$set\":{\"lifecycleState\":\"DRAFT\"}}}", restLiMethod: "PARTIAL_UPDATE")))
        {
            Assert.Equal(204, (int)update.StatusCode);
        }

        using var reader = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), ada.Token));
        using var author = await SendAsync(Rest(HttpMethod.Get, $"rest/posts/{Enc(urn)}?viewContext=AUTHOR", ada.Token));
        using var invalid = await SendAsync(Rest(HttpMethod.Get, $"rest/posts/{Enc(urn)}?viewContext=EDITOR", ada.Token));

        await ErrorAsync(reader, 404);
        Assert.Equal("DRAFT", (string)(await JsonAsync(author))["lifecycleState"]!);
        await ErrorAsync(invalid, 400);
    }

    [Fact]
    public async Task Finder_pages_newest_first_with_a_next_link_only_while_more_exist()
    {
        var ada = await NewPosterAsync();
        var first = await CreatedUrnAsync(ada, "one");
        await Admin.AdvanceClockAsync(TimeSpan.FromSeconds(5));
        var second = await CreatedUrnAsync(ada, "two");
        await Admin.AdvanceClockAsync(TimeSpan.FromSeconds(5));
        var third = await CreatedUrnAsync(ada, "three");

        using var page1 = await SendAsync(Rest(HttpMethod.Get, $"rest/posts?q=author&author={Enc(ada.Urn)}&count=2", ada.Token));
        var body1 = await JsonAsync(page1);
        Assert.Equal(new[] { third, second }, body1["elements"]!.AsArray().Select(e => (string)e!["id"]!));
        Assert.Equal(0, (int)body1["paging"]!["start"]!);
        Assert.Equal(2, (int)body1["paging"]!["count"]!);
        Assert.Equal(3, (int)body1["paging"]!["total"]!);
        var next = Assert.Single(body1["paging"]!["links"]!.AsArray())!;
        Assert.Equal("next", (string)next["rel"]!);
        Assert.Equal("application/json", (string)next["type"]!);
        var href = (string)next["href"]!;
        Assert.StartsWith("/rest/posts?", href);
        Assert.Contains("start=2", href);

        using var page2 = await SendAsync(Rest(HttpMethod.Get, href.TrimStart('/'), ada.Token));
        var body2 = await JsonAsync(page2);
        Assert.Equal(first, (string)Assert.Single(body2["elements"]!.AsArray())!["id"]!);
        Assert.Empty(body2["paging"]!["links"]!.AsArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("FINDER")]
    [InlineData("finder")]
    public async Task Finder_works_with_or_without_the_finder_header(string? restLiMethod)
    {
        var ada = await NewPosterAsync();
        await CreatedUrnAsync(ada, "Findable");

        using var response = await SendAsync(Rest(HttpMethod.Get, $"rest/posts?q=author&author={Enc(ada.Urn)}", ada.Token, restLiMethod: restLiMethod));

        var body = await JsonAsync(response);
        Assert.Single(body["elements"]!.AsArray());
        Assert.Equal(10, (int)body["paging"]!["count"]!);
    }

    [Theory]
    [InlineData("count=101", "count")]
    [InlineData("count=-1", "count")]
    [InlineData("start=x", "start")]
    [InlineData("sortBy=NEWEST", "sortBy")]
    public async Task Finder_rejects_bad_paging_and_sorting_with_400(string query, string parameter)
    {
        var ada = await NewPosterAsync();

        using var response = await SendAsync(Rest(HttpMethod.Get, $"rest/posts?q=author&author={Enc(ada.Urn)}&{query}", ada.Token));

        Assert.Equal("PARAM_INVALID", InputErrors(await ErrorAsync(response, 400))[parameter]);
    }

    [Fact]
    public async Task Finder_accepts_count_100()
    {
        var ada = await NewPosterAsync();

        using var response = await SendAsync(Rest(HttpMethod.Get, $"rest/posts?q=author&author={Enc(ada.Urn)}&count=100", ada.Token));

        Assert.Equal(100, (int)(await JsonAsync(response))["paging"]!["count"]!);
    }

    [Fact]
    public async Task Finder_does_not_list_deleted_posts()
    {
        var ada = await NewPosterAsync();
        var kept = await CreatedUrnAsync(ada, "kept");
        var gone = await CreatedUrnAsync(ada, "gone");
        (await SendAsync(Rest(HttpMethod.Delete, "rest/posts/" + Enc(gone), ada.Token))).Dispose();

        using var response = await SendAsync(Rest(HttpMethod.Get, $"rest/posts?q=author&author={Enc(ada.Urn)}", ada.Token));

        var body = await JsonAsync(response);
        Assert.Equal(kept, (string)Assert.Single(body["elements"]!.AsArray())!["id"]!);
        Assert.Equal(1, (int)body["paging"]!["total"]!);
    }

    [Fact]
    public async Task Finder_sorts_by_last_modified_by_default_and_by_creation_on_request()
    {
        var ada = await NewPosterAsync();
        var older = await CreatedUrnAsync(ada, "older");
        await Admin.AdvanceClockAsync(TimeSpan.FromMinutes(1));
        var newer = await CreatedUrnAsync(ada, "newer");
        await Admin.AdvanceClockAsync(TimeSpan.FromMinutes(1));
        (await SendAsync(Rest(HttpMethod.Post, "rest/posts/" + Enc(older), ada.Token,
            "{\"patch\":{\"$set\":{\"commentary\":\"older, edited\"}}}", restLiMethod: "PARTIAL_UPDATE"))).Dispose();

        using var byModified = await SendAsync(Rest(HttpMethod.Get, $"rest/posts?q=author&author={Enc(ada.Urn)}", ada.Token));
        using var byCreated = await SendAsync(Rest(HttpMethod.Get, $"rest/posts?q=author&author={Enc(ada.Urn)}&sortBy=CREATED", ada.Token));

        Assert.Equal(new[] { older, newer }, Ids(await JsonAsync(byModified)));
        Assert.Equal(new[] { newer, older }, Ids(await JsonAsync(byCreated)));
    }

    [Fact]
    public async Task Batch_get_returns_results_statuses_and_errors_keyed_by_encoded_urn()
    {
        var ada = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "In a batch");
        const string missing = "urn:li:ugcPost:7000000000000000002";

        using var response = await SendAsync(Rest(HttpMethod.Get, $"rest/posts?ids=List({Enc(urn)},{Enc(missing)})", ada.Token, restLiMethod: "BATCH_GET"));

        Assert.Equal(200, (int)response.StatusCode);
        var body = await JsonAsync(response);
        var result = Assert.Single(body["results"]!.AsObject());
        Assert.Equal(Enc(urn), result.Key);
        Assert.Equal(urn, (string)result.Value!["id"]!);
        Assert.Equal(200, (int)body["statuses"]![Enc(urn)]!);
        var error = Assert.Single(body["errors"]!.AsObject());
        Assert.Equal(Enc(missing), error.Key);
        Assert.Equal(404, (int)error.Value!["status"]!);
        Assert.Contains(missing, (string)error.Value!["message"]!);
    }

    [Fact]
    public async Task Batch_get_with_a_finder_method_header_is_400()
    {
        var ada = await NewPosterAsync();

        using var response = await SendAsync(Rest(HttpMethod.Get, "rest/posts?ids=List(urn%3Ali%3Ashare%3A1)", ada.Token, restLiMethod: "FINDER"));

        await ErrorAsync(response, 400);
    }

    private static string[] Ids(JsonObject collection) =>
        collection["elements"]!.AsArray().Select(e => (string)e!["id"]!).ToArray();
}
