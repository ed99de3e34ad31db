using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>
/// Post content variants (linkedin-api.md 1.2): media, multiImage, article, poll, and reshares. Shape problems
/// are 422, rules that need the stored media and posts are 400; each names the field.
/// </summary>
public sealed class PostContentTests : MediaTestBase
{
    private static readonly SandboxOrganizationRole Contoso = new("urn:li:organization:123", "Contoso", "ADMINISTRATOR");

    public PostContentTests(SandboxFixture fixture) : base(fixture) { }

    /// <summary>
    /// Ada (who may post as herself and as Contoso) with media to refer to by placeholder: {image}, {image2},
    /// {video}, {document} and {orgImage} AVAILABLE; {processing} still PROCESSING; {failed} PROCESSING_FAILED;
    /// {foreign} an AVAILABLE image of Grace's. {141} and {31} are texts of that many characters.
    /// </summary>
    private async Task<(Actor Ada, Func<string, string> Fill)> ArrangeAsync()
    {
        var ada = await NewMemberAsync(["w_member_social", "r_member_social", "w_organization_social"], Contoso);
        var grace = await NewPosterAsync();
        foreach (var kind in Enum.GetValues<SandboxMediaKind>())
        {
            await Admin.SetProcessingTimeAsync(kind, TimeSpan.Zero);
        }
        var urns = new Dictionary<string, string>
        {
            ["{image}"] = await UploadedImageAsync(ada),
            ["{image2}"] = await UploadedImageAsync(ada),
            ["{orgImage}"] = await UploadedImageAsync(ada, Contoso.Urn),
            ["{foreign}"] = await UploadedImageAsync(grace),
            ["{video}"] = await AvailableVideoAsync(ada),
            ["{document}"] = await AvailableDocumentAsync(ada),
        };
        await Admin.FailNextProcessingAsync(SandboxMediaKind.Image);
        urns["{failed}"] = await UploadedImageAsync(ada);
        await Admin.SetProcessingTimeAsync(SandboxMediaKind.Image, TimeSpan.FromMinutes(1));
        urns["{processing}"] = await UploadedImageAsync(ada);
        urns["{141}"] = new string('q', 141);
        urns["{31}"] = new string('o', 31);
        return (ada, text => urns.Aggregate(text, (filled, pair) => filled.Replace(pair.Key, pair.Value, StringComparison.Ordinal)));
    }

    private async Task<string> AvailableVideoAsync(Actor actor)
    {
        var video = await InitializedVideoAsync(actor, 1_000);
        var etags = await UploadPartsAsync(video);
        using var finalized = await FinalizeAsync(actor.Token, (string)video["video"]!, etags);
        Assert.Equal(200, (int)finalized.StatusCode);
        return (string)video["video"]!;
    }

    private async Task<string> AvailableDocumentAsync(Actor actor)
    {
        var upload = await InitializedAsync("documents", actor);
        (await PutAsync(upload.UploadUrl, Bytes(MediaSamples.Pdf()))).Dispose();
        return upload.Urn;
    }

    private Task<HttpResponseMessage> CreateWithAsync(Actor actor, string commentary, Action<JsonObject> change, string? author = null) =>
        SendAsync(Rest(HttpMethod.Post, "rest/posts", actor.Token, PostBody(author ?? actor.Urn, commentary, change)));

    [Theory]
    [InlineData("{\"media\":{\"id\":\"{image}\",\"altText\":\"A chart (Q3) #growth\"}}")]
    [InlineData("{\"media\":{\"id\":\"{video}\",\"title\":\"Launch [final] cut\"}}")]
    [InlineData("{\"media\":{\"id\":\"{document}\",\"title\":\"deck.pdf\"}}")]
    [InlineData("{\"multiImage\":{\"images\":[{\"id\":\"{image}\",\"altText\":\"first\"},{\"id\":\"{image2}\"}]}}")]
    [InlineData("{\"article\":{\"source\":\"https://example.com/post?a=1\",\"title\":\"Why (and how) we ship #weekly\",\"description\":\"Notes_on @releases ~ <b>\",\"thumbnail\":\"{image}\"}}")]
    [InlineData("{\"article\":{\"source\":\"http://example.com/\",\"title\":\"No thumbnail\"}}")]
    [InlineData("{\"poll\":{\"question\":\"Tabs (or spaces)?\",\"options\":[{\"text\":\"Tabs\"},{\"text\":\"Spaces\"}],\"settings\":{\"duration\":\"THREE_DAYS\"}}}")]
    [InlineData("{\"poll\":{\"question\":\"{140}\",\"options\":[{\"text\":\"{30}\"},{\"text\":\"B\"},{\"text\":\"C\"},{\"text\":\"D\"}],\"settings\":{\"duration\":\"FOURTEEN_DAYS\",\"voteSelectionType\":\"SINGLE_VOTE\",\"isVoterVisibleToAuthor\":true}}}")]
    public async Task A_valid_content_variant_is_stored_exactly_and_returned_on_get(string contentJson)
    {
        var (ada, fill) = await ArrangeAsync();
        var content = JsonNode.Parse(fill(contentJson).Replace("{140}", new string('q', 140)).Replace("{30}", new string('o', 30)))!;

        using var created = await CreateWithAsync(ada, "Rich post", b => b["content"] = content.DeepClone());

        Assert.Equal(201, (int)created.StatusCode);
        var urn = Assert.Single(created.Headers.GetValues("x-restli-id"));
        using var get = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), ada.Token));
        Assert.True(JsonNode.DeepEquals(content, (await JsonAsync(get))["content"]));
        var stored = await Admin.GetPostAsync(urn);
        Assert.True(JsonNode.DeepEquals(content, JsonNode.Parse(stored!.ContentJson!)));
    }

    [Theory]
    [InlineData("{\"media\":{\"id\":\"urn:li:image:D4E10AQnothere0\"}}", 400, "content.media.id", "MEDIA_NOT_FOUND")]
    [InlineData("{\"media\":{\"id\":\"{foreign}\"}}", 400, "content.media.id", "MEDIA_OWNER_MISMATCH")]
    [InlineData("{\"media\":{\"id\":\"{orgImage}\"}}", 400, "content.media.id", "MEDIA_OWNER_MISMATCH")]
    [InlineData("{\"media\":{\"id\":\"{processing}\"}}", 400, "content.media.id", "MEDIA_NOT_AVAILABLE")]
    [InlineData("{\"media\":{\"id\":\"{failed}\"}}", 400, "content.media.id", "MEDIA_NOT_AVAILABLE")]
    [InlineData("{\"media\":{\"id\":\"{document}\"}}", 422, "content.media.title", "MISSING_REQUIRED_FIELD")]
    [InlineData("{\"media\":{\"id\":\"urn:li:share:1\"}}", 422, "content.media.id", "INVALID_URN")]
    [InlineData("{\"media\":{\"id\":\"{image}\",\"caption\":\"x\"}}", 422, "content.media.caption", "UNRECOGNIZED_FIELD")]
    [InlineData("{\"multiImage\":{\"images\":[{\"id\":\"{image}\"}]}}", 400, "content.multiImage.images", "FIELD_ARRAY_SIZE_TOO_LOW")]
    [InlineData("{\"multiImage\":{\"images\":[{\"id\":\"{image}\"},{\"id\":\"{video}\"}]}}", 422, "content.multiImage.images.1.id", "INVALID_URN")]
    [InlineData("{\"multiImage\":{\"images\":[{\"id\":\"{image}\"},{\"id\":\"{processing}\"}]}}", 400, "content.multiImage.images.1.id", "MEDIA_NOT_AVAILABLE")]
    [InlineData("{\"multiImage\":{\"images\":[{\"id\":\"{image}\"},{\"id\":\"{foreign}\"}]}}", 400, "content.multiImage.images.1.id", "MEDIA_OWNER_MISMATCH")]
    [InlineData("{\"article\":{\"source\":\"/relative/path\",\"title\":\"T\"}}", 422, "content.article.source", "INVALID_URL")]
    [InlineData("{\"article\":{\"source\":\"ftp://example.com/x\",\"title\":\"T\"}}", 422, "content.article.source", "INVALID_URL")]
    [InlineData("{\"article\":{\"source\":\"https://example.com\"}}", 422, "content.article.title", "MISSING_REQUIRED_FIELD")]
    [InlineData("{\"article\":{\"source\":\"https://example.com\",\"title\":\"  \"}}", 400, "content.article.title", "INVALID_VALUE")]
    [InlineData("{\"article\":{\"source\":\"https://example.com\",\"title\":\"T\",\"thumbnail\":\"{processing}\"}}", 400, "content.article.thumbnail", "MEDIA_NOT_AVAILABLE")]
    [InlineData("{\"article\":{\"source\":\"https://example.com\",\"title\":\"T\",\"thumbnail\":\"{document}\"}}", 422, "content.article.thumbnail", "INVALID_URN")]
    [InlineData("{\"poll\":{\"question\":\"Q\",\"options\":[{\"text\":\"A\"}],\"settings\":{\"duration\":\"ONE_DAY\"}}}", 400, "content.poll.options", "FIELD_ARRAY_SIZE_TOO_LOW")]
    [InlineData("{\"poll\":{\"question\":\"Q\",\"options\":[{\"text\":\"A\"},{\"text\":\"B\"},{\"text\":\"C\"},{\"text\":\"D\"},{\"text\":\"E\"}],\"settings\":{\"duration\":\"ONE_DAY\"}}}", 400, "content.poll.options", "FIELD_ARRAY_SIZE_TOO_HIGH")]
    [InlineData("{\"poll\":{\"question\":\"{141}\",\"options\":[{\"text\":\"A\"},{\"text\":\"B\"}],\"settings\":{\"duration\":\"ONE_DAY\"}}}", 400, "content.poll.question", "FIELD_LENGTH_TOO_LONG")]
    [InlineData("{\"poll\":{\"question\":\"Q\",\"options\":[{\"text\":\"{31}\"},{\"text\":\"B\"}],\"settings\":{\"duration\":\"ONE_DAY\"}}}", 400, "content.poll.options.0.text", "FIELD_LENGTH_TOO_LONG")]
    [InlineData("{\"poll\":{\"question\":\"Q\",\"options\":[{\"text\":\"A\"},{\"text\":\"\"}],\"settings\":{\"duration\":\"ONE_DAY\"}}}", 400, "content.poll.options.1.text", "INVALID_VALUE")]
    [InlineData("{\"poll\":{\"question\":\"Q\",\"options\":[{\"text\":\"A\"},{\"text\":\"B\"}],\"settings\":{\"duration\":\"ONE_DAY\",\"voteSelectionType\":\"MULTIPLE_VOTE\"}}}", 400, "content.poll.settings.voteSelectionType", "INVALID_VALUE")]
    [InlineData("{\"poll\":{\"question\":\"Q\",\"options\":[{\"text\":\"A\"},{\"text\":\"B\"}],\"settings\":{\"duration\":\"ONE_DAY\",\"isVoterVisibleToAuthor\":false}}}", 400, "content.poll.settings.isVoterVisibleToAuthor", "INVALID_VALUE")]
    [InlineData("{\"poll\":{\"question\":\"Q\",\"options\":[{\"text\":\"A\"},{\"text\":\"B\"}],\"settings\":{\"duration\":\"TWO_DAYS\"}}}", 422, "content.poll.settings.duration", "INVALID_ENUM_VALUE")]
    [InlineData("{\"poll\":{\"question\":\"Q\",\"options\":[{\"text\":\"A\"},{\"text\":\"B\"}]}}", 422, "content.poll.settings", "MISSING_REQUIRED_FIELD")]
    [InlineData("{}", 422, "content", "INVALID_UNION")]
    [InlineData("{\"media\":null}", 422, "content.media", "INVALID_FIELD_TYPE")]
    [InlineData("{\"media\":{\"id\":\"{image}\"},\"article\":{\"source\":\"https://example.com\",\"title\":\"T\"}}", 422, "content", "INVALID_UNION")]
    [InlineData("{\"carousel\":{\"cards\":[]}}", 422, "content.carousel", "UNRECOGNIZED_FIELD")]
    public async Task An_invalid_content_variant_is_refused_naming_the_field(string contentJson, int status, string path, string code)
    {
        var (ada, fill) = await ArrangeAsync();

        using var response = await CreateWithAsync(ada, "Rich post", b => b["content"] = JsonNode.Parse(fill(contentJson)));

        var body = await ErrorAsync(response, status);
        var errors = body["errorDetails"]!["inputErrors"]!.AsArray()
            .Select(e => ((string)e!["input"]!["inputPath"]!["fieldPath"]!, (string)e["code"]!));
        Assert.Contains((path, code), errors);
        Assert.Empty(await Admin.GetPostsAsync());
    }

    [Fact]
    public async Task Multi_image_takes_at_most_20_images()
    {
        var (ada, fill) = await ArrangeAsync();
        var images = new JsonArray(Enumerable.Repeat(fill("{image}"), 21).Select(id => (JsonNode)new JsonObject { ["id"] = id }).ToArray());

        using var response = await CreateWithAsync(ada, "Too many", b => b["content"] = new JsonObject { ["multiImage"] = new JsonObject { ["images"] = images } });

        Assert.Contains(("content.multiImage.images", "FIELD_ARRAY_SIZE_TOO_HIGH"), RuleErrors(await ErrorAsync(response, 400)));
    }

    [Theory]
    [InlineData("{\"multiImage\":{\"images\":[{\"id\":\"{image}\"},{\"id\":\"{image2}\"}]}}", "content.multiImage")]
    [InlineData("{\"poll\":{\"question\":\"Q\",\"options\":[{\"text\":\"A\"},{\"text\":\"B\"}],\"settings\":{\"duration\":\"ONE_DAY\"}}}", "content.poll")]
    public async Task Multi_image_and_poll_are_for_organic_posts_only(string contentJson, string path)
    {
        var (ada, fill) = await ArrangeAsync();

        using var dark = await CreateWithAsync(ada, "Dark post", b =>
        {
            b["content"] = JsonNode.Parse(fill(contentJson));
            b["distribution"]!["feedDistribution"] = "NONE";
        });
        using var single = await CreateWithAsync(ada, "Dark single image", b =>
        {
            b["content"] = JsonNode.Parse(fill("{\"media\":{\"id\":\"{image}\"}}"));
            b["distribution"]!["feedDistribution"] = "NONE";
        });

        Assert.Contains((path, "ORGANIC_ONLY"), RuleErrors(await ErrorAsync(dark, 400)));
        Assert.Equal(201, (int)single.StatusCode);
    }

    [Fact]
    public async Task An_organization_post_takes_the_organizations_media()
    {
        var (ada, fill) = await ArrangeAsync();

        using var response = await CreateWithAsync(ada, "From the page", b => b["content"] = JsonNode.Parse(fill("{\"media\":{\"id\":\"{orgImage}\"}}")), Contoso.Urn);

        Assert.Equal(201, (int)response.StatusCode);
    }

    [Fact]
    public async Task Every_content_problem_is_reported_in_one_400()
    {
        var (ada, fill) = await ArrangeAsync();

        using var response = await CreateWithAsync(ada, "Two problems",
            b => b["content"] = JsonNode.Parse(fill("{\"multiImage\":{\"images\":[{\"id\":\"{processing}\"}]}}")));

        var body = await ErrorAsync(response, 400);
        Assert.Equal(
            [("content.multiImage.images", "FIELD_ARRAY_SIZE_TOO_LOW"), ("content.multiImage.images.0.id", "MEDIA_NOT_AVAILABLE")],
            RuleErrors(body).ToArray());
        Assert.Contains("is PROCESSING; a post can use it only once it is AVAILABLE", (string)body["message"]!);
    }

    [Fact]
    public async Task Permissions_are_checked_before_content()
    {
        var (ada, fill) = await ArrangeAsync();
        var grace = await NewPosterAsync();

        using var response = await CreateWithAsync(grace, "Not mine", b => b["content"] = JsonNode.Parse(fill("{\"media\":{\"id\":\"{processing}\"}}")), ada.Urn);

        await ErrorAsync(response, 403);
    }

    [Fact]
    public async Task A_reshare_with_empty_commentary_is_stored_with_linkedins_root()
    {
        var ada = await NewPosterAsync();
        var original = await CreatedUrnAsync(ada, "Original");

        using var first = await CreateWithAsync(ada, "", b => b["reshareContext"] = new JsonObject { ["parent"] = original });
        var firstUrn = Assert.Single(first.Headers.GetValues("x-restli-id"));
        using var second = await CreateWithAsync(ada, "", b => b["reshareContext"] = new JsonObject { ["parent"] = firstUrn });
        var secondUrn = Assert.Single(second.Headers.GetValues("x-restli-id"));

        Assert.Equal(201, (int)first.StatusCode);
        using var get = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(secondUrn), ada.Token));
        var reshare = (await JsonAsync(get))["reshareContext"]!;
        Assert.Equal(firstUrn, (string)reshare["parent"]!);
        Assert.Equal(original, (string)reshare["root"]!);
        Assert.Equal("", (string)(await JsonAsync(get))["commentary"]!);
        Assert.Equal(firstUrn, (await Admin.GetPostAsync(secondUrn))!.ReshareParent);
    }

    [Fact]
    public async Task A_reshare_of_a_missing_or_deleted_post_is_400()
    {
        var ada = await NewPosterAsync();
        var deleted = await CreatedUrnAsync(ada, "Soon gone");
        (await SendAsync(Rest(HttpMethod.Delete, "rest/posts/" + Enc(deleted), ada.Token))).Dispose();

        using var missing = await CreateWithAsync(ada, "", b => b["reshareContext"] = new JsonObject { ["parent"] = "urn:li:share:7000000000000000001" });
        using var gone = await CreateWithAsync(ada, "", b => b["reshareContext"] = new JsonObject { ["parent"] = deleted });

        Assert.Contains(("reshareContext.parent", "RESHARE_PARENT_NOT_FOUND"), RuleErrors(await ErrorAsync(missing, 400)));
        Assert.Contains(("reshareContext.parent", "RESHARE_PARENT_NOT_FOUND"), RuleErrors(await ErrorAsync(gone, 400)));
    }

    [Fact]
    public async Task A_reshare_of_a_post_whose_author_disabled_reshares_is_400()
    {
        var ada = await NewPosterAsync();
        using var locked = await SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "No reshares", b => b["isReshareDisabledByAuthor"] = true)));
        var lockedUrn = Assert.Single(locked.Headers.GetValues("x-restli-id"));

        using var response = await CreateWithAsync(ada, "", b => b["reshareContext"] = new JsonObject { ["parent"] = lockedUrn });

        Assert.Contains(("reshareContext.parent", "RESHARE_DISABLED"), RuleErrors(await ErrorAsync(response, 400)));
    }

    [Fact]
    public async Task A_reshare_carries_no_content_and_no_root_of_its_own()
    {
        var (ada, fill) = await ArrangeAsync();
        var original = await CreatedUrnAsync(ada, "Original");

        using var withContent = await CreateWithAsync(ada, "", b =>
        {
            b["reshareContext"] = new JsonObject { ["parent"] = original };
            b["content"] = JsonNode.Parse(fill("{\"media\":{\"id\":\"{image}\"}}"));
        });
        using var withRoot = await CreateWithAsync(ada, "", b => b["reshareContext"] = new JsonObject { ["parent"] = original, ["root"] = original });
        using var notAPost = await CreateWithAsync(ada, "", b => b["reshareContext"] = new JsonObject { ["parent"] = "urn:li:image:x" });

        Assert.Contains(("reshareContext", "INVALID_VALUE"), RuleErrors(await ErrorAsync(withContent, 400)));
        Assert.Equal("READ_ONLY_FIELD", InputErrors(await ErrorAsync(withRoot, 422))["reshareContext.root"]);
        Assert.Equal("INVALID_URN", InputErrors(await ErrorAsync(notAPost, 422))["reshareContext.parent"]);
    }

    [Fact]
    public async Task Setting_a_reshare_context_by_partial_update_checks_the_parent_too()
    {
        var ada = await NewPosterAsync();
        var original = await CreatedUrnAsync(ada, "Original");
        var later = await CreatedUrnAsync(ada, "Later");

        using var missing = await SendAsync(Rest(HttpMethod.Post, "rest/posts/" + Enc(later), ada.Token,
            "{\"patch\":{\"$set\":{\"reshareContext\":{\"parent\":\"urn:li:share:7000000000000000001\"}}}}"));
        using var itself = await SendAsync(Rest(HttpMethod.Post, "rest/posts/" + Enc(later), ada.Token,
            "{\"patch\":{\"$set\":{\"reshareContext\":{\"parent\":\"" + later + "\"}}}}"));
        using var fine = await SendAsync(Rest(HttpMethod.Post, "rest/posts/" + Enc(later), ada.Token,
            "{\"patch\":{\"$set\":{\"reshareContext\":{\"parent\":\"" + original + "\"}}}}"));

        Assert.Contains(("reshareContext.parent", "RESHARE_PARENT_NOT_FOUND"), RuleErrors(await ErrorAsync(missing, 400)));
        Assert.Contains(("reshareContext.parent", "INVALID_VALUE"), RuleErrors(await ErrorAsync(itself, 400)));
        Assert.Equal(204, (int)fine.StatusCode);
        Assert.Equal(original, (await Admin.GetPostAsync(later))!.ReshareParent);
    }

    [Fact]
    public async Task A_partial_update_cannot_make_a_reshare_cycle()
    {
        var ada = await NewPosterAsync();
        var original = await CreatedUrnAsync(ada, "Original");
        using var reshared = await CreateWithAsync(ada, "", b => b["reshareContext"] = new JsonObject { ["parent"] = original });
        var reshare = Assert.Single(reshared.Headers.GetValues("x-restli-id"));

        using var cycle = await SendAsync(Rest(HttpMethod.Post, "rest/posts/" + Enc(original), ada.Token,
            "{\"patch\":{\"$set\":{\"reshareContext\":{\"parent\":\"" + reshare + "\"}}}}"));

        Assert.Contains("cannot reshare itself", (string)(await ErrorAsync(cycle, 400))["message"]!);
        Assert.Null((await Admin.GetPostAsync(original))!.ReshareParent);
    }
}
