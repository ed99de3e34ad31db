using System.Text;

namespace LinkedInPosts.Sandbox.LittleText;

/// <summary>
/// Reads commentary the way LinkedIn's "little" text format does, to reproduce its silent truncation.
/// Written independently of LinkedInPosts.Core's escaper on purpose: the sandbox is the check on it.
///
/// Left to right: <c>\x</c> is a literal x; a mention <c>@[Name](urn:li:person|organization:ID)</c>
/// is kept; <c>#</c> followed by letters or digits is a hashtag; <c>{hashtag|#|word}</c> (also with
/// U+FF03) is kept. Any other unescaped reserved character is where LinkedIn's parser gives up, and
/// the stored text ends there. A lone <c>#</c>, <c>*</c>, <c>_</c> or <c>~</c> truncating too is our
/// reading of the grammar (UNCONFIRMED; see the README).
/// </summary>
internal static class LittleTextParser
{
    /// <summary>The characters little text reserves.</summary>
    public const string Reserved = "\\|{}@[]()<>#*_~";

    private const string HashtagTemplateStart = "{hashtag|";

    /// <summary>Parses <paramref name="text"/> and returns what LinkedIn would keep of it.</summary>
    public static LittleTextResult Parse(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (Reserved.IndexOf(c) < 0)
            {
                i++;
                continue;
            }
            var next = c switch
            {
                '\\' => i + 1 < text.Length ? i + 2 : -1,
                '@' => MentionEnd(text, i),
                '#' => HashtagEnd(text, i),
                '{' => HashtagTemplateEnd(text, i),
                _ => -1,
            };
            if (next < 0)
            {
                return new LittleTextResult(text[..i], i);
            }
            i = next;
        }
        return new LittleTextResult(text, null);
    }

    // @[Name](urn:li:person:ID) or @[Name](urn:li:organization:DIGITS); the name may hold escapes.
    private static int MentionEnd(string text, int at)
    {
        var i = at + 1;
        if (i >= text.Length || text[i] != '[')
        {
            return -1;
        }
        i++;
        var nameStart = i;
        while (i < text.Length && text[i] != ']')
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i += 2;
            }
            else if (Reserved.IndexOf(text[i]) >= 0)
            {
                return -1;
            }
            else
            {
                i++;
            }
        }
        if (i == nameStart || i + 1 >= text.Length || text[i + 1] != '(')
        {
            return -1;
        }
        i += 2;
        var close = text.IndexOf(')', i);
        if (close < 0 || !IsMentionableUrn(text.AsSpan(i, close - i)))
        {
            return -1;
        }
        return close + 1;
    }

    private static bool IsMentionableUrn(ReadOnlySpan<char> urn)
    {
        const string Person = "urn:li:person:";
        const string Organization = "urn:li:organization:";
        if (urn.StartsWith(Person, StringComparison.Ordinal))
        {
            var id = urn[Person.Length..];
            return !id.IsEmpty && AllChars(id, c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
        }
        if (urn.StartsWith(Organization, StringComparison.Ordinal))
        {
            var id = urn[Organization.Length..];
            return !id.IsEmpty && AllChars(id, char.IsAsciiDigit);
        }
        return false;
    }

    // '#' plus one or more Unicode letters or digits; the tag ends at the first other character.
    private static int HashtagEnd(string text, int at)
    {
        var end = WordEnd(text, at + 1);
        return end > at + 1 ? end : -1;
    }

    // {hashtag|#|word} or {hashtag|＃|word}
    private static int HashtagTemplateEnd(string text, int at)
    {
        if (string.CompareOrdinal(text, at, HashtagTemplateStart, 0, HashtagTemplateStart.Length) != 0)
        {
            return -1;
        }
        var i = at + HashtagTemplateStart.Length;
        if (i + 1 >= text.Length || (text[i] != '#' && text[i] != '\uFF03') || text[i + 1] != '|')
        {
            return -1;
        }
        var wordStart = i + 2;
        var wordEnd = WordEnd(text, wordStart);
        if (wordEnd == wordStart || wordEnd >= text.Length || text[wordEnd] != '}')
        {
            return -1;
        }
        return wordEnd + 1;
    }

    // Walks Unicode letters and digits by rune, so letters outside the BMP count too.
    private static int WordEnd(string text, int from)
    {
        var i = from;
        while (i < text.Length && Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) == System.Buffers.OperationStatus.Done
            && Rune.IsLetterOrDigit(rune))
        {
            i += used;
        }
        return i;
    }

    private static bool AllChars(ReadOnlySpan<char> span, Func<char, bool> test)
    {
        foreach (var c in span)
        {
            if (!test(c))
            {
                return false;
            }
        }
        return true;
    }
}
