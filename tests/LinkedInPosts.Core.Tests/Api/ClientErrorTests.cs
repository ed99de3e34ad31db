using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Tests.Api;

/// <summary>Every way LinkedIn says no, as the sandbox says it, arrives as the right typed error with a useful message.</summary>
public sealed class ClientErrorTests
{
    [Fact]
    public async Task Posting_without_w_member_social_names_the_missing_scope()
    {
        await using var session = await SandboxSession.StartAsync(scopes: new[] { "openid", "profile" });

        var error = await Assert.ThrowsAsync<LinkedInPermissionException>(() => session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "hi")));

        Assert.Equal("w_member_social", error.MissingScope);
        Assert.Equal(403, error.HttpStatus);
        Assert.Contains("w_member_social", error.Message);
        Assert.Equal("LinkedInPermissionDenied", error.ErrorId);
    }

    [Fact]
    public async Task Posting_as_a_page_without_a_posting_role_is_denied()
    {
        await using var session = await SandboxSession.StartAsync(organizationRole: "ANALYST");

        var error = await Assert.ThrowsAsync<LinkedInPermissionException>(() =>
            session.Client.CreatePostAsync(new PostDraft(LinkedInUrn.Parse(SandboxSession.OrganizationUrn), "page post")));

        Assert.Equal(403, error.HttpStatus);
        Assert.Empty(await session.Admin.GetPostsAsync());
    }

    [Fact]
    public async Task Reading_a_members_posts_without_r_member_social_is_a_403_as_on_LinkedIn()
    {
        await using var session = await SandboxSession.StartAsync(scopes: new[] { "openid", "profile", "w_member_social" });
        var created = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "write-only app"));

        var error = await Assert.ThrowsAsync<LinkedInPermissionException>(() => session.Client.GetPostAsync(LinkedInUrn.Parse(created.Urn)));

        Assert.Equal("r_member_social", error.MissingScope);
        Assert.Contains("approved apps", error.Message);
    }

    [Fact]
    public async Task An_unknown_post_is_not_found_and_names_the_urn()
    {
        await using var session = await SandboxSession.StartAsync();

        var error = await Assert.ThrowsAsync<LinkedInNotFoundException>(() => session.Client.GetPostAsync(LinkedInUrn.Parse("urn:li:share:999")));

        Assert.Equal("urn:li:share:999", error.Urn);
        Assert.Contains("urn:li:share:999", error.Message);
    }

    [Fact]
    public async Task The_same_text_twice_is_a_duplicate_naming_the_first_post()
    {
        await using var session = await SandboxSession.StartAsync();
        var first = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Once only"));

        var error = await Assert.ThrowsAsync<LinkedInDuplicatePostException>(() => session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "Once only")));

        Assert.Equal(first.Urn, error.ExistingUrn);
        Assert.Equal(422, error.HttpStatus);
        Assert.Equal("DUPLICATE_POST", error.LinkedInCode);
        Assert.Single(await session.Admin.GetPostsAsync());
    }

    [Fact]
    public async Task A_sunset_version_says_which_version_and_how_to_override_it()
    {
        await using var session = await SandboxSession.StartAsync();
        using var old = session.ClientWith(session.Token, o => o.ApiVersion = "202001");

        var error = await Assert.ThrowsAsync<LinkedInVersionSunsetException>(() => old.CreatePostAsync(new PostDraft(session.MemberUrn, "hi")));

        Assert.Equal("202001", error.Version);
        Assert.Equal(426, error.HttpStatus);
        Assert.Contains("-ApiVersion", error.Message);
        // The variable as PowerShell sets it ($env:), and that a connection pinned with -ApiVersion ignores it.
        Assert.Contains("$env:" + LinkedInApiVersion.EnvironmentVariable + " = 'YYYYMM'", error.Message);
        Assert.Contains("a connection made with -ApiVersion keeps that version", error.Message);
        Assert.Contains("20200101", error.Message); // LinkedIn's own words are kept
    }

    [Fact]
    public async Task A_revoked_token_is_reported_as_revoked()
    {
        await using var session = await SandboxSession.StartAsync();
        await session.Admin.RevokeTokenAsync(session.Token);

        var error = await Assert.ThrowsAsync<LinkedInAuthException>(() => session.Client.GetMemberAsync());

        Assert.Equal(AuthFailureReason.Revoked, error.Reason);
        Assert.Equal("LinkedInAuthRevoked", error.ErrorId);
        Assert.Contains("Connect-LinkedIn", error.Message);
        Assert.DoesNotContain(session.Token, error.ToString());
    }

    [Fact]
    public async Task An_expired_token_is_reported_as_expired()
    {
        await using var session = await SandboxSession.StartAsync();
        var token = await session.Admin.CreateTokenAsync(session.Member.Urn, SandboxSession.AllMemberScopes, TimeSpan.FromHours(1));
        using var client = session.ClientWith(token);
        await session.Admin.AdvanceClockAsync(TimeSpan.FromHours(2));

        var error = await Assert.ThrowsAsync<LinkedInAuthException>(() => client.GetMemberAsync());

        Assert.Equal(AuthFailureReason.Expired, error.Reason);
        Assert.Contains("60 days", error.Message);
    }

    [Fact]
    public async Task An_unknown_token_is_invalid()
    {
        await using var session = await SandboxSession.StartAsync();
        using var client = session.ClientWith("not-a-real-token-0123456789");

        var error = await Assert.ThrowsAsync<LinkedInAuthException>(() => client.CreatePostAsync(new PostDraft(session.MemberUrn, "hi")));

        Assert.Equal(AuthFailureReason.Invalid, error.Reason);
        Assert.Equal(401, error.HttpStatus);
    }

    [Fact]
    public async Task Text_over_3000_characters_fails_before_anything_is_sent()
    {
        await using var session = await SandboxSession.StartAsync();

        var error = await Assert.ThrowsAsync<LinkedInValidationException>(() => session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, new string('a', 3001))));

        Assert.Equal("Commentary", error.Field);
        Assert.Empty(await session.RequestsAsync("POST", "/rest/posts"));
    }

    [Fact]
    public async Task LinkedIns_own_length_error_maps_to_the_commentary_field()
    {
        await using var session = await SandboxSession.StartAsync();

        // Raw text can still be rejected by LinkedIn itself if the escaped form is what it counts.
        var raw = new string('a', 3001);
        var error = await Assert.ThrowsAnyAsync<LinkedInValidationException>(() =>
            session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, raw) { Format = CommentaryFormat.Raw }));

        Assert.Equal("Commentary", error.Field);
    }

    [Fact]
    public async Task The_daily_member_limit_is_a_throttle_that_lifts_at_midnight_UTC_and_is_not_retried()
    {
        await using var session = await SandboxSession.StartAsync();
        await session.Admin.SetLimitsAsync(memberDailyLimit: 2);
        await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "one"));
        await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "two"));

        var error = await Assert.ThrowsAsync<LinkedInThrottledException>(() => session.Client.GetPostsAsync(new[] { LinkedInUrn.Parse("urn:li:share:1") }));

        var now = await session.Admin.GetClockAsync();
        Assert.Equal(new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero), error.RetryAt);
        Assert.False(error.IsRetryAfterFromServer);
        Assert.Contains("midnight UTC", error.Message);
        Assert.Single(await session.RequestsAsync("GET", "/rest/posts?ids"));
    }
}
