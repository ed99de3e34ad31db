using System;
using System.Globalization;
using System.Text;

namespace LinkedInPosts.Core.Content
{
    /// <summary>
    /// Converts between text as a person writes it and LinkedIn's "little" text format, which the
    /// Posts API uses for <c>commentary</c>. In little text the characters
    /// <c>\ | { } @ [ ] ( ) &lt; &gt; # * _ ~</c> are reserved: unescaped, LinkedIn reads them as markup
    /// and silently cuts the post at the first one that does not form an element (it still answers 201).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The guarantee of <see cref="Escape"/>: a parser that reads little text left to right, takes
    /// <c>\x</c> as a literal <c>x</c>, keeps valid mentions, hashtags and hashtag templates, and stops at
    /// any other unescaped reserved character, shows exactly the text the user wrote. Nothing is cut and
    /// nothing is lost. Only three things stay live, and only when they are unambiguous:
    /// </para>
    /// <list type="bullet">
    /// <item><description>
    /// Mentions <c>@[Display Name](urn:li:person:ID)</c> and <c>@[Display Name](urn:li:organization:ID)</c>.
    /// See <see cref="Escape"/> for exactly which forms count.
    /// </description></item>
    /// <item><description>Hashtags: <c>#</c> directly followed by a word that contains a letter, not in the middle of a word.</description></item>
    /// <item><description>The hashtag template <c>{hashtag|#|word}</c> (or with <c>＃</c>, U+FF03).</description></item>
    /// </list>
    /// <para>
    /// Escaping never splits or changes anything else: the reserved characters are all ASCII, so a
    /// backslash is only ever put in front of an ASCII character. Surrogate pairs (emoji), ZWJ
    /// sequences, combining marks, right-to-left text, CR LF and tabs pass through untouched.
    /// </para>
    /// <para>
    /// This applies to post commentary only. Comment text and article titles and descriptions are plain
    /// strings: escaping them shows literal backslashes to readers.
    /// </para>
    /// </remarks>
    public static class LittleText
    {
        /// <summary>The characters little text reserves, in the order LinkedIn's documentation lists them.</summary>
        internal const string ReservedCharacters = "\\|{}@[]()<>#*_~";

        /// <summary>The full-width number sign, which LinkedIn accepts as a hashtag sign besides <c>#</c>.</summary>
        internal const char FullWidthNumberSign = '\uFF03';

        private const string PersonUrnPrefix = "urn:li:person:";
        private const string OrganizationUrnPrefix = "urn:li:organization:";
        private const string HashtagTemplatePrefix = "{hashtag|";

        /// <summary>
        /// Turns text as the user wrote it into little text: every reserved character is escaped with a
        /// backslash, except in valid mentions, hashtags and hashtag templates, which stay live.
        /// </summary>
        /// <param name="text">The text as the user wrote it. A backslash in it is a literal backslash.</param>
        /// <returns>Little text that LinkedIn shows as exactly <paramref name="text"/>.</returns>
        /// <remarks>
        /// <para>Decisions, each chosen so that a doubtful case shows the user's text literally rather than risk a cut:</para>
        /// <list type="bullet">
        /// <item><description>
        /// A backslash is always literal, so text that already looks escaped is escaped again:
        /// <c>\(</c> becomes <c>\\\(</c> and shows as <c>\(</c>. Text that is already little text must be
        /// sent with <see cref="CommentaryFormat.Raw"/> instead.
        /// </description></item>
        /// <item><description>
        /// A mention is live only in the exact form <c>@[Name](urn:li:person:ID)</c> (ID of letters,
        /// digits, <c>-</c> and <c>_</c>) or <c>@[Name](urn:li:organization:ID)</c> (ID of digits), with no
        /// spaces around the brackets. The name must contain a non-space character and no <c>[</c>,
        /// <c>]</c> or line break: in text as written there is no way to tell a <c>]</c> inside a name from
        /// the one that closes it (<c>@[a] and @[b](urn:li:person:1)</c> would otherwise swallow text).
        /// Other reserved characters in the name, such as the parentheses in <c>Contoso (EMEA)</c>, are
        /// escaped inside the template, because the grammar requires every reserved character outside the
        /// template's own syntax to be escaped. The URN is copied as is.
        /// </description></item>
        /// <item><description>
        /// Every other <c>@</c> is escaped: e-mail addresses (<c>ops@contoso.com</c>), <c>@[broken](not-a-urn)</c>,
        /// <c>@[Name](urn:li:share:1)</c>, unclosed or nested brackets. They show as written.
        /// </description></item>
        /// <item><description>
        /// <c>#</c> stays a live hashtag only when the word right after it starts with a letter or digit
        /// and contains at least one Unicode letter (<c>#café</c>, <c>#日本</c>, <c>#cafe</c> + U+0301,
        /// <c>#2024goals</c>), and the <c>#</c> does not follow a letter or digit. So <c>#1</c> and
        /// <c>#42</c> (numbers, not topics), <c>C#</c>, <c>F#m</c>, <c># tag</c>, <c>#!</c>, <c>#🎉</c>, a
        /// final <c>#</c> and the first <c>#</c> of <c>##tag</c> are escaped and show as written. Whether
        /// LinkedIn cuts at a lone <c>#</c> is unconfirmed, so escaping is the safe side; the cost is
        /// only a missing hashtag link.
        /// </description></item>
        /// <item><description>
        /// <c>_</c> is reserved and is escaped inside a hashtag too: <c>#my_tag</c> becomes <c>#my\_tag</c>,
        /// a hashtag <c>#my</c> followed by the text <c>_tag</c>; every character still shows.
        /// </description></item>
        /// <item><description>
        /// <c>＃</c> (U+FF03) is not a reserved character, so it is never escaped; LinkedIn may make
        /// <c>＃word</c> a hashtag, which shows the same text.
        /// </description></item>
        /// <item><description>
        /// <c>{hashtag|#|word}</c> and <c>{hashtag|＃|word}</c> stay live when the word is letters, digits
        /// and combining marks; anything else in braces is escaped.
        /// </description></item>
        /// </list>
        /// </remarks>
        /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
        public static string Escape(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }
            if (IndexOfReserved(text, 0) < 0)
            {
                return text;
            }

            // One left-to-right pass. Doing it in one pass is what makes "the backslash first" hold: a
            // backslash the pass inserts is never looked at again, so it can never be doubled.
            var result = new StringBuilder(text.Length + 16);
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '@' && TryReadMention(text, i, out var nameStart, out var nameEnd, out var urnStart, out var end))
                {
                    result.Append("@[");
                    AppendEscaped(result, text, nameStart, nameEnd);
                    result.Append("](");
                    result.Append(text, urnStart, end - 1 - urnStart);
                    result.Append(')');
                    i = end;
                    continue;
                }
                if (c == '{' && TryReadHashtagTemplate(text, i, out end))
                {
                    result.Append(text, i, end - i);
                    i = end;
                    continue;
                }
                if (c == '#' && IsLiveHashtag(text, i))
                {
                    // Only the sign needs a decision: the word after it is letters, digits and marks,
                    // none of which is reserved, so the loop copies it unchanged.
                    result.Append('#');
                    i++;
                    continue;
                }
                if (IsReserved(c))
                {
                    result.Append('\\');
                }
                result.Append(c);
                i++;
            }
            return result.ToString();
        }

        /// <summary>
        /// Turns little text (as LinkedIn stores and returns it) back into the text as the user wrote it:
        /// a backslash before a reserved character is removed; mentions and hashtags stay as written.
        /// </summary>
        /// <param name="littleText">Little text, for example a post's <c>commentary</c> read back from LinkedIn.</param>
        /// <returns>The text as written; <c>Unescape(Escape(x)) == x</c> for every string <c>x</c>.</returns>
        /// <remarks>
        /// Malformed input never throws: a backslash that does not precede a reserved character (including
        /// a trailing one) is kept as a literal backslash, the least surprising reading of a hand-written
        /// <c>C:\Temp</c>. <see cref="Escape"/> never produces such a backslash. A mention whose name holds an
        /// escaped <c>]</c> unescapes to text that <see cref="Escape"/> no longer treats as a live mention
        /// (see the rules there); use <see cref="Mention"/> for such names.
        /// </remarks>
        /// <exception cref="ArgumentNullException"><paramref name="littleText"/> is null.</exception>
        public static string Unescape(string littleText)
        {
            if (littleText == null)
            {
                throw new ArgumentNullException(nameof(littleText));
            }
            var first = littleText.IndexOf('\\');
            if (first < 0)
            {
                return littleText;
            }
            var result = new StringBuilder(littleText.Length);
            result.Append(littleText, 0, first);
            for (var i = first; i < littleText.Length; i++)
            {
                var c = littleText[i];
                if (c == '\\' && i + 1 < littleText.Length && IsReserved(littleText[i + 1]))
                {
                    i++;
                    c = littleText[i];
                }
                result.Append(c);
            }
            return result.ToString();
        }

        /// <summary>
        /// Builds a live mention of a member or organization as little text, escaping the display name so
        /// that no character in it (not even <c>]</c>) can break the template.
        /// </summary>
        /// <param name="displayName">The name to show. LinkedIn links it only when it matches the member's or organization's name.</param>
        /// <param name="urn">A person (<c>urn:li:person:…</c>) or organization (<c>urn:li:organization:…</c>) URN.</param>
        /// <returns>
        /// Little text such as <c>@[Contoso \(EMEA\)](urn:li:organization:1234)</c>. It is little text, not
        /// text as written: combine it with <see cref="Escape"/> output and send the result as
        /// <see cref="CommentaryFormat.Raw"/>, e.g. <c>Escape("Thanks ") + Mention(name, urn) + Escape("!")</c>.
        /// In <see cref="CommentaryFormat.Text"/> commentary, write <c>@[Name](urn)</c> directly instead.
        /// </returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">
        /// The name is empty, blank or has a line break or control character, or the URN is not a person or
        /// organization with an id LinkedIn's mention syntax can carry.
        /// </exception>
        public static string Mention(string displayName, LinkedInUrn urn)
        {
            if (displayName == null)
            {
                throw new ArgumentNullException(nameof(displayName));
            }
            if (urn == null)
            {
                throw new ArgumentNullException(nameof(urn));
            }
            if (displayName.Trim().Length == 0)
            {
                throw new ArgumentException("A mention needs a display name; LinkedIn shows it in the post.", nameof(displayName));
            }
            foreach (var c in displayName)
            {
                if (char.IsControl(c))
                {
                    throw new ArgumentException(
                        $"The mention name '{displayName}' contains a line break or control character (U+{(int)c:X4}); a mention name must be on one line.",
                        nameof(displayName));
                }
            }
            var text = urn.ToString();
            if (ReadMentionUrn(text, 0) != text.Length)
            {
                throw new ArgumentException(
                    $"'{text}' cannot be mentioned. Use a person URN (urn:li:person: followed by letters, digits, '-' or '_') or an organization URN (urn:li:organization: followed by digits).",
                    nameof(urn));
            }
            var result = new StringBuilder(displayName.Length + text.Length + 8);
            result.Append("@[");
            AppendEscaped(result, displayName, 0, displayName.Length);
            result.Append("](").Append(text).Append(')');
            return result.ToString();
        }

        /// <summary>True for the characters little text reserves (<c>\ | { } @ [ ] ( ) &lt; &gt; # * _ ~</c>).</summary>
        internal static bool IsReserved(char c)
        {
            switch (c)
            {
                case '\\':
                case '|':
                case '{':
                case '}':
                case '@':
                case '[':
                case ']':
                case '(':
                case ')':
                case '<':
                case '>':
                case '#':
                case '*':
                case '_':
                case '~':
                    return true;
                default:
                    return false;
            }
        }

        private static int IndexOfReserved(string text, int start)
        {
            for (var i = start; i < text.Length; i++)
            {
                if (IsReserved(text[i]))
                {
                    return i;
                }
            }
            return -1;
        }

        private static void AppendEscaped(StringBuilder result, string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (IsReserved(c))
                {
                    result.Append('\\');
                }
                result.Append(c);
            }
        }

        /// <summary>
        /// Reads <c>@[Name](urn:li:person|organization:ID)</c> at <paramref name="at"/>. On success
        /// <paramref name="end"/> is the index just after the closing parenthesis.
        /// </summary>
        private static bool TryReadMention(string text, int at, out int nameStart, out int nameEnd, out int urnStart, out int end)
        {
            nameStart = at + 2;
            nameEnd = -1;
            urnStart = -1;
            end = -1;
            if (at + 1 >= text.Length || text[at + 1] != '[')
            {
                return false;
            }

            // The name runs to the first ']'. It may not contain '[' or a line break (see Escape), and it
            // must show something, or the post would show an empty link instead of the user's text.
            var hasVisible = false;
            var i = nameStart;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (c == ']')
                {
                    break;
                }
                if (c == '[' || c == '\r' || c == '\n')
                {
                    return false;
                }
                if (!char.IsWhiteSpace(c))
                {
                    hasVisible = true;
                }
            }
            if (i >= text.Length || !hasVisible)
            {
                return false;
            }
            nameEnd = i;

            // "](" then the URN then ")", with nothing in between.
            if (nameEnd + 1 >= text.Length || text[nameEnd + 1] != '(')
            {
                return false;
            }
            urnStart = nameEnd + 2;
            var urnEnd = ReadMentionUrn(text, urnStart);
            if (urnEnd < 0 || urnEnd >= text.Length || text[urnEnd] != ')')
            {
                return false;
            }
            end = urnEnd + 1;
            return true;
        }

        /// <summary>
        /// Where LinkedIn would cut <paramref name="littleText"/> (text sent with <see cref="CommentaryFormat.Raw"/>, escaped by
        /// the user): the index of the first reserved character that is not escaped (<c>\x</c>) and does not belong to a mention
        /// (<c>@[Name](urn:li:person:ID)</c>, the name holding escapes), a hashtag (<c>#</c> and a word) or a hashtag template;
        /// -1 when it is whole. LinkedIn answers 201 and keeps only the text before that character.
        /// </summary>
        internal static int FindCut(string littleText)
        {
            var i = 0;
            while (i < littleText.Length)
            {
                var c = littleText[i];
                if (!IsReserved(c))
                {
                    i++;
                    continue;
                }
                var next = c switch
                {
                    '\\' => i + 1 < littleText.Length ? i + 2 : -1,
                    '@' => EscapedMentionEnd(littleText, i),
                    '#' => ReadWord(littleText, i + 1, out _) is var wordEnd && wordEnd > i + 1 ? wordEnd : -1,
                    '{' => TryReadHashtagTemplate(littleText, i, out var end) ? end : -1,
                    _ => -1,
                };
                if (next < 0)
                {
                    return i;
                }
                i = next;
            }
            return -1;
        }

        // @[Name](urn) as little text: the name's reserved characters are escaped, so only an unescaped ']' closes it.
        private static int EscapedMentionEnd(string text, int at)
        {
            var i = at + 1;
            if (i >= text.Length || text[i] != '[')
            {
                return -1;
            }
            var nameStart = ++i;
            while (i < text.Length && text[i] != ']')
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i += 2;
                    continue;
                }
                if (IsReserved(text[i]))
                {
                    return -1;
                }
                i++;
            }
            if (i == nameStart || i + 1 >= text.Length || text[i + 1] != '(')
            {
                return -1;
            }
            var urnEnd = ReadMentionUrn(text, i + 2);
            return urnEnd < 0 || urnEnd >= text.Length || text[urnEnd] != ')' ? -1 : urnEnd + 1;
        }

        /// <summary>
        /// Reads a person or organization URN in the form LinkedIn's mention syntax accepts, starting at
        /// <paramref name="start"/>. Returns the index just after it, or -1.
        /// </summary>
        private static int ReadMentionUrn(string text, int start)
        {
            int idStart;
            bool personId;
            if (string.CompareOrdinal(text, start, PersonUrnPrefix, 0, PersonUrnPrefix.Length) == 0)
            {
                idStart = start + PersonUrnPrefix.Length;
                personId = true;
            }
            else if (string.CompareOrdinal(text, start, OrganizationUrnPrefix, 0, OrganizationUrnPrefix.Length) == 0)
            {
                idStart = start + OrganizationUrnPrefix.Length;
                personId = false;
            }
            else
            {
                return -1;
            }
            var i = idStart;
            while (i < text.Length && IsMentionIdChar(text[i], personId))
            {
                i++;
            }
            return i == idStart ? -1 : i;
        }

        // Organization ids are numbers; member ids are URL-safe base64-like strings such as 782bbtaQ or
        // -f_Ut43FoQ. Nothing else may sit between "(" and ")" or the template could not be closed.
        private static bool IsMentionIdChar(char c, bool personId) =>
            (c >= '0' && c <= '9')
            || (personId && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_'));

        /// <summary>Reads <c>{hashtag|#|word}</c> (or with U+FF03) at <paramref name="at"/>.</summary>
        private static bool TryReadHashtagTemplate(string text, int at, out int end)
        {
            end = -1;
            if (string.CompareOrdinal(text, at, HashtagTemplatePrefix, 0, HashtagTemplatePrefix.Length) != 0)
            {
                return false;
            }
            var i = at + HashtagTemplatePrefix.Length;
            if (i + 1 >= text.Length || (text[i] != '#' && text[i] != FullWidthNumberSign) || text[i + 1] != '|')
            {
                return false;
            }
            i += 2;
            var wordEnd = ReadWord(text, i, out _);
            if (wordEnd == i || wordEnd >= text.Length || text[wordEnd] != '}')
            {
                return false;
            }
            end = wordEnd + 1;
            return true;
        }

        /// <summary>
        /// True when the <c>#</c> at <paramref name="at"/> starts a hashtag worth keeping live: a word with a
        /// letter follows, and the sign is not in the middle of a word (<c>C#</c>, <c>abc#def</c>).
        /// </summary>
        private static bool IsLiveHashtag(string text, int at)
        {
            // Look back past combining marks to the base character, so "café#x" (with a combining accent)
            // counts as mid-word while "❤️#love" (an emoji plus variation selector) does not.
            var before = at;
            while (before > 0)
            {
                before = StartOfCodePointBefore(text, before);
                var category = CharUnicodeInfo.GetUnicodeCategory(text, before);
                if (IsMark(category))
                {
                    continue;
                }
                if (IsLetter(category) || category == UnicodeCategory.DecimalDigitNumber)
                {
                    return false;
                }
                break;
            }
            ReadWord(text, at + 1, out var hasLetter);
            return hasLetter;
        }

        /// <summary>
        /// Reads a hashtag word from <paramref name="start"/>: a letter or digit, then letters, digits and
        /// combining marks. Returns the index after it (<paramref name="start"/> when there is none).
        /// </summary>
        private static int ReadWord(string text, int start, out bool hasLetter)
        {
            hasLetter = false;
            var i = start;
            while (i < text.Length)
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
                var letter = IsLetter(category);
                var fits = letter
                    || category == UnicodeCategory.DecimalDigitNumber
                    || (i > start && IsMark(category));
                if (!fits)
                {
                    break;
                }
                hasLetter |= letter;
                i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            }
            return i;
        }

        private static int StartOfCodePointBefore(string text, int index)
        {
            var i = index - 1;
            if (i > 0 && char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
            {
                i--;
            }
            return i;
        }

        private static bool IsLetter(UnicodeCategory category) =>
            category == UnicodeCategory.UppercaseLetter
            || category == UnicodeCategory.LowercaseLetter
            || category == UnicodeCategory.TitlecaseLetter
            || category == UnicodeCategory.ModifierLetter
            || category == UnicodeCategory.OtherLetter;

        private static bool IsMark(UnicodeCategory category) =>
            category == UnicodeCategory.NonSpacingMark
            || category == UnicodeCategory.SpacingCombiningMark
            || category == UnicodeCategory.EnclosingMark;
    }
}
