using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>The queue's own versioned content document.</summary>
public sealed class PayloadTests
{
    [Fact]
    public void A_draft_round_trips_through_the_payload_with_every_field()
    {
        var draft = new PostDraft(LinkedInUrn.Parse("urn:li:organization:42"), "Line 1\nÜmlaut \"quoted\" @[Ada](urn:li:person:ada) #tag")
        {
            Format = CommentaryFormat.Raw,
            Visibility = PostVisibility.Connections,
            FeedDistribution = FeedDistribution.None,
            IsReshareDisabledByAuthor = true,
        };

        var json = QueuePayload.Serialize(draft);
        var back = QueuePayload.Deserialize(json);

        Assert.Equal(QueuePayload.CurrentVersion, QueuePayload.ReadVersion(json));
        Assert.Null(QueuePayload.Check(json));
        Assert.Equal(draft.Author, back.Author);
        Assert.Equal(draft.Commentary, back.Commentary);
        Assert.Equal(draft.Format, back.Format);
        Assert.Equal(draft.Visibility, back.Visibility);
        Assert.Equal(draft.FeedDistribution, back.FeedDistribution);
        Assert.True(back.IsReshareDisabledByAuthor);
    }

    [Fact]
    public void A_payload_from_a_newer_module_is_refused_with_a_clear_error()
    {
        var e = Assert.Throws<LinkedInQueueException>(() => QueuePayload.Deserialize("{\"v\":3,\"author\":\"urn:li:person:a\",\"commentary\":\"x\",\"content\":{}}"));

        Assert.Equal("LinkedInQueuePayloadUnreadable", e.ErrorId);
        Assert.Contains("newer version of LinkedInPosts", e.Message);
    }

    [Theory]
    [InlineData("{\"author\":\"urn:li:person:a\",\"commentary\":\"x\"}", "version")]
    [InlineData("{\"v\":1,\"commentary\":\"x\"}", "author")]
    [InlineData("{\"v\":1,\"author\":\"urn:li:person:a\",\"commentary\":\"x\",\"visibility\":\"Everyone\"}", "PostVisibility")]
    [InlineData("[1,2]", "version")]
    [InlineData("{oops", "not valid JSON")]
    public void A_damaged_payload_is_refused_saying_what_is_wrong(string json, string expected)
    {
        var e = Assert.Throws<LinkedInQueueException>(() => QueuePayload.Deserialize(json));

        Assert.Equal("LinkedInQueuePayloadUnreadable", e.ErrorId);
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("{\"v\":1,\"commentary\":\"x\"}", null)]
    [InlineData("{\"content\":{\"v\":1},\"commentary\":\"x\"}", "no version number")]
    [InlineData("{\"v\":\"1\"}", "no version number")]
    [InlineData("{\"v\":1} trailing", "not valid JSON")]
    [InlineData("{\"v\":1", "not valid JSON")]
    [InlineData("[{\"v\":1}]", "not a JSON object")]
    [InlineData("{\"v\":3}", "newer than this module reads")]
    [InlineData("  ", "empty")]
    public void Registration_checks_the_payload_in_one_pass(string json, string? expected)
    {
        var problem = QueuePayload.Check(json);

        if (expected == null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem);
        }
    }
}
