using System;
using System.Globalization;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Content
{
    /// <summary>
    /// Checks a post's commentary before anything is sent and turns it into the little text LinkedIn
    /// expects. Every rule here fails with a <see cref="LinkedInValidationException"/> for the field
    /// <c>Commentary</c>, whose message says what is wrong, where, and what to change.
    /// </summary>
    public static class CommentaryRules
    {
        /// <summary>
        /// LinkedIn's limit for <c>commentary</c>. Longer text is rejected with 400 FIELD_ARRAY_SIZE_TOO_HIGH.
        /// </summary>
        public const int MaxLength = 3000;

        /// <summary>The field name used in validation errors.</summary>
        internal const string Field = "Commentary";

        /// <summary>
        /// Validates <paramref name="commentary"/> and returns the little text to send.
        /// </summary>
        /// <param name="commentary">The commentary: text as written for <see cref="CommentaryFormat.Text"/>, little text for <see cref="CommentaryFormat.Raw"/>.</param>
        /// <param name="format">
        /// <see cref="CommentaryFormat.Text"/> escapes it with <see cref="LittleText.Escape"/>;
        /// <see cref="CommentaryFormat.Raw"/> sends it exactly as given (the caller owns the escaping) but still checks it.
        /// </param>
        /// <returns>The little text for the Posts API <c>commentary</c> field.</returns>
        /// <exception cref="LinkedInValidationException">
        /// The commentary is empty or only whitespace, contains a control character (other than CR, LF and
        /// tab) or a broken surrogate, or is longer than <see cref="MaxLength"/> once escaped.
        /// </exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
        public static string ToLittleText(string commentary, CommentaryFormat format)
        {
            if (format != CommentaryFormat.Text && format != CommentaryFormat.Raw)
            {
                throw new ArgumentOutOfRangeException(nameof(format), format, "Use CommentaryFormat.Text or CommentaryFormat.Raw.");
            }

            // Null is treated like empty: from PowerShell an empty CSV cell or a missing property arrives
            // as either, and the user needs the same message for both.
            if (string.IsNullOrEmpty(commentary))
            {
                throw Invalid("Commentary is empty. LinkedIn requires text for a post; write at least one visible character.");
            }
            if (string.IsNullOrWhiteSpace(commentary))
            {
                throw Invalid("Commentary contains only whitespace. LinkedIn requires text for a post; write at least one visible character.");
            }

            // Checked on the text as the user gave it, so the position names a place in their own text.
            CheckCharacters(commentary);

            var little = format == CommentaryFormat.Text ? LittleText.Escape(commentary) : commentary;
            if (format == CommentaryFormat.Raw && LittleText.FindCut(little) is var cut && cut >= 0)
            {
                // LinkedIn would answer 201 and keep only the text before it: the one mistake -Raw makes possible.
                throw Invalid($"Commentary sent as Raw has an unescaped '{little[cut]}' at character {cut + 1} (after \"{Before(little, cut)}\"): LinkedIn would keep only " +
                    $"the text before it and drop the rest without an error. Escape it as \\{little[cut]}, or send the text without -Raw to have it escaped for you.");
            }

            // Length is counted in UTF-16 code units of the text that is sent, escape backslashes
            // included. LinkedIn has not said whether it counts code units or code points, nor whether it
            // counts before or after escaping; this reading is never smaller than any of the others, so a
            // post that passes here cannot be rejected for length there. The cost: an emoji-heavy or
            // punctuation-heavy post near the limit may be refused here although LinkedIn would take it.
            if (little.Length > MaxLength)
            {
                var over = little.Length - MaxLength;
                var added = little.Length - commentary.Length;
                var message = added > 0
                    ? $"Commentary is {little.Length} characters after escaping little-text reserved characters " +
                      $"({commentary.Length} as written), over LinkedIn's limit of {MaxLength} by {over}. " +
                      $"Shorten it by at least {Characters(over)}. Each reserved character (\\ | {{ }} @ [ ] ( ) < > # * _ ~) " +
                      "counts twice because it is sent with an escape backslash, and most emoji count twice."
                    : $"Commentary is {little.Length} characters, over LinkedIn's limit of {MaxLength} by {over}. " +
                      $"Shorten it by at least {Characters(over)} (most emoji count twice).";
                throw Invalid(message);
            }
            return little;
        }

        /// <summary>
        /// Rejects characters LinkedIn cannot show: C0/C1 control characters other than CR, LF and tab
        /// (NUL among them; they come from binary files or bad copy-paste, and JSON would carry them to a
        /// post nobody can read) and unpaired surrogates (half an emoji, usually text cut at a fixed length).
        /// </summary>
        private static void CheckCharacters(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                if (char.IsSurrogate(c))
                {
                    throw Invalid(
                        $"Commentary contains a broken character (an unpaired surrogate, U+{(int)c:X4}) at {Where(text, i)}. " +
                        "It is usually half of an emoji left by cutting text at a fixed length; remove it or re-type the emoji.");
                }
                if (char.IsControl(c) && c != '\r' && c != '\n' && c != '\t')
                {
                    throw Invalid(
                        $"Commentary contains the control character U+{(int)c:X4}{ControlName(c)} at {Where(text, i)}. " +
                        "LinkedIn cannot show it; remove it (line breaks and tabs are fine).");
                }
            }
        }

        /// <summary>Describes a position as line and column (counting code points, so an emoji is one) plus the UTF-16 index scripts can use with Substring.</summary>
        private static string Where(string text, int index)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < index; i++)
            {
                // CR LF, a lone LF and a lone CR each end one line.
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            var column = 1;
            for (var i = lineStart; i < index; i++)
            {
                if (!(char.IsLowSurrogate(text[i]) && i > lineStart && char.IsHighSurrogate(text[i - 1])))
                {
                    column++;
                }
            }
            return string.Format(CultureInfo.InvariantCulture, "line {0}, column {1} (index {2} in the string)", line, column, index);
        }

        // Up to 30 characters before a position, so a message points into a long text.
        private static string Before(string text, int at) => at <= 30 ? text.Substring(0, at) : "…" + text.Substring(at - 30, 30);

        private static string Characters(int count) => count == 1 ? "1 character" : count.ToString(CultureInfo.InvariantCulture) + " characters";

        private static string ControlName(char c)
        {
            switch (c)
            {
                case '\0': return " (NUL)";
                case '\a': return " (BEL)";
                case '\b': return " (backspace)";
                case '\v': return " (vertical tab)";
                case '\f': return " (form feed)";
                case '\u001B': return " (ESC)";
                case '\u007F': return " (DEL)";
                case '\u0085': return " (next line)";
                default: return string.Empty;
            }
        }

        private static LinkedInValidationException Invalid(string message) => new LinkedInValidationException(Field, message);
    }
}
