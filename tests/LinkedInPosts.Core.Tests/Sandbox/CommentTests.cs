using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>Comments through <c>POST /rest/socialActions/{post}/comments</c>: plain text, the member or a page they comment for.</summary>
public sealed class CommentTests : SandboxTestBase
{
    private static readonly SandboxOrganizationRole Contoso = new("urn:li:organization:123", "Contoso", "ADMINISTRATOR");

    public CommentTests(SandboxFixture fixture) : base(fixture) { }

    private static string CommentBody(string actor, string post, string text) => new JsonObject
    {
        ["actor"] = actor,
        ["object"] = post,
        ["message"] = new JsonObject { ["text"] = text },
    }.ToJsonString();

    private Task<HttpResponseMessage> CommentAsync(Actor caller, string post, string text, string? actor = null, string? target = null) =>
        SendAsync(Rest(HttpMethod.Post, $"rest/socialActions/{Enc(post)}/comments", caller.Token, CommentBody(actor ?? caller.Urn, target ?? post, text)));

    [Fact]
    public async Task A_comment_is_201_with_its_id_in_x_restli_id_and_the_comment_in_the_body()
    {
        var ada = await NewPosterAsync();
        var post = await CreatedUrnAsync(ada, "Comment on me");

        using var response = await CommentAsync(ada, post, "First!");

        Assert.Equal(201, (int)response.StatusCode);
        var id = Assert.Single(response.Headers.GetValues("x-restli-id"));
        Assert.Matches(new Regex("^[0-9]{19}$"), id);
        Assert.Equal(id, Assert.Single(response.Headers.GetValues("x-linkedin-id")));
        var comment = await JsonAsync(response);
        Assert.Equal(id, (string)comment["id"]!);
        Assert.Equal($"urn:li:comment:({post},{id})", (string)comment["commentUrn"]!);
        Assert.Equal((string)comment["commentUrn"]!, (string)comment["$URN"]!);
        Assert.Equal(ada.Urn, (string)comment["actor"]!);
        Assert.Equal(post, (string)comment["object"]!);
        Assert.Equal("First!", (string)comment["message"]!["text"]!);
        Assert.Equal(SandboxFixture.StartTime.ToUnixTimeMilliseconds(), (long)comment["created"]!["time"]!, 10_000d);
        var stored = Assert.Single(await Admin.GetCommentsAsync(post));
        Assert.Equal(id, stored.Id);
        Assert.Equal(ada.Urn, stored.Agent);
    }

    [Fact]
    public async Task Comment_text_is_not_little_text_and_is_stored_exactly_as_sent()
    {
        var ada = await NewPosterAsync();
        var post = await CreatedUrnAsync(ada, "Comment on me");
        const string text = "Agreed (mostly) - see #7, @[not a mention] and {this} | that_ *stars* ~ <tags> \\ back";

        using var response = await CommentAsync(ada, post, text);

        Assert.Equal(text, (string)(await JsonAsync(response))["message"]!["text"]!);
        Assert.Equal(text, Assert.Single(await Admin.GetCommentsAsync(post)).Text);
    }

    [Fact]
    public async Task A_page_comments_through_a_member_with_a_commenting_role()
    {
        var ada = await NewPosterAsync();
        var post = await CreatedUrnAsync(ada, "Comment on me");
        var admin = await NewMemberAsync(["w_organization_social"], Contoso);
        var recruiter = await NewMemberAsync(["w_organization_social"], Contoso with { Role = "RECRUITING_POSTER" });
        var contentAdmin = await NewMemberAsync(["w_organization_social"], Contoso with { Role = "CONTENT_ADMIN" });
        var noScope = await NewMemberAsync(["w_member_social"], Contoso);

        using var byAdmin = await CommentAsync(admin, post, "From the page", Contoso.Urn);
        using var byRecruiter = await CommentAsync(recruiter, post, "We are hiring", Contoso.Urn);
        using var byContentAdmin = await CommentAsync(contentAdmin, post, "Not allowed", Contoso.Urn);
        using var withoutScope = await CommentAsync(noScope, post, "Not allowed either", Contoso.Urn);

        Assert.Equal(201, (int)byAdmin.StatusCode);
        Assert.Equal(admin.Urn, (string)(await JsonAsync(byAdmin))["agent"]!);
        Assert.Equal(201, (int)byRecruiter.StatusCode);
        Assert.Contains("RECRUITING_POSTER role on urn:li:organization:123", (string)(await ErrorAsync(byContentAdmin, 403))["message"]!);
        Assert.EndsWith("(missing permission: w_organization_social)", (string)(await ErrorAsync(withoutScope, 403))["message"]!);
        Assert.Equal([Contoso.Urn, Contoso.Urn], (await Admin.GetCommentsAsync(post)).Select(c => c.Actor).ToArray());
    }

    [Fact]
    public async Task Commenting_as_another_member_or_without_a_write_scope_is_403()
    {
        var ada = await NewPosterAsync();
        var grace = await NewPosterAsync();
        var reader = await NewMemberAsync(["r_member_social"]);
        var post = await CreatedUrnAsync(ada, "Comment on me");

        using var impersonating = await CommentAsync(grace, post, "As Ada", ada.Urn);
        using var reading = await CommentAsync(reader, post, "Read only");

        Assert.Contains("partnerApiSocialActions.CREATE.20261101", (string)(await ErrorAsync(impersonating, 403))["message"]!);
        await ErrorAsync(reading, 403);
        Assert.Empty(await Admin.GetCommentsAsync(post));
    }

    [Fact]
    public async Task Anyone_may_comment_on_someone_elses_post()
    {
        var ada = await NewPosterAsync();
        var grace = await NewPosterAsync();
        var post = await CreatedUrnAsync(ada, "Comment on me");

        using var response = await CommentAsync(grace, post, "Nice one, Ada");

        Assert.Equal(201, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_comment_on_an_unknown_or_deleted_post_is_404()
    {
        var ada = await NewPosterAsync();
        var deleted = await CreatedUrnAsync(ada, "Soon gone");
        (await SendAsync(Rest(HttpMethod.Delete, "rest/posts/" + Enc(deleted), ada.Token))).Dispose();

        using var unknown = await CommentAsync(ada, "urn:li:share:7000000000000000001", "Hello?");
        using var gone = await CommentAsync(ada, deleted, "Hello?");

        Assert.Equal("Not Found: urn:li:share:7000000000000000001", (string)(await ErrorAsync(unknown, 404))["message"]!);
        await ErrorAsync(gone, 404);
    }

    [Fact]
    public async Task The_object_must_be_the_post_in_the_path_and_the_path_must_be_a_post()
    {
        var ada = await NewPosterAsync();
        var post = await CreatedUrnAsync(ada, "Comment on me");
        var other = await CreatedUrnAsync(ada, "Another");

        using var mismatch = await CommentAsync(ada, post, "Which one?", target: other);
        using var notAPost = await CommentAsync(ada, "urn:li:image:D4E10AQabc", "On an image");

        Assert.Contains(("object", "INVALID_VALUE"), InputErrors(await ErrorAsync(mismatch, 400)).Select(p => (p.Key, p.Value)));
        await ErrorAsync(notAPost, 400);
    }

    [Fact]
    public async Task An_empty_comment_and_one_over_1250_characters_are_400()
    {
        var ada = await NewPosterAsync();
        var post = await CreatedUrnAsync(ada, "Comment on me");

        using var empty = await CommentAsync(ada, post, "   ");
        using var longest = await CommentAsync(ada, post, new string('x', 1250));
        using var tooLong = await CommentAsync(ada, post, new string('x', 1251));

        Assert.Equal("INVALID_VALUE", InputErrors(await ErrorAsync(empty, 400))["message.text"]);
        Assert.Equal(201, (int)longest.StatusCode);
        Assert.Equal("FIELD_LENGTH_TOO_LONG", InputErrors(await ErrorAsync(tooLong, 400))["message.text"]);
    }

    [Fact]
    public async Task A_comment_missing_its_fields_is_422()
    {
        var ada = await NewPosterAsync();
        var post = await CreatedUrnAsync(ada, "Comment on me");

        using var response = await SendAsync(Rest(HttpMethod.Post, $"rest/socialActions/{Enc(post)}/comments", ada.Token,
            "{\"actor\":\"urn:li:group:1\",\"message\":{},\"parentComment\":\"x\"}"));

        var errors = InputErrors(await ErrorAsync(response, 422));
        Assert.Equal("INVALID_URN", errors["actor"]);
        Assert.Equal("MISSING_REQUIRED_FIELD", errors["object"]);
        Assert.Equal("MISSING_REQUIRED_FIELD", errors["message.text"]);
        Assert.Equal("UNRECOGNIZED_FIELD", errors["parentComment"]);
    }

    [Fact]
    public async Task Comments_of_an_unknown_post_are_404_on_the_admin_api()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Admin.GetCommentsAsync("urn:li:share:7000000000000000001"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }
}
