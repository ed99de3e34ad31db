using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Tests.Content;

public class LittleTextEscapeTests
{
    public static TheoryData<string> ReservedCharacters() =>
        new() { "\\", "|", "{", "}", "@", "[", "]", "(", ")", "<", ">", "#", "*", "_", "~" };

    [Theory]
    [MemberData(nameof(ReservedCharacters))]
    public void Each_reserved_character_alone_gets_one_backslash(string reserved)
    {
        Assert.Equal("\\" + reserved, LittleText.Escape(reserved));
        LittleTextAssert.ShowsAsWritten(reserved);
    }

    [Theory]
    [MemberData(nameof(ReservedCharacters))]
    public void Each_reserved_character_in_the_middle_of_text_is_escaped_and_shown(string reserved)
    {
        var text = "left " + reserved + " right" + reserved + "end";

        Assert.Equal("left \\" + reserved + " right\\" + reserved + "end", LittleText.Escape(text));
        LittleTextAssert.ShowsAsWritten(text);
    }

    [Fact]
    public void The_whole_reserved_set_in_a_row_is_escaped_one_by_one()
    {
        Assert.Equal(@"\\\|\{\}\@\[\]\(\)\<\>\#\*\_\~", LittleText.Escape(@"\|{}@[]()<>#*_~"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hello world")]
    [InlineData("Release 2.0 is out! 50% faster, see https://contoso.com/blog?id=1&x=2.")]
    [InlineData("quotes \" and ' and `backticks` and $vars and ^ and = and + and / and :;,.!?")]
    public void Text_without_reserved_characters_is_unchanged(string text)
    {
        Assert.Equal(text, LittleText.Escape(text));
    }

    [Fact]
    public void The_reported_truncation_case_is_fully_shown()
    {
        const string text = "This is a test. (This is also a test.)";

        Assert.Equal(@"This is a test. \(This is also a test.\)", LittleText.Escape(text));
        LittleTextAssert.ShowsAsWritten(text);
    }

    [Fact]
    public void Markdown_habits_are_shown_literally()
    {
        const string text = "**bold** _italic_ ~~strike~~ [link](https://x.test) <b>html</b> a|b {x}";

        Assert.Equal(@"\*\*bold\*\* \_italic\_ \~\~strike\~\~ \[link\]\(https://x.test\) \<b\>html\</b\> a\|b \{x\}", LittleText.Escape(text));
        LittleTextAssert.ShowsAsWritten(text);
    }

    // --- Backslashes: in text as written a backslash is always a literal backslash. ---

    [Theory]
    [InlineData(@"\", @"\\")]
    [InlineData(@"\\", @"\\\\")]
    [InlineData(@"\\\", @"\\\\\\")]
    [InlineData(@"ends with \", @"ends with \\")]
    [InlineData(@"C:\Temp\new file.txt", @"C:\\Temp\\new file.txt")]
    [InlineData(@"\n is not a newline", @"\\n is not a newline")]
    public void Backslashes_are_doubled(string text, string expected)
    {
        Assert.Equal(expected, LittleText.Escape(text));
        LittleTextAssert.ShowsAsWritten(text);
    }

    [Theory]
    [InlineData(@"\(", @"\\\(")]
    [InlineData(@"already \(escaped\)", @"already \\\(escaped\\\)")]
    [InlineData(@"\\(", @"\\\\\(")]
    [InlineData(@"\@[A](urn:li:person:1)", @"\\@[A](urn:li:person:1)")]
    [InlineData(@"\#tag", @"\\#tag")]
    public void Text_that_already_contains_escapes_is_escaped_again_because_the_backslash_is_literal(string text, string expected)
    {
        Assert.Equal(expected, LittleText.Escape(text));
        LittleTextAssert.ShowsAsWritten(text);
    }

    // --- Mentions ---

    [Theory]
    [InlineData("Hello @[Acme Corp](urn:li:organization:1234)", "Acme Corp", "urn:li:organization:1234")]
    [InlineData("@[Jane Doe](urn:li:person:782bbtaQ) opened the event", "Jane Doe", "urn:li:person:782bbtaQ")]
    [InlineData("Thanks to @[Jane Doe](urn:li:person:782bbtaQ)", "Jane Doe", "urn:li:person:782bbtaQ")]
    [InlineData("@[Jane](urn:li:person:-f_Ut43FoQ)", "Jane", "urn:li:person:-f_Ut43FoQ")]
    [InlineData("x@[Émilie Dubois](urn:li:person:abc)y", "Émilie Dubois", "urn:li:person:abc")]
    [InlineData("@[محمد](urn:li:person:Z9)", "محمد", "urn:li:person:Z9")]
    public void A_valid_mention_stays_live_and_unchanged(string text, string name, string urn)
    {
        Assert.Equal(text, LittleText.Escape(text));
        var parsed = LittleTextAssert.ShowsAsWritten(text);
        Assert.Equal(new ReferenceLittleTextParser.MentionElement(name, urn), Assert.Single(parsed.Mentions));
    }

    [Theory]
    [InlineData("@[Contoso (EMEA)](urn:li:organization:1)", @"@[Contoso \(EMEA\)](urn:li:organization:1)", "Contoso (EMEA)")]
    [InlineData(@"@[a_b#c@d\e*f~g|h<i>{j}](urn:li:person:x)", @"@[a\_b\#c\@d\\e\*f\~g\|h\<i\>\{j\}](urn:li:person:x)", @"a_b#c@d\e*f~g|h<i>{j}")]
    [InlineData("@[Name)](urn:li:person:1)", @"@[Name\)](urn:li:person:1)", "Name)")]
    public void Reserved_characters_in_a_mention_name_are_escaped_inside_the_live_template(string text, string expected, string name)
    {
        Assert.Equal(expected, LittleText.Escape(text));
        var parsed = LittleTextAssert.ShowsAsWritten(text);
        Assert.Equal(name, Assert.Single(parsed.Mentions).Name);
    }

    [Theory]
    [InlineData("ops@contoso.com", @"ops\@contoso.com")]
    [InlineData("@channel", @"\@channel")]
    [InlineData("@[broken](not-a-urn)", @"\@\[broken\]\(not-a-urn\)")]
    [InlineData("@[Name](urn:li:share:1)", @"\@\[Name\]\(urn:li:share:1\)")]
    [InlineData("@[Name](urn:li:ugcPost:1)", @"\@\[Name\]\(urn:li:ugcPost:1\)")]
    [InlineData("@[Name](urn:li:organization:abc)", @"\@\[Name\]\(urn:li:organization:abc\)")]
    [InlineData("@[Name](urn:li:person:)", @"\@\[Name\]\(urn:li:person:\)")]
    [InlineData("@[Name](urn:li:person:a.b)", @"\@\[Name\]\(urn:li:person:a.b\)")]
    [InlineData("@[Name](urn:li:person:1:2)", @"\@\[Name\]\(urn:li:person:1:2\)")]
    [InlineData("@[Name](urn:li:person:1 )", @"\@\[Name\]\(urn:li:person:1 \)")]
    [InlineData("@[Name](URN:LI:PERSON:1)", @"\@\[Name\]\(URN:LI:PERSON:1\)")]
    [InlineData("@[Name](urn%3Ali%3Aperson%3A1)", @"\@\[Name\]\(urn%3Ali%3Aperson%3A1\)")]
    [InlineData("@[Name] (urn:li:person:1)", @"\@\[Name\] \(urn:li:person:1\)")]
    [InlineData("@ [Name](urn:li:person:1)", @"\@ \[Name\]\(urn:li:person:1\)")]
    [InlineData("@[Name](urn:li:person:1", @"\@\[Name\]\(urn:li:person:1")]
    [InlineData("@[Name]", @"\@\[Name\]")]
    [InlineData("@[Name", @"\@\[Name")]
    [InlineData("@[", @"\@\[")]
    [InlineData("@", @"\@")]
    [InlineData("@[](urn:li:person:1)", @"\@\[\]\(urn:li:person:1\)")]
    [InlineData("@[   ](urn:li:person:1)", @"\@\[   \]\(urn:li:person:1\)")]
    [InlineData("@[[A]](urn:li:person:1)", @"\@\[\[A\]\]\(urn:li:person:1\)")]
    [InlineData("@[A]B](urn:li:person:1)", @"\@\[A\]B\]\(urn:li:person:1\)")]
    [InlineData("@[A[B](urn:li:person:1)", @"\@\[A\[B\]\(urn:li:person:1\)")]
    [InlineData("@[Jane\nDoe](urn:li:person:1)", "\\@\\[Jane\nDoe\\]\\(urn:li:person:1\\)")]
    public void An_at_sign_that_does_not_start_a_valid_mention_is_escaped(string text, string expected)
    {
        Assert.Equal(expected, LittleText.Escape(text));
        var parsed = LittleTextAssert.ShowsAsWritten(text);
        Assert.Empty(parsed.Mentions);
    }

    [Theory]
    [InlineData("@[a] and @[Jane](urn:li:person:1)", @"\@\[a\] and @[Jane](urn:li:person:1)")]
    [InlineData("@@[Jane](urn:li:person:1)", @"\@@[Jane](urn:li:person:1)")]
    [InlineData("@[A @[Jane](urn:li:person:1)", @"\@\[A @[Jane](urn:li:person:1)")]
    [InlineData("@[Jane](urn:li:person:1))", @"@[Jane](urn:li:person:1)\)")]
    [InlineData("(@[Jane](urn:li:person:1))", @"\(@[Jane](urn:li:person:1)\)")]
    [InlineData("[@[Jane](urn:li:person:1)]", @"\[@[Jane](urn:li:person:1)\]")]
    [InlineData("@[Jane](urn:li:person:1)(x)", @"@[Jane](urn:li:person:1)\(x\)")]
    [InlineData("@[Jane](urn:li:person:1)#tag", @"@[Jane](urn:li:person:1)#tag")]
    public void A_valid_mention_next_to_broken_syntax_stays_live_while_the_rest_is_escaped(string text, string expected)
    {
        Assert.Equal(expected, LittleText.Escape(text));
        var parsed = LittleTextAssert.ShowsAsWritten(text);
        Assert.Equal("Jane", Assert.Single(parsed.Mentions).Name);
    }

    [Fact]
    public void Several_mentions_in_a_row_all_stay_live()
    {
        const string text = "@[A](urn:li:person:1)@[B](urn:li:organization:2), @[C](urn:li:person:3)";

        Assert.Equal(text, LittleText.Escape(text));
        var parsed = LittleTextAssert.ShowsAsWritten(text);
        Assert.Equal(new[] { "A", "B", "C" }, parsed.Mentions.Select(m => m.Name));
    }

    // --- Hashtags ---

    [Theory]
    [InlineData("#dotnet")]
    [InlineData("Shipping today #DevOps2025 #PowerShell")]
    [InlineData("#2024goals")]
    [InlineData("#1st")]
    [InlineData("#日本")]
    [InlineData("#café")]
    [InlineData("#cafe\u0301")]
    [InlineData("#Ünïcödé")]
    [InlineData("#مرحبا")]
    [InlineData("#שלום")]
    [InlineData("#हिन्दी")]
    [InlineData("#𠀀字")]
    [InlineData("#tag.")]
    [InlineData("#tag, #other!")]
    [InlineData("❤️#love")]
    [InlineData("(x) #tag")]
    public void A_sign_followed_by_a_word_with_a_letter_stays_a_live_hashtag(string text)
    {
        var little = LittleText.Escape(text);

        Assert.DoesNotContain(@"\#", little);
        var parsed = LittleTextAssert.ShowsAsWritten(text);
        Assert.NotEmpty(parsed.Hashtags);
    }

    [Theory]
    [InlineData("#", @"\#")]
    [InlineData("end #", @"end \#")]
    [InlineData("# tag", @"\# tag")]
    [InlineData("#1", @"\#1")]
    [InlineData("We are #1 in issue #42", @"We are \#1 in issue \#42")]
    [InlineData("#!", @"\#!")]
    [InlineData("#-tag", @"\#-tag")]
    [InlineData("#🎉", @"\#🎉")]
    [InlineData("#\u0301x", "\\#\u0301x")]
    [InlineData("C#", @"C\#")]
    [InlineData("C# and F#", @"C\# and F\#")]
    [InlineData("F#m chord", @"F\#m chord")]
    [InlineData("abc#def", @"abc\#def")]
    [InlineData("9#x", @"9\#x")]
    [InlineData("cafe\u0301#x", "cafe\u0301\\#x")]
    [InlineData("#\uFE0F\u20E3", "\\#\uFE0F\u20E3")]
    [InlineData("#_tag", @"\#\_tag")]
    public void A_sign_that_does_not_start_a_hashtag_is_escaped(string text, string expected)
    {
        Assert.Equal(expected, LittleText.Escape(text));
        var parsed = LittleTextAssert.ShowsAsWritten(text);
        Assert.Empty(parsed.Hashtags);
    }

    [Theory]
    [InlineData("##tag", @"\##tag", "#tag")]
    [InlineData("#a#b", @"#a\#b", "#a")]
    [InlineData("#my_tag", @"#my\_tag", "#my")]
    [InlineData("(#tag)", @"\(#tag\)", "#tag")]
    [InlineData("*#tag*", @"\*#tag\*", "#tag")]
    [InlineData("#tag\\", @"#tag\\", "#tag")]
    public void Hashtags_next_to_reserved_characters_stay_live_and_the_rest_is_escaped(string text, string expected, string hashtag)
    {
        Assert.Equal(expected, LittleText.Escape(text));
        var parsed = LittleTextAssert.ShowsAsWritten(text);
        Assert.Equal(hashtag, Assert.Single(parsed.Hashtags));
    }

    [Theory]
    [InlineData("＃tag")]
    [InlineData("＃")]
    [InlineData("x＃y ＃ ＃1")]
    public void The_full_width_sign_is_not_reserved_and_never_escaped(string text)
    {
        Assert.Equal(text, LittleText.Escape(text));
        LittleTextAssert.ShowsAsWritten(text);
    }

    [Theory]
    [InlineData("{hashtag|#|mytag}", "#mytag")]
    [InlineData("Thoughts on {hashtag|#|Technology} today", "#Technology")]
    [InlineData("{hashtag|＃|日本}", "＃日本")]
    [InlineData("{hashtag|#|2025}", "#2025")]
    [InlineData("{hashtag|#|cafe\u0301}", "#cafe\u0301")]
    public void The_hashtag_template_stays_live(string text, string hashtag)
    {
        Assert.Equal(text, LittleText.Escape(text));
        var parsed = LittleTextAssert.ShowsAsWritten(text);
        Assert.Equal(hashtag, Assert.Single(parsed.Hashtags));
    }

    [Theory]
    [InlineData("{hashtag|#|my tag}", @"\{hashtag\|\#\|my tag\}")]
    [InlineData("{hashtag|#|}", @"\{hashtag\|\#\|\}")]
    [InlineData("{hashtag|#|a_b}", @"\{hashtag\|\#\|a\_b\}")]
    [InlineData("{hashtag|#|tag", @"\{hashtag\|\#\|tag")]
    [InlineData("{Hashtag|#|tag}", @"\{Hashtag\|\#\|tag\}")]
    [InlineData("{hashtag|@|tag}", @"\{hashtag\|\@\|tag\}")]
    [InlineData("{hashtag|#tag}", @"\{hashtag\|#tag\}")]
    [InlineData("{hashtag}", @"\{hashtag\}")]
    public void A_broken_hashtag_template_is_escaped(string text, string expected)
    {
        Assert.Equal(expected, LittleText.Escape(text));
        LittleTextAssert.ShowsAsWritten(text);
    }

    // --- Unicode and whitespace are never split or altered. ---

    [Theory]
    [InlineData("👍🏽 great")]
    [InlineData("family 👨‍👩‍👧‍👦 and flag 🇫🇷")]
    [InlineData("cafe\u0301 and n\u0303")]
    [InlineData("مرحبا بالعالم")]
    [InlineData("שלום \u200Fעולם\u200E")]
    [InlineData("日本語のテキスト")]
    [InlineData("line one\r\nline two\r\n\r\n\tindented")]
    [InlineData("mixed\nunix\rold mac\u2028separator")]
    [InlineData("𝒳 math letters and 🧑🏾‍💻 coder")]
    public void Text_without_reserved_characters_in_any_script_is_unchanged(string text)
    {
        Assert.Equal(text, LittleText.Escape(text));
        LittleTextAssert.ShowsAsWritten(text);
    }

    [Theory]
    [InlineData("👍(x)", @"👍\(x\)")]
    [InlineData("(👨‍👩‍👧)", @"\(👨‍👩‍👧\)")]
    [InlineData("e\u0301_", "e\u0301\\_")]
    [InlineData("[مرحبا]", @"\[مرحبا\]")]
    [InlineData("a\r\n(b)\t*c*", "a\r\n\\(b\\)\t\\*c\\*")]
    public void Escaping_next_to_emoji_marks_rtl_and_line_breaks_only_adds_backslashes(string text, string expected)
    {
        Assert.Equal(expected, LittleText.Escape(text));
        LittleTextAssert.ShowsAsWritten(text);
    }

    [Fact]
    public void Lone_surrogates_pass_through_escaping_unchanged()
    {
        // CommentaryRules rejects them before sending; Escape itself must still never lose text.
        const string text = "\uD83D(\uDE00";

        Assert.Equal("\uD83D\\(\uDE00", LittleText.Escape(text));
        Assert.Equal(text, LittleText.Unescape(LittleText.Escape(text)));
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => LittleText.Escape(null!));
    }
}
