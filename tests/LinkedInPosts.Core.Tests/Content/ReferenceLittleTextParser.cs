using System.Globalization;
using System.Text;

namespace LinkedInPosts.Core.Tests.Content;

/// <summary>
/// A deliberately small, independent model of how LinkedIn reads little text, written from
/// linkedin-api.md section 2 "Suggested emulator behaviour" and not from the production code:
/// left to right; <c>\x</c> is a literal x; a valid mention is kept; <c>#</c> or <c>＃</c> followed by
/// word characters is a hashtag; <c>{hashtag|#|x}</c> is kept; any other unescaped reserved
/// character ends the post there (LinkedIn's silent truncation).
/// </summary>
/// <remarks>
/// It is stricter than LinkedIn where the docs are vague (a lone <c>#</c> truncates, a name must be
/// escaped inside a mention), so passing it is the conservative guarantee.
/// </remarks>
internal static class ReferenceLittleTextParser
{
    private const string Reserved = "\\|{}@[]()<>#*_~";

    public abstract record Element;

    public sealed record Literal(string Text) : Element;

    public sealed record MentionElement(string Name, string Urn) : Element;

    public sealed record HashtagElement(char Sign, string Word) : Element;

    public sealed record HashtagTemplateElement(char Sign, string Word) : Element;

    public sealed record Result(IReadOnlyList<Element> Elements, bool Truncated, int TruncatedAt)
    {
        /// <summary>The text in the form the user writes it: mentions and templates in their source form.</summary>
        public string AsWritten => string.Concat(Elements.Select(e => e switch
        {
            Literal l => l.Text,
            MentionElement m => "@[" + m.Name + "](" + m.Urn + ")",
            HashtagElement h => h.Sign + h.Word,
            HashtagTemplateElement t => "{hashtag|" + t.Sign + "|" + t.Word + "}",
            _ => throw new InvalidOperationException(),
        }));

        /// <summary>What a reader of the feed sees: a mention shows its name, a template shows sign and word.</summary>
        public string Visible => string.Concat(Elements.Select(e => e switch
        {
            Literal l => l.Text,
            MentionElement m => m.Name,
            HashtagElement h => h.Sign + h.Word,
            HashtagTemplateElement t => t.Sign + t.Word,
            _ => throw new InvalidOperationException(),
        }));

        public IEnumerable<MentionElement> Mentions => Elements.OfType<MentionElement>();

        public IEnumerable<string> Hashtags => Elements.OfType<HashtagElement>().Select(h => h.Sign + h.Word)
            .Concat(Elements.OfType<HashtagTemplateElement>().Select(t => t.Sign + t.Word));
    }

    public static Result Parse(string little)
    {
        var elements = new List<Element>();
        var text = new StringBuilder();

        void Flush()
        {
            if (text.Length > 0)
            {
                elements.Add(new Literal(text.ToString()));
                text.Clear();
            }
        }

        Result Cut(int at)
        {
            Flush();
            return new Result(elements, true, at);
        }

        var pos = 0;
        while (pos < little.Length)
        {
            var c = little[pos];
            if (c == '\\')
            {
                if (pos + 1 >= little.Length)
                {
                    return Cut(pos);
                }
                var width = Width(little, pos + 1);
                text.Append(little, pos + 1, width);
                pos += 1 + width;
            }
            else if (c == '@')
            {
                if (!TryMention(little, pos, out var mention, out var next))
                {
                    return Cut(pos);
                }
                Flush();
                elements.Add(mention!);
                pos = next;
            }
            else if (c == '{')
            {
                if (!TryTemplate(little, pos, out var template, out var next))
                {
                    return Cut(pos);
                }
                Flush();
                elements.Add(template!);
                pos = next;
            }
            else if (c == '#' || c == '\uFF03')
            {
                var wordEnd = WordEnd(little, pos + 1);
                if (wordEnd == pos + 1)
                {
                    if (c == '#')
                    {
                        return Cut(pos);
                    }
                    text.Append(c);
                    pos++;
                    continue;
                }
                Flush();
                elements.Add(new HashtagElement(c, little[(pos + 1)..wordEnd]));
                pos = wordEnd;
            }
            else if (Reserved.Contains(c))
            {
                return Cut(pos);
            }
            else
            {
                text.Append(c);
                pos++;
            }
        }
        Flush();
        return new Result(elements, false, -1);
    }

    private static bool TryMention(string s, int at, out MentionElement? mention, out int next)
    {
        mention = null;
        next = at;
        if (at + 1 >= s.Length || s[at + 1] != '[')
        {
            return false;
        }
        var name = new StringBuilder();
        var pos = at + 2;
        while (true)
        {
            if (pos >= s.Length)
            {
                return false;
            }
            var c = s[pos];
            if (c == ']')
            {
                break;
            }
            if (c == '\\')
            {
                if (pos + 1 >= s.Length)
                {
                    return false;
                }
                name.Append(s[pos + 1]);
                pos += 2;
                continue;
            }
            if (Reserved.Contains(c))
            {
                return false;
            }
            name.Append(c);
            pos++;
        }
        if (name.Length == 0)
        {
            return false;
        }
        pos++;
        if (pos >= s.Length || s[pos] != '(')
        {
            return false;
        }
        var close = s.IndexOf(')', pos);
        if (close < 0)
        {
            return false;
        }
        var urn = s[(pos + 1)..close];
        var parts = urn.Split(':');
        var valid = parts.Length == 4 && parts[0] == "urn" && parts[1] == "li" && parts[3].Length > 0
            && ((parts[2] == "person" && parts[3].All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
                || (parts[2] == "organization" && parts[3].All(char.IsAsciiDigit)));
        if (!valid)
        {
            return false;
        }
        mention = new MentionElement(name.ToString(), urn);
        next = close + 1;
        return true;
    }

    private static bool TryTemplate(string s, int at, out HashtagTemplateElement? template, out int next)
    {
        template = null;
        next = at;
        const string Open = "{hashtag|";
        if (!s.AsSpan(at).StartsWith(Open, StringComparison.Ordinal))
        {
            return false;
        }
        var pos = at + Open.Length;
        if (pos + 1 >= s.Length || (s[pos] != '#' && s[pos] != '\uFF03') || s[pos + 1] != '|')
        {
            return false;
        }
        var sign = s[pos];
        var wordEnd = WordEnd(s, pos + 2);
        if (wordEnd == pos + 2 || wordEnd >= s.Length || s[wordEnd] != '}')
        {
            return false;
        }
        template = new HashtagTemplateElement(sign, s[(pos + 2)..wordEnd]);
        next = wordEnd + 1;
        return true;
    }

    /// <summary>Word characters, by Rune (so letters outside the BMP count): letters, marks, digits, connectors.</summary>
    private static int WordEnd(string s, int start)
    {
        var pos = start;
        while (pos < s.Length && Rune.DecodeFromUtf16(s.AsSpan(pos), out var rune, out var used) == System.Buffers.OperationStatus.Done)
        {
            var category = Rune.GetUnicodeCategory(rune);
            var word = Rune.IsLetterOrDigit(rune)
                || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
            if (!word || Reserved.Contains(s[pos]))
            {
                break;
            }
            pos += used;
        }
        return pos;
    }

    private static int Width(string s, int at) =>
        at + 1 < s.Length && char.IsSurrogatePair(s[at], s[at + 1]) ? 2 : 1;
}
