using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Tests.Api;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Media;

/// <summary>A post's first comment: plain text, and never retried blindly.</summary>
public sealed class CommentTests
{
    [Fact]
    public async Task A_first_comment_is_added_verbatim_and_its_urn_returned()
    {
        await using var session = await SandboxSession.StartAsync();
        var post = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Release notes"));
        const string text = "Details (and a #hashtag, *stars*, @someone) in the first comment: https://example.com/a_b";

        var comment = await session.Client.CreateCommentAsync(LinkedInUrn.Parse(post.Urn), session.MemberUrn, text);

        Assert.Equal(LinkedInUrn.Comment, comment.EntityType);
        Assert.StartsWith($"({post.Urn},", comment.Id);
        var stored = Assert.Single(await session.Admin.GetCommentsAsync(post.Urn));
        Assert.Equal(text, stored.Text); // not little text: nothing escaped
        Assert.Equal(comment.ToString(), stored.Urn);
        Assert.Equal(session.Member.Urn, stored.Actor);
    }

    [Fact]
    public async Task A_page_can_comment_on_its_own_post()
    {
        await using var session = await SandboxSession.StartAsync();
        var page = LinkedInUrn.Parse(SandboxSession.OrganizationUrn);
        var post = await session.Client.CreatePostAsync(new PostDraft(page, "Company news"));

        await session.Client.CreateCommentAsync(LinkedInUrn.Parse(post.Urn), page, "More below");

        Assert.Equal(page.ToString(), Assert.Single(await session.Admin.GetCommentsAsync(post.Urn)).Actor);
    }

    [Fact]
    public async Task A_comment_with_no_answer_is_an_unknown_outcome_and_is_not_sent_again()
    {
        await using var session = await SandboxSession.StartAsync();
        var post = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "News"));
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/socialActions", Drop = SandboxDrop.AfterStore });

        var error = await Assert.ThrowsAsync<LinkedInUnknownOutcomeException>(() => session.Client.CreateCommentAsync(LinkedInUrn.Parse(post.Urn), session.MemberUrn, "Hello"));

        Assert.Contains("may or may not have added the comment", error.Message);
        // The sandbox logs a dropped request only after cutting the connection: give it a moment.
        for (var waited = 0; waited < 2000 && (await session.RequestsAsync("POST", "/rest/socialActions/")).Count == 0; waited += 50)
        {
            await Task.Delay(50);
        }
        await Task.Delay(200);
        Assert.Single(await session.RequestsAsync("POST", "/rest/socialActions/"));
        Assert.Single(await session.Admin.GetCommentsAsync(post.Urn)); // it had been stored: a retry would have doubled it
    }

    [Fact]
    public async Task A_server_error_on_a_comment_is_not_retried()
    {
        await using var session = await SandboxSession.StartAsync();
        var post = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "News"));
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/socialActions", Status = 503 });

        await Assert.ThrowsAsync<LinkedInUnknownOutcomeException>(() => session.Client.CreateCommentAsync(LinkedInUrn.Parse(post.Urn), session.MemberUrn, "Hello"));

        Assert.Single(await session.RequestsAsync("POST", "/rest/socialActions/"));
    }

    [Fact]
    public async Task Comment_text_is_checked_before_sending()
    {
        await using var session = await SandboxSession.StartAsync();
        var post = LinkedInUrn.Parse("urn:li:share:7045020441609936898");

        var empty = await Assert.ThrowsAsync<LinkedInValidationException>(() => session.Client.CreateCommentAsync(post, session.MemberUrn, " "));
        var tooLong = await Assert.ThrowsAsync<LinkedInValidationException>(() => session.Client.CreateCommentAsync(post, session.MemberUrn, new string('x', 1251)));

        Assert.Equal("Comment", empty.Field);
        Assert.Contains("over the limit of 1250", tooLong.Message);
        Assert.Empty(await session.Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task A_comment_on_a_missing_post_is_not_found()
    {
        await using var session = await SandboxSession.StartAsync();

        await Assert.ThrowsAsync<LinkedInNotFoundException>(() => session.Client.CreateCommentAsync(LinkedInUrn.Parse("urn:li:share:7045020441609936898"), session.MemberUrn, "Hi"));
    }
}
