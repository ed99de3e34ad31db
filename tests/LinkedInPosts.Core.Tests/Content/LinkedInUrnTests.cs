using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Tests.Content;

public sealed class LinkedInUrnTests
{
    [Theory]
    [InlineData("urn:li:person:782bbtaQ", "person", "782bbtaQ")]
    [InlineData("urn:li:organization:2414183", "organization", "2414183")]
    [InlineData("urn:li:share:7045020441609936898", "share", "7045020441609936898")]
    [InlineData("urn%3Ali%3AugcPost%3A123", "ugcPost", "123")]
    [InlineData("  urn:li:person:abc  ", "person", "abc")]
    public void Parses_plain_and_encoded_urns(string text, string type, string id)
    {
        var urn = LinkedInUrn.Parse(text);

        Assert.Equal(type, urn.EntityType);
        Assert.Equal(id, urn.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("person:abc")]
    [InlineData("urn:li:person:")]
    [InlineData("urn:li:person:a b")]
    [InlineData("https://www.linkedin.com/in/someone")]
    public void Rejects_what_is_not_a_urn_with_the_expected_form_in_the_message(string text)
    {
        var error = Assert.Throws<FormatException>(() => LinkedInUrn.Parse(text));

        Assert.Contains("urn:li:", error.Message);
    }

    [Fact]
    public void Encodes_colons_for_paths_and_queries()
    {
        Assert.Equal("urn%3Ali%3Ashare%3A1", LinkedInUrn.Parse("urn:li:share:1").Encoded);
    }

    [Fact]
    public void Permalink_uses_the_unencoded_urn()
    {
        Assert.Equal("https://www.linkedin.com/feed/update/urn:li:share:1", LinkedInUrn.Parse("urn:li:share:1").Permalink.OriginalString);
    }

    [Fact]
    public void Author_and_post_kinds_are_told_apart()
    {
        Assert.True(LinkedInUrn.ParseAuthor("urn:li:organization:1").IsAuthor);
        Assert.Throws<FormatException>(() => LinkedInUrn.ParseAuthor("urn:li:share:1"));
        Assert.True(LinkedInUrn.ParsePost("urn:li:ugcPost:1").IsPost);
        Assert.Throws<FormatException>(() => LinkedInUrn.ParsePost("urn:li:person:1"));
    }

    [Fact]
    public void Equal_urns_are_equal_whatever_their_encoding()
    {
        Assert.Equal(LinkedInUrn.Parse("urn:li:share:9"), LinkedInUrn.Parse("urn%3Ali%3Ashare%3A9"));
        Assert.Equal(LinkedInUrn.Parse("urn:li:share:9").GetHashCode(), LinkedInUrn.Parse("urn%3Ali%3Ashare%3A9").GetHashCode());
        Assert.NotEqual(LinkedInUrn.Parse("urn:li:share:9"), LinkedInUrn.Parse("urn:li:ugcPost:9"));
    }
}
