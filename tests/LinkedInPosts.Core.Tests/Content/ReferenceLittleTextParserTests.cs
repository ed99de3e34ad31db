namespace LinkedInPosts.Core.Tests.Content;

/// <summary>The test model of LinkedIn's parser must itself behave as the bug reports describe, or the other tests prove nothing.</summary>
public class ReferenceLittleTextParserTests
{
    [Fact]
    public void Unescaped_parenthesis_cuts_the_post_as_users_reported()
    {
        var result = ReferenceLittleTextParser.Parse("This is a test. (This is also a test.)");

        Assert.True(result.Truncated);
        Assert.Equal("This is a test. ", result.Visible);
        Assert.Equal(16, result.TruncatedAt);
    }

    [Theory]
    [InlineData("|")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("@")]
    [InlineData("[")]
    [InlineData("]")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData("<")]
    [InlineData(">")]
    [InlineData("#")]
    [InlineData("*")]
    [InlineData("_")]
    [InlineData("~")]
    public void Every_lone_unescaped_reserved_character_cuts(string reserved)
    {
        var result = ReferenceLittleTextParser.Parse("before " + reserved + " after");

        Assert.True(result.Truncated);
        Assert.Equal("before ", result.Visible);
    }

    [Fact]
    public void Escapes_mentions_hashtags_and_templates_are_understood()
    {
        var result = ReferenceLittleTextParser.Parse(@"Hi @[Contoso \(EMEA\)](urn:li:organization:12) \(see #dotnet, {hashtag|＃|日本}\) C\# \\");

        Assert.False(result.Truncated);
        Assert.Equal("Hi Contoso (EMEA) (see #dotnet, ＃日本) C# \\", result.Visible);
        Assert.Equal(@"Hi @[Contoso (EMEA)](urn:li:organization:12) (see #dotnet, {hashtag|＃|日本}) C# \", result.AsWritten);
        Assert.Equal(new ReferenceLittleTextParser.MentionElement("Contoso (EMEA)", "urn:li:organization:12"), Assert.Single(result.Mentions));
        Assert.Equal(new[] { "#dotnet", "＃日本" }, result.Hashtags);
    }

    [Theory]
    [InlineData("@[Name](urn:li:share:1)")]
    [InlineData("@[Name](urn:li:organization:abc)")]
    [InlineData("@[](urn:li:person:1)")]
    [InlineData("@[Na(me](urn:li:person:1)")]
    [InlineData("@[Name] (urn:li:person:1)")]
    [InlineData("ops@contoso.com")]
    [InlineData("{hashtag|#|}")]
    [InlineData("{hashtag|#|a b}")]
    [InlineData("trailing \\")]
    [InlineData("\\")]
    public void Invalid_elements_cut(string little)
    {
        Assert.True(ReferenceLittleTextParser.Parse(little).Truncated);
    }

    [Fact]
    public void A_backslash_makes_the_next_character_literal_whatever_it_is()
    {
        var result = ReferenceLittleTextParser.Parse(@"a\ b\\c\q");

        Assert.False(result.Truncated);
        Assert.Equal(@"a b\cq", result.Visible);
    }

    [Fact]
    public void A_lone_full_width_sign_is_plain_text_because_it_is_not_reserved()
    {
        var result = ReferenceLittleTextParser.Parse("１＃ ok");

        Assert.False(result.Truncated);
        Assert.Equal("１＃ ok", result.Visible);
    }
}
