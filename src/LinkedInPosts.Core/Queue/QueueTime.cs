using System;
using System.Globalization;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// How times are written in the queue file: UTC ISO 8601 to the millisecond with a Z,
    /// <c>2026-03-01T08:30:00.000Z</c>. Fixed width, so text order is time order (the indexes rely on it),
    /// and readable with any SQLite tool.
    /// </summary>
    internal static class QueueTime
    {
        private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

        public static string Format(DateTimeOffset value) =>
            value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

        /// <summary>
        /// Reads a time as <see cref="Format"/> writes it. Every post read costs several of these (a claim of 50 posts
        /// reads 300), so the fixed layout is read digit by digit; anything else goes to ParseExact, and fails there
        /// as before.
        /// </summary>
        public static DateTimeOffset Parse(string text)
        {
            if (TryParseFixed(text, out var value))
            {
                return value;
            }
            return new DateTimeOffset(DateTime.SpecifyKind(DateTime.ParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc));
        }

        // yyyy-MM-ddTHH:mm:ss.fffZ, 24 characters; false for anything else, including an impossible date.
        private static bool TryParseFixed(string text, out DateTimeOffset value)
        {
            value = default;
            if (text == null || text.Length != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
                text[16] != ':' || text[19] != '.' || text[23] != 'Z')
            {
                return false;
            }
            if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day) ||
                !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second) ||
                !Digits(text, 20, 3, out var millisecond))
            {
                return false;
            }
            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }
            value = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
            return true;
        }

        private static bool Digits(string text, int start, int count, out int number)
        {
            number = 0;
            for (var i = start; i < start + count; i++)
            {
                var digit = text[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return false;
                }
                number = (number * 10) + digit;
            }
            return true;
        }

        /// <summary>The value as stored and read back (milliseconds kept, the rest dropped).</summary>
        public static DateTimeOffset Truncate(DateTimeOffset value) => Parse(Format(value));
    }
}
