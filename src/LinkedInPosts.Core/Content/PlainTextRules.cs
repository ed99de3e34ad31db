using System;
using System.Globalization;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Content
{
    /// <summary>
    /// Checks for the plain-text fields of a post (alt text, titles, poll text, comments): they are not
    /// little text and are never escaped, but LinkedIn cannot show control characters or half an emoji,
    /// and some have a length limit. Lengths count UTF-16 code units, never fewer than a person counts.
    /// </summary>
    internal static class PlainTextRules
    {
        /// <summary>Throws unless <paramref name="text"/> is usable; <paramref name="what"/> names it in the message.</summary>
        public static void Check(string? text, string field, string what, int maxLength = int.MaxValue, bool required = true, bool allowLineBreaks = true, string? input = null)
        {
            if (text == null || text.Length == 0)
            {
                if (required)
                {
                    throw new LinkedInValidationException(field, $"{what} is empty. Write at least one visible character.", input);
                }
                return;
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new LinkedInValidationException(field, $"{what} contains only whitespace. Write at least one visible character{(required ? string.Empty : ", or leave it out")}.", input);
            }
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
                    throw new LinkedInValidationException(field, string.Format(CultureInfo.InvariantCulture,
                        "{0} contains a broken character (an unpaired surrogate, U+{1:X4}) at index {2}: usually half of an emoji left by cutting text at a fixed length. Remove it or re-type the emoji.", what, (int)c, i), input);
                }
                var lineBreak = c == '\r' || c == '\n';
                if (char.IsControl(c) && !(c == '\t' || (lineBreak && allowLineBreaks)))
                {
                    throw new LinkedInValidationException(field, string.Format(CultureInfo.InvariantCulture,
                        "{0} contains the control character U+{1:X4} at index {2}. LinkedIn cannot show it; remove it{3}.", what, (int)c, i, lineBreak ? " (it must fit on one line)" : string.Empty), input);
                }
            }
            if (text.Length > maxLength)
            {
                throw new LinkedInValidationException(field, string.Format(CultureInfo.InvariantCulture,
                    "{0} is {1} characters, over the limit of {2} by {3}. Shorten it (most emoji count twice).", what, text.Length, maxLength, text.Length - maxLength), input);
            }
        }
    }
}
