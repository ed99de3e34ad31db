using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Tests.Content;

/// <summary>The end-to-end promise of escaping, checked against the reference parser.</summary>
internal static class LittleTextAssert
{
    /// <summary>
    /// Escapes <paramref name="text"/>, then checks that LinkedIn (as modelled) keeps all of it and
    /// shows it as written, and that Unescape gives the text back. Returns the parse for further checks.
    /// </summary>
    public static ReferenceLittleTextParser.Result ShowsAsWritten(string text)
    {
        var little = LittleText.Escape(text);
        var parsed = ReferenceLittleTextParser.Parse(little);

        Assert.False(parsed.Truncated, $"LinkedIn would cut {Show(little)} at index {parsed.TruncatedAt} (escaped from {Show(text)}).");
        Assert.Equal(text, parsed.AsWritten);
        Assert.Equal(text, LittleText.Unescape(little));
        return parsed;
    }

    /// <summary>Shows a string with its invisible and non-ASCII characters spelled out, for failure messages.</summary>
    public static string Show(string s) =>
        "\"" + string.Concat(s.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}")) + "\"";
}
