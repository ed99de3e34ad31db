using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Tests.Content;

public class LittleTextUnescapeTests
{
    [Fact]
    public void Every_escaped_reserved_character_loses_its_backslash()
    {
        Assert.Equal(@"\|{}@[]()<>#*_~", LittleText.Unescape(@"\\\|\{\}\@\[\]\(\)\<\>\#\*\_\~"));
    }

    [Theory]
    [InlineData(@"This is a test. \(This is also a test.\)", "This is a test. (This is also a test.)")]
    [InlineData(@"\\\(", @"\(")]
    [InlineData(@"\\\\", @"\\")]
    [InlineData(@"C:\\Temp", @"C:\Temp")]
    [InlineData(@"ops\@contoso.com", "ops@contoso.com")]
    public void Escapes_are_removed(string little, string expected)
    {
        Assert.Equal(expected, LittleText.Unescape(little));
    }

    [Theory]
    [InlineData("@[Acme Corp](urn:li:organization:1234)", "@[Acme Corp](urn:li:organization:1234)")]
    [InlineData(@"@[Contoso \(EMEA\)](urn:li:organization:1)", "@[Contoso (EMEA)](urn:li:organization:1)")]
    [InlineData("#dotnet and {hashtag|#|Technology}", "#dotnet and {hashtag|#|Technology}")]
    [InlineData(@"#my\_tag", "#my_tag")]
    public void Mentions_and_hashtags_are_kept_as_written(string little, string expected)
    {
        Assert.Equal(expected, LittleText.Unescape(little));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(@"\", @"\")]
    [InlineData(@"trailing \", @"trailing \")]
    [InlineData(@"\\\", @"\\")]
    [InlineData(@"C:\Temp\new", @"C:\Temp\new")]
    [InlineData("\\\uD83D\uDC4D", "\\\uD83D\uDC4D")]
    [InlineData("\\\r\n", "\\\r\n")]
    [InlineData("never escaped (at all) #1 @x", "never escaped (at all) #1 @x")]
    public void Malformed_little_text_never_throws_and_keeps_stray_backslashes(string little, string expected)
    {
        Assert.Equal(expected, LittleText.Unescape(little));
    }

    [Fact]
    public void A_backslash_before_a_lone_surrogate_is_kept_and_nothing_is_split()
    {
        // Kept out of InlineData: theory arguments are serialized and a lone surrogate is not valid UTF-16.
        Assert.Equal("\\\uD83D", LittleText.Unescape("\\\uD83D"));
        Assert.Equal("x\\\uDC00\\", LittleText.Unescape("x\\\uDC00\\"));
    }

    [Fact]
    public void Text_without_backslashes_comes_back_unchanged()
    {
        const string text = "plain 👨‍👩‍👧 مرحبا\r\n";

        Assert.Same(text, LittleText.Unescape(text));
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => LittleText.Unescape(null!));
    }
}
