using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Tests.Content;

public class CommentaryRulesTests
{
    private static LinkedInValidationException Refused(string commentary, CommentaryFormat format = CommentaryFormat.Text)
    {
        var error = Assert.Throws<LinkedInValidationException>(() => CommentaryRules.ToLittleText(commentary, format));
        Assert.Equal("Commentary", error.Field);
        Assert.Equal("LinkedInInvalidCommentary", error.ErrorId);
        Assert.StartsWith("Commentary ", error.Message);
        return error;
    }

    /// <summary>A text of <paramref name="length"/> characters with <paramref name="parentheses"/> of them being '(' or ')'.</summary>
    private static string TextWithParentheses(int length, int parentheses)
    {
        var chars = Enumerable.Repeat('a', length).ToArray();
        for (var i = 0; i < parentheses; i++)
        {
            chars[i * (length / parentheses)] = i % 2 == 0 ? '(' : ')';
        }
        return new string(chars);
    }

    [Fact]
    public void Text_format_escapes()
    {
        Assert.Equal(@"Hi \(all\) #dotnet @[Jane](urn:li:person:1)", CommentaryRules.ToLittleText("Hi (all) #dotnet @[Jane](urn:li:person:1)", CommentaryFormat.Text));
    }

    [Theory]
    [InlineData(@"Hi \(all\)")]
    [InlineData(@"Thanks @[Contoso \(EMEA\)](urn:li:organization:1234) #ops {hashtag|#|news}")]
    public void Raw_format_is_sent_exactly_as_given(string raw)
    {
        Assert.Same(raw, CommentaryRules.ToLittleText(raw, CommentaryFormat.Raw));
    }

    /// <summary>
    /// Raw text LinkedIn would cut (an unescaped reserved character outside a mention, hashtag or template) is refused with
    /// where and how to fix it: LinkedIn answers 201 and silently keeps only the text before it (review S14-P4).
    /// </summary>
    [Theory]
    [InlineData("Hi (all) – the user owns escaping in raw mode", '(', 4)]
    [InlineData(@"trailing \", '\\', 10)]
    [InlineData("C# tips", '#', 2)]
    [InlineData(@"@[Contoso (EMEA)](urn:li:organization:1)", '@', 1)]
    public void Raw_text_that_LinkedIn_would_cut_is_refused_naming_the_character(string raw, char reserved, int position)
    {
        var error = Refused(raw, CommentaryFormat.Raw);

        Assert.Contains($"unescaped '{reserved}' at character {position}", error.Message);
        Assert.Contains("without -Raw", error.Message);
        Assert.True(ReferenceLittleTextParser.Parse(raw).Truncated); // the reference reading of the grammar cuts it too
    }

    [Theory]
    [InlineData(CommentaryFormat.Text)]
    [InlineData(CommentaryFormat.Raw)]
    public void Empty_commentary_is_refused_with_what_to_do(CommentaryFormat format)
    {
        var error = Refused("", format);

        Assert.Contains("empty", error.Message);
        Assert.Contains("LinkedIn requires text", error.Message);
        Assert.Contains("at least one visible character", error.Message);
        Assert.Contains("empty", Refused(null!, format).Message);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    [InlineData("\u00A0\u2003")]
    public void Whitespace_only_commentary_is_refused(string text)
    {
        var error = Refused(text);

        Assert.Contains("only whitespace", error.Message);
        Assert.Contains("at least one visible character", error.Message);
        Refused(text, CommentaryFormat.Raw);
    }

    [Fact]
    public void Exactly_the_limit_is_accepted()
    {
        var text = new string('a', CommentaryRules.MaxLength);

        Assert.Equal(3000, CommentaryRules.MaxLength);
        Assert.Equal(text, CommentaryRules.ToLittleText(text, CommentaryFormat.Text));
        Assert.Equal(text, CommentaryRules.ToLittleText(text, CommentaryFormat.Raw));
    }

    [Fact]
    public void One_over_the_limit_is_refused_saying_by_how_much()
    {
        var error = Refused(new string('a', 3001));

        Assert.Contains("3001 characters", error.Message);
        Assert.Contains("limit of 3000", error.Message);
        Assert.Contains("Shorten it by at least 1 character ", error.Message);
    }

    [Fact]
    public void The_limit_applies_to_the_escaped_text()
    {
        var text = TextWithParentheses(2990, 20);
        Assert.Equal(20, text.Count(c => c is '(' or ')'));

        var error = Refused(text);

        Assert.Contains("3010 characters after escaping", error.Message);
        Assert.Contains("2990 as written", error.Message);
        Assert.Contains("limit of 3000 by 10", error.Message);
        Assert.Contains("Shorten it by at least 10 characters", error.Message);
        Assert.Contains("counts twice", error.Message);
    }

    [Fact]
    public void Escaped_text_exactly_at_the_limit_is_accepted()
    {
        var text = TextWithParentheses(2980, 20);

        var little = CommentaryRules.ToLittleText(text, CommentaryFormat.Text);

        Assert.Equal(3000, little.Length);
        Assert.False(ReferenceLittleTextParser.Parse(little).Truncated);
    }

    [Fact]
    public void Raw_text_is_length_checked_as_given()
    {
        var escaped = CommentaryRules.ToLittleText(TextWithParentheses(2980, 20), CommentaryFormat.Text);
        Assert.Same(escaped, CommentaryRules.ToLittleText(escaped, CommentaryFormat.Raw));

        var error = Refused(new string('a', 3001), CommentaryFormat.Raw);

        Assert.Contains("3001 characters", error.Message);
        Assert.Contains("by 1", error.Message);
        Assert.DoesNotContain("escaping", error.Message);
    }

    [Fact]
    public void Emoji_count_as_two_utf16_units_the_conservative_reading()
    {
        var fits = string.Concat(Enumerable.Repeat("👍", 1500));
        Assert.Equal(fits, CommentaryRules.ToLittleText(fits, CommentaryFormat.Text));

        var error = Refused(fits + "👍");

        Assert.Contains("3002 characters", error.Message);
        Assert.Contains("emoji count twice", error.Message);
    }

    [Fact]
    public void Nul_is_refused_naming_the_position()
    {
        var error = Refused("Hello\0world");

        Assert.Contains("U+0000 (NUL)", error.Message);
        Assert.Contains("line 1, column 6 (index 5 in the string)", error.Message);
        Assert.Contains("remove it", error.Message);
    }

    [Theory]
    [InlineData("first\r\nsec\u0007ond", "U+0007 (BEL)", "line 2, column 4 (index 10")]
    [InlineData("a\nb\rc\u001B", "U+001B (ESC)", "line 3, column 2 (index 5")]
    [InlineData("👍👍\u007F", "U+007F (DEL)", "line 1, column 3 (index 4")]
    [InlineData("x\u0085", "U+0085 (next line)", "line 1, column 2")]
    [InlineData("x\u0001", "U+0001 at", "line 1, column 2")]
    public void Control_characters_are_refused_naming_line_and_column(string text, string character, string where)
    {
        var error = Refused(text);

        Assert.Contains(character, error.Message);
        Assert.Contains(where, error.Message);
        Assert.Contains("line breaks and tabs are fine", error.Message);
        Refused(text, CommentaryFormat.Raw);
    }

    [Fact]
    public void Lone_surrogates_are_refused_naming_the_position()
    {
        var high = Refused("ab\uD83D");
        Assert.Contains("unpaired surrogate, U+D83D", high.Message);
        Assert.Contains("line 1, column 3 (index 2", high.Message);
        Assert.Contains("half of an emoji", high.Message);

        Assert.Contains("U+DE00", Refused("\uDE00x").Message);
        Assert.Contains("U+DE00", Refused("ok \uDE00\uD83D", CommentaryFormat.Raw).Message);
    }

    [Fact]
    public void Characters_checks_come_before_length_so_the_position_is_reported()
    {
        var error = Refused(new string('a', 4000) + "\0");

        Assert.Contains("U+0000", error.Message);
    }

    [Theory]
    [InlineData("line one\r\nline two\n\ttabbed")]
    [InlineData("family 👨‍👩‍👧‍👦 ZWJ, RTL mark \u200F, BOM \uFEFF, separator \u2028 ok")]
    public void Line_breaks_tabs_and_format_characters_are_allowed(string text)
    {
        Assert.Equal(text, CommentaryRules.ToLittleText(text, CommentaryFormat.Text));
    }

    [Fact]
    public void An_undefined_format_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentaryRules.ToLittleText("x", (CommentaryFormat)42));
    }
}
