using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Tests.Api;

/// <summary>The posts client against the sandbox over real HTTP: the successful paths.</summary>
public sealed class PostsClientTests
{
    [Fact]
    public async Task Create_sends_LinkedIns_headers_and_returns_the_urn_from_x_restli_id()
    {
        await using var session = await SandboxSession.StartAsync();

        var post = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Hello from PowerShell"));

        Assert.Matches(@"^urn:li:share:\d+$", post.Urn);
        Assert.Equal(new Uri("https://www.linkedin.com/feed/update/" + post.Urn), post.Url);
        Assert.Equal(session.Member.Urn, post.Author);
        Assert.Equal("Hello from PowerShell", post.Commentary);
        var stored = Assert.Single(await session.Admin.GetPostsAsync());
        Assert.Equal(post.Urn, stored.Urn);
        var create = Assert.Single(await session.RequestsAsync("POST", "/rest/posts"));
        Assert.Equal(LinkedInApiVersion.Default, create.LinkedInVersion);
        Assert.Equal("2.0.0", create.RestLiProtocolVersion);
        Assert.True(create.HadAuthorization);
        Assert.Equal(201, create.Status);
    }

    [Fact]
    public async Task Text_with_every_reserved_character_comes_back_whole()
    {
        await using var session = await SandboxSession.StartAsync();
        const string text = "Patch night (Tue) {prod|dev} a_b *bold* ~x~ <tag> [link] C:\\temp @ ops@contoso.com #PowerShell #1 and #";

        var created = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, text));

        var stored = await session.Admin.GetPostAsync(created.Urn);
        Assert.NotNull(stored);
        Assert.Equal(stored!.SentCommentary, stored.Commentary); // the sandbox truncated nothing
        var readBack = await session.Client.GetPostAsync(LinkedInUrn.Parse(created.Urn));
        Assert.Equal(text, readBack.Commentary);
        Assert.Equal(stored.Commentary, readBack.RawCommentary);
    }

    [Fact]
    public async Task Mentions_and_hashtags_stay_live()
    {
        await using var session = await SandboxSession.StartAsync();
        var text = $"Thanks @[Ada Lovelace]({session.Member.Urn}) and @[Contoso]({SandboxSession.OrganizationUrn}) #automation";

        var created = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, text));

        var stored = await session.Admin.GetPostAsync(created.Urn);
        Assert.Equal(text, stored!.Commentary); // nothing needed escaping: mentions and the hashtag are elements
    }

    [Fact]
    public async Task Raw_text_with_an_unescaped_parenthesis_is_refused_before_LinkedIn_would_cut_it()
    {
        await using var session = await SandboxSession.StartAsync();

        var error = await Assert.ThrowsAsync<LinkedInValidationException>(() =>
            session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "This is a test. (This is also a test.)") { Format = CommentaryFormat.Raw }));

        Assert.Contains("unescaped '(' at character 17", error.Message);
        Assert.Empty(await session.Admin.GetPostsAsync());
        // Escaped, the same text goes out whole.
        var created = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, @"This is a test. \(This is also a test.\)") { Format = CommentaryFormat.Raw });
        var stored = (await session.Admin.GetPostAsync(created.Urn))!;
        Assert.Equal(@"This is a test. \(This is also a test.\)", stored.Commentary); // kept whole, not cut
    }

    [Fact]
    public async Task Visibility_distribution_and_reshare_flag_reach_LinkedIn()
    {
        await using var session = await SandboxSession.StartAsync();
        var draft = new PostDraft(session.MemberUrn, "Connections only") { Visibility = PostVisibility.Connections, IsReshareDisabledByAuthor = true };

        var created = await session.Client.CreatePostAsync(draft);
        var readBack = await session.Client.GetPostAsync(LinkedInUrn.Parse(created.Urn));

        Assert.Equal(PostVisibility.Connections, readBack.Visibility);
        Assert.True(readBack.IsReshareDisabledByAuthor);
        Assert.Equal(FeedDistribution.MainFeed, readBack.FeedDistribution);
        Assert.Equal("PUBLISHED", readBack.LifecycleState);
        Assert.NotNull(readBack.CreatedAt);
    }

    [Fact]
    public async Task An_organization_author_with_a_page_role_can_post()
    {
        await using var session = await SandboxSession.StartAsync();

        var created = await session.Client.CreatePostAsync(new PostDraft(LinkedInUrn.Parse(SandboxSession.OrganizationUrn), "Company news"));

        Assert.Equal(SandboxSession.OrganizationUrn, (await session.Admin.GetPostAsync(created.Urn))!.Author);
    }

    [Fact]
    public async Task Listing_by_author_pages_lazily()
    {
        await using var session = await SandboxSession.StartAsync();
        for (var i = 1; i <= 7; i++)
        {
            await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, $"Post number {i}"));
        }

        var all = new List<LinkedInPost>();
        await foreach (var post in session.Client.GetPostsByAuthorAsync(session.MemberUrn, pageSize: 3))
        {
            all.Add(post);
        }
        Assert.Equal(7, all.Count);
        Assert.Equal(7, all.Select(p => p.Urn).Distinct().Count());
        Assert.Equal(3, (await session.RequestsAsync("GET", "/rest/posts?")).Count);

        var firstTwo = new List<LinkedInPost>();
        await foreach (var post in session.Client.GetPostsByAuthorAsync(session.MemberUrn, pageSize: 2))
        {
            firstTwo.Add(post);
            if (firstTwo.Count == 2)
            {
                break;
            }
        }
        Assert.Equal(4, (await session.RequestsAsync("GET", "/rest/posts?")).Count); // one more page, not four
    }

    [Fact]
    public async Task Batch_get_returns_the_posts_that_exist_and_leaves_out_the_rest()
    {
        await using var session = await SandboxSession.StartAsync();
        var first = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "first"));
        var second = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "second"));
        var missing = LinkedInUrn.Parse("urn:li:share:1234567890123456789");

        var found = await session.Client.GetPostsAsync(new[] { LinkedInUrn.Parse(first.Urn), LinkedInUrn.Parse(second.Urn), missing });

        Assert.Equal(2, found.Count);
        Assert.Equal("second", found[LinkedInUrn.Parse(second.Urn)].Commentary);
        Assert.False(found.ContainsKey(missing));
        var batch = Assert.Single(await session.RequestsAsync("GET", "/rest/posts?ids=List("));
        Assert.Equal("BATCH_GET", batch.RestLiMethod);
    }

    [Fact]
    public async Task Update_replaces_the_commentary_with_escaped_text()
    {
        await using var session = await SandboxSession.StartAsync();
        var created = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Before"));

        await session.Client.UpdateCommentaryAsync(LinkedInUrn.Parse(created.Urn), "After (edited)", CommentaryFormat.Text);

        var readBack = await session.Client.GetPostAsync(LinkedInUrn.Parse(created.Urn));
        Assert.Equal("After (edited)", readBack.Commentary);
        var update = Assert.Single(await session.RequestsAsync("POST", "/rest/posts/urn"));
        Assert.Equal("PARTIAL_UPDATE", update.RestLiMethod);
        Assert.Equal(204, update.Status);
    }

    [Fact]
    public async Task Delete_is_idempotent()
    {
        await using var session = await SandboxSession.StartAsync();
        var created = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Short-lived"));
        var urn = LinkedInUrn.Parse(created.Urn);

        await session.Client.DeletePostAsync(urn);
        await session.Client.DeletePostAsync(urn);

        Assert.True((await session.Admin.GetPostAsync(created.Urn))!.Deleted);
        await Assert.ThrowsAsync<Errors.LinkedInNotFoundException>(() => session.Client.GetPostAsync(urn));
        Assert.All(await session.RequestsAsync("DELETE", "/rest/posts/"), r => Assert.Equal(204, r.Status));
    }

    [Fact]
    public async Task The_member_comes_from_userinfo_with_locale_as_an_object()
    {
        await using var session = await SandboxSession.StartAsync();

        var member = await session.Client.GetMemberAsync();

        Assert.Equal(session.Member.Urn, member.Urn);
        Assert.Equal("Ada Lovelace", member.Name);
        Assert.Equal("en-US", member.Locale);
        var userinfo = Assert.Single(await session.RequestsAsync("GET", "/v2/userinfo"));
        Assert.Null(userinfo.LinkedInVersion); // /v2 is not versioned
    }

    [Fact]
    public async Task Verbose_log_has_one_line_per_call_and_never_the_token()
    {
        await using var session = await SandboxSession.StartAsync();

        await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Logged"));

        Assert.Contains(session.Log.Lines, line => line.StartsWith("VERBOSE: POST /rest/posts -> 201", StringComparison.Ordinal));
        Assert.DoesNotContain(session.Log.Lines, line => line.Contains(session.Token, StringComparison.Ordinal));
    }

    [Fact]
    public void Preview_shows_the_escaped_commentary_and_the_exact_body_without_sending()
    {
        var draft = new PostDraft(LinkedInUrn.Parse("urn:li:person:abc"), "Q&A (live) #ops");

        var preview = LinkedInClient.PreviewCreate(draft);

        Assert.Equal(@"Q&A \(live\) #ops", preview.LittleText);
        using var body = System.Text.Json.JsonDocument.Parse(preview.JsonBody);
        Assert.Equal(@"Q&A \(live\) #ops", body.RootElement.GetProperty("commentary").GetString());
        Assert.Equal("urn:li:person:abc", body.RootElement.GetProperty("author").GetString());
        Assert.Equal("PUBLIC", body.RootElement.GetProperty("visibility").GetString());
        Assert.Equal("MAIN_FEED", body.RootElement.GetProperty("distribution").GetProperty("feedDistribution").GetString());
        Assert.Equal("PUBLISHED", body.RootElement.GetProperty("lifecycleState").GetString());
    }
}
