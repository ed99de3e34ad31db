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

        public static DateTimeOffset Parse(string text) =>
            new DateTimeOffset(DateTime.SpecifyKind(DateTime.ParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc));

        /// <summary>The value as stored and read back (milliseconds kept, the rest dropped).</summary>
        public static DateTimeOffset Truncate(DateTimeOffset value) => Parse(Format(value));
    }
}
