using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Api;

/// <summary>
/// A create is never retried blindly (LinkedIn has no idempotency key). When the first try gets no clear
/// answer, one resend settles it by LinkedIn's duplicate check: the sandbox must end with exactly one post.
/// </summary>
public sealed class CreateOutcomeTests
{
    [Fact]
    public async Task Dropped_after_LinkedIn_stored_it_returns_the_stored_post_and_posts_nothing_twice()
    {
        await using var session = await SandboxSession.StartAsync();
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Drop = SandboxDrop.AfterStore });

        var post = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Exactly once"));

        var stored = Assert.Single(await session.Admin.GetPostsAsync());
        Assert.Equal(stored.Urn, post.Urn);
        Assert.Equal(2, (await session.RequestsAsync("POST", "/rest/posts")).Count);
        Assert.Contains(session.Log.Lines, l => l.StartsWith("WARNING: Creating the post got no clear answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dropped_before_LinkedIn_stored_it_is_sent_once_more_and_stored_once()
    {
        await using var session = await SandboxSession.StartAsync();
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Drop = SandboxDrop.BeforeStore });

        var post = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Second time lucky"));

        Assert.Equal(post.Urn, Assert.Single(await session.Admin.GetPostsAsync()).Urn);
    }

    [Fact]
    public async Task A_timeout_while_LinkedIn_stores_the_post_still_yields_one_post()
    {
        await using var session = await SandboxSession.StartAsync(configure: o => o.RequestTimeout = TimeSpan.FromMilliseconds(500));
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", DelayMilliseconds = 1500 });

        var post = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Slow day"));

        // The slow first request is stored after the client gave up; give it time to finish, then count.
        await Task.Delay(1500);
        var stored = Assert.Single(await session.Admin.GetPostsAsync());
        Assert.Equal(stored.Urn, post.Urn);
    }

    [Fact]
    public async Task A_server_error_on_create_is_settled_by_one_resend()
    {
        await using var session = await SandboxSession.StartAsync();
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 503 });

        var post = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "After a hiccup"));

        Assert.Equal(post.Urn, Assert.Single(await session.Admin.GetPostsAsync()).Urn);
        Assert.Equal(2, (await session.RequestsAsync("POST", "/rest/posts")).Count);
    }

    [Fact]
    public async Task Two_unclear_answers_report_an_unknown_outcome_instead_of_guessing()
    {
        await using var session = await SandboxSession.StartAsync();
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 503, Count = 2 });

        var error = await Assert.ThrowsAsync<LinkedInUnknownOutcomeException>(() => session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Who knows")));

        Assert.Equal("LinkedInPostOutcomeUnknown", error.ErrorId);
        Assert.Contains("recent activity", error.Message);
        Assert.Equal(2, (await session.RequestsAsync("POST", "/rest/posts")).Count); // never a third try
    }

    [Fact]
    public async Task A_throttled_create_is_definite_and_not_resent()
    {
        await using var session = await SandboxSession.StartAsync();
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 429, RetryAfterSeconds = 1 });

        await Assert.ThrowsAsync<LinkedInThrottledException>(() => session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Too fast")));

        Assert.Single(await session.RequestsAsync("POST", "/rest/posts"));
        Assert.Empty(await session.Admin.GetPostsAsync());
    }

    [Fact]
    public async Task A_reshare_without_text_is_not_sent_again_after_an_unclear_answer_because_the_duplicate_check_cannot_see_it()
    {
        await using var session = await SandboxSession.StartAsync();
        var parent = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "The original"));
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Drop = SandboxDrop.AfterStore });
        var reshare = new PostDraft(session.MemberUrn, string.Empty) { Content = new ReshareContent(LinkedInUrn.Parse(parent.Urn)) };

        var unknown = await Assert.ThrowsAsync<LinkedInUnknownOutcomeException>(() => session.Client.CreatePostAsync(reshare));

        // One reshare, from the first try: a second create would have been a second reshare (no duplicate check without text).
        Assert.Single(await session.Admin.GetPostsAsync(), p => p.Urn != parent.Urn);
        Assert.Equal(2, (await session.RequestsAsync("POST", "/rest/posts")).Count); // the original and the one try
        Assert.Contains("not sent again", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_named_on_the_resend_that_is_older_than_the_first_try_is_the_duplicate_error_not_this_post()
    {
        await using var session = await SandboxSession.StartAsync();
        // An earlier post with the same text (LinkedIn's clock two hours back when it was made: its id carries that time).
        var now = await session.Admin.GetClockAsync();
        await session.Admin.SetClockAsync(now.AddHours(-2));
        var earlier = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Weekly status"));
        await session.Admin.SetClockAsync(now);
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 503 });

        var duplicate = await Assert.ThrowsAsync<LinkedInDuplicatePostException>(() => session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Weekly status")));

        // Before, the earlier post came back as if this create had made it (and New-LinkedInPost commented on it again).
        Assert.Equal(earlier.Urn, duplicate.ExistingUrn);
        Assert.Contains("more than an hour before this create was first sent", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal(earlier.Urn, Assert.Single(await session.Admin.GetPostsAsync()).Urn);
    }

    [Theory]
    [InlineData("urn:li:share:7265000000000000000", "2024-11-20T13:56:17.172Z")]
    [InlineData("urn:li:ugcPost:7045020441609936898", "2023-03-24T13:16:03.430Z")]
    [InlineData("urn:li:share:123", null)]
    [InlineData("urn:li:person:abc", null)]
    public void A_post_ids_time_is_read_from_its_high_bits(string urn, string? expected)
    {
        var time = LinkedInUrn.Parse(urn).PostIdTime;

        Assert.Equal(expected, time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }
}
