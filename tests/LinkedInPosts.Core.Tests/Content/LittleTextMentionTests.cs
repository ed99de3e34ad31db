using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Tests.Content;

public class LittleTextMentionTests
{
    [Fact]
    public void Builds_a_person_mention()
    {
        Assert.Equal("@[Jane Doe](urn:li:person:782bbtaQ)", LittleText.Mention("Jane Doe", LinkedInUrn.ForPerson("782bbtaQ")));
    }

    [Fact]
    public void Builds_an_organization_mention_with_an_escaped_name()
    {
        var little = LittleText.Mention("Contoso (EMEA)", LinkedInUrn.ForOrganization("2414183"));

        Assert.Equal(@"@[Contoso \(EMEA\)](urn:li:organization:2414183)", little);
        var parsed = ReferenceLittleTextParser.Parse(little);
        Assert.False(parsed.Truncated);
        Assert.Equal("Contoso (EMEA)", parsed.Visible);
    }

    [Theory]
    [InlineData("A]B", @"A\]B")]
    [InlineData("[Team] Ops", @"\[Team\] Ops")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("all \\|{}@[]()<>#*_~", @"all \\\|\{\}\@\[\]\(\)\<\>\#\*\_\~")]
    [InlineData("Zoë 👍", "Zoë 👍")]
    public void Names_that_text_as_written_cannot_express_still_make_a_live_mention(string name, string escapedName)
    {
        var little = LittleText.Mention(name, LinkedInUrn.ForPerson("abc-_1"));

        Assert.Equal("@[" + escapedName + "](urn:li:person:abc-_1)", little);
        var parsed = ReferenceLittleTextParser.Parse(little);
        Assert.False(parsed.Truncated);
        Assert.Equal(name, Assert.Single(parsed.Mentions).Name);
    }

    [Fact]
    public void Combines_with_escaped_text_into_raw_commentary()
    {
        var urn = LinkedInUrn.ForOrganization("1234");
        var little = LittleText.Escape("Thanks (really!) to ") + LittleText.Mention("Acme [EU]", urn) + LittleText.Escape(" #teamwork :)");

        var raw = CommentaryRules.ToLittleText(little, CommentaryFormat.Raw);

        var parsed = ReferenceLittleTextParser.Parse(raw);
        Assert.False(parsed.Truncated);
        Assert.Equal("Thanks (really!) to Acme [EU] #teamwork :)", parsed.Visible);
        Assert.Equal("Acme [EU]", Assert.Single(parsed.Mentions).Name);
    }

    [Fact]
    public void A_text_format_mention_and_the_helper_agree_for_ordinary_names()
    {
        var urn = LinkedInUrn.ForPerson("782bbtaQ");

        Assert.Equal(LittleText.Mention("Jane Doe", urn), LittleText.Escape("@[Jane Doe](urn:li:person:782bbtaQ)"));
        Assert.Equal(LittleText.Mention("Jane (JD) Doe", urn), LittleText.Escape("@[Jane (JD) Doe](urn:li:person:782bbtaQ)"));
    }

    [Theory]
    [InlineData("urn:li:share:7045020441609936898")]
    [InlineData("urn:li:ugcPost:1")]
    [InlineData("urn:li:organization:acme")]
    [InlineData("urn:li:person:a.b")]
    [InlineData("urn:li:person:a)b")]
    public void Refuses_urns_a_mention_cannot_carry(string urn)
    {
        var error = Assert.Throws<ArgumentException>(() => LittleText.Mention("Name", LinkedInUrn.Parse(urn)));

        Assert.Equal("urn", error.ParamName);
        Assert.Contains(urn, error.Message);
        Assert.Contains("urn:li:person:", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Jane\nDoe")]
    [InlineData("Jane\0")]
    public void Refuses_names_that_cannot_show(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => LittleText.Mention(name, LinkedInUrn.ForPerson("1")));

        Assert.Equal("displayName", error.ParamName);
    }

    [Fact]
    public void Refuses_null()
    {
        Assert.Throws<ArgumentNullException>(() => LittleText.Mention(null!, LinkedInUrn.ForPerson("1")));
        Assert.Throws<ArgumentNullException>(() => LittleText.Mention("Jane", null!));
    }
}
