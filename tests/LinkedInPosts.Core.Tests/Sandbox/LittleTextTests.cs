namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>LinkedIn's silent truncation at unescaped reserved characters (linkedin-api.md section 2, pitfall 1).</summary>
public sealed class LittleTextTests : SandboxTestBase
{
    public LittleTextTests(SandboxFixture fixture) : base(fixture) { }

    [Theory]
    [InlineData("This is a test. (This is also a test.)", "This is a test. ")]
    [InlineData("closing ) first", "closing ")]
    [InlineData("a | b", "a ")]
    [InlineData("set {a}", "set ")]
    [InlineData("brace } alone", "brace ")]
    [InlineData("list [1]", "list ")]
    [InlineData("bracket ] alone", "bracket ")]
    [InlineData("a <b> tag", "a ")]
    [InlineData("1 > 0", "1 ")]
    [InlineData("*bold*", "")]
    [InlineData("snake_case", "snake")]
    [InlineData("~strike~", "")]
    [InlineData("mail me @ home", "mail me ")]
    [InlineData("we are # 1", "we are ")]
    [InlineData("ends with a backslash \\", "ends with a backslash ")]
    [InlineData("@[Group](urn:li:group:123) hi", "")]
    [InlineData("@[Ada](urn:li:person:) hi", "")]
    [InlineData("@[Contoso](urn:li:organization:abc) hi", "")]
    [InlineData("#tag_more", "#tag")]
    [InlineData("{hashtag|#|} empty", "")]
    [InlineData("{hashtag|#|word", "")]
    [InlineData("escaped \\( then raw (", "escaped \\( then raw ")]
    public async Task Unescaped_reserved_character_ends_the_stored_text_and_still_answers_201(string sent, string stored)
    {
        var ada = await NewPosterAsync();

        var urn = await CreatedUrnAsync(ada, sent);

        var post = await Admin.GetPostAsync(urn);
        Assert.NotNull(post);
        Assert.Equal(stored, post.Commentary);
        Assert.Equal(sent, post.SentCommentary);
    }

    [Theory]
    [InlineData("Thanks @[Ada Lovelace](urn:li:person:782bbtaQ) for this")]
    [InlineData("Thanks @[Contoso Ltd](urn:li:organization:2414183)!")]
    [InlineData("Mentions may hold escapes: @[Smith \\(CEO\\)](urn:li:person:a-b_C9)")]
    [InlineData("Loving #dotnet and #PowerShell7 today")]
    [InlineData("Unicode tags #café and #東京 and #𝒳")]
    [InlineData("Template {hashtag|#|automation} works")]
    [InlineData("Fullwidth template {hashtag|\uFF03|automation} works")]
    [InlineData("Fullwidth sign alone is plain: \uFF03 1")]
    [InlineData("All escaped: \\\\ \\| \\{ \\} \\@ \\[ \\] \\( \\) \\< \\> \\# \\* \\_ \\~ done")]
    [InlineData("An escaped space\\ is still just an escape")]
    [InlineData("")]
    public async Task Valid_elements_and_escapes_are_kept_whole(string sent)
    {
        var ada = await NewPosterAsync();

        var urn = await CreatedUrnAsync(ada, sent);

        var post = await Admin.GetPostAsync(urn);
        Assert.NotNull(post);
        Assert.Equal(sent, post.Commentary);
    }

    [Fact]
    public async Task Get_returns_the_truncated_commentary_in_its_stored_escaped_form()
    {
        var ada = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "Price \\(net\\) is 5 (five) euros");

        using var response = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), ada.Token));

        var post = await JsonAsync(response);
        Assert.Equal("Price \\(net\\) is 5 ", (string)post["commentary"]!);
    }
}
