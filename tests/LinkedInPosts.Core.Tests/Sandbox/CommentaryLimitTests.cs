using System.Net;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>The 3000-character limit (1.8) and duplicate detection (6.3).</summary>
public sealed class CommentaryLimitTests : SandboxTestBase
{
    public CommentaryLimitTests(SandboxFixture fixture) : base(fixture) { }

    public static TheoryData<string, int> Lengths => new()
    {
        { new string('a', 3000), 201 },
        { new string('a', 3001), 400 },
        // Counted on the text as sent, escapes included: 1500 escaped parentheses are 3000 units.
        { string.Concat(Enumerable.Repeat("\\(", 1500)), 201 },
        { string.Concat(Enumerable.Repeat("\\(", 1500)) + "a", 400 },
        // Counted in UTF-16 code units: an emoji outside the BMP counts twice.
        { string.Concat(Enumerable.Repeat("😀", 1500)), 201 },
        { string.Concat(Enumerable.Repeat("😀", 1500)) + "a", 400 },
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Commentary_length_is_limited_to_3000_utf16_units_of_the_sent_text(string commentary, int status)
    {
        var ada = await NewPosterAsync();

        using var response = await CreatePostAsync(ada.Token, ada.Urn, commentary);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(status == 201 ? 1 : 0, (await Admin.GetPostsAsync()).Count);
    }

    [Fact]
    public async Task Commentary_over_3000_gets_linkedins_field_array_size_too_high_body()
    {
        var ada = await NewPosterAsync();
        var commentary = new string('b', 3001);

        using var response = await CreatePostAsync(ada.Token, ada.Urn, commentary);

        var body = await ErrorAsync(response, 400);
        Assert.Equal("com.linkedin.common.error.BadRequest", (string)body["errorDetailType"]!);
        Assert.Equal("com.linkedin.content.common.exception.BadRequestResponseException: ShareCommentary text length (3001 characters) exceeded the maximum allowed (3000 characters)",
            (string)body["message"]!);
        var inputError = Assert.Single(body["errorDetails"]!["inputErrors"]!.AsArray())!;
        Assert.Equal("FIELD_ARRAY_SIZE_TOO_HIGH", (string)inputError["code"]!);
        Assert.Equal(commentary, (string)inputError["input"]!["value"]!["stringValue"]!);
    }

    [Fact]
    public async Task Same_commentary_again_is_422_duplicate_post_naming_the_earlier_urn()
    {
        var ada = await NewPosterAsync();
        var first = await CreatedUrnAsync(ada, "Ship it");

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Ship it");

        var body = await ErrorAsync(response, 422);
        Assert.Equal("com.linkedin.content.common.exception.BadRequestResponseException: Content is a duplicate of " + first, (string)body["message"]!);
        Assert.Equal("DUPLICATE_POST", (string)body["errorDetails"]!["inputErrors"]![0]!["code"]!);
        Assert.Single(await Admin.GetPostsAsync());
    }

    [Fact]
    public async Task Duplicate_is_detected_even_after_the_earlier_post_was_deleted()
    {
        var ada = await NewPosterAsync();
        var first = await CreatedUrnAsync(ada, "Ghost");
        using (var deleted = await SendAsync(Rest(HttpMethod.Delete, "rest/posts/" + Enc(first), ada.Token)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Ghost");

        var body = await ErrorAsync(response, 422);
        Assert.EndsWith("Content is a duplicate of " + first, (string)body["message"]!);
    }

    [Fact]
    public async Task Same_commentary_is_accepted_again_once_24_hours_have_passed()
    {
        var ada = await NewPosterAsync();
        await CreatedUrnAsync(ada, "Daily standup");
        await Admin.AdvanceClockAsync(TimeSpan.FromHours(23.9));
        using (var tooSoon = await CreatePostAsync(ada.Token, ada.Urn, "Daily standup"))
        {
            Assert.Equal(422, (int)tooSoon.StatusCode);
        }
        await Admin.AdvanceClockAsync(TimeSpan.FromHours(0.2));

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Daily standup");

        Assert.Equal(201, (int)response.StatusCode);
    }

    [Fact]
    public async Task Same_commentary_by_another_author_is_not_a_duplicate()
    {
        var ada = await NewPosterAsync();
        var grace = await NewPosterAsync();
        await CreatedUrnAsync(ada, "Same words");

        using var response = await CreatePostAsync(grace.Token, grace.Urn, "Same words");

        Assert.Equal(201, (int)response.StatusCode);
    }
}
