using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Durations as people write them in a crontab, a task's arguments or a script: <c>90s</c>, <c>5m</c>,
    /// <c>5 min</c>, <c>24h</c>, <c>2d</c>, <c>1h30m</c>, <c>1.5h</c>, or TimeSpan's own <c>00:15:00</c> /
    /// <c>1.00:00:00</c>. The one reader behind every duration parameter of the module and the queue task's interval.
    /// </summary>
    public static class DurationText
    {
        private const string Number = @"\d{1,9}(?:\.\d{1,9})?";

        private static readonly Regex Units = new Regex(
            $@"^\s*(?:(?<d>{Number})\s*d)?\s*(?:(?<h>{Number})\s*h)?\s*(?:(?<m>{Number})\s*m(?:in)?)?\s*(?:(?<s>{Number})\s*s(?:ec)?)?\s*$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>A duration for a message a person reads, in its largest unit: "1.5 days", "3 hours", "1 minute" (at least a minute).</summary>
        public static string Describe(TimeSpan span) =>
            span.TotalDays >= 1 ? Count(span.TotalDays.ToString("0.#", CultureInfo.InvariantCulture), "day")
            : span.TotalHours >= 1 ? Count(span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture), "hour")
            : Count(Math.Max(1, (int)Math.Round(span.TotalMinutes)).ToString(CultureInfo.InvariantCulture), "minute");

        private static string Count(string number, string unit) => number + " " + unit + (number == "1" ? string.Empty : "s");

        /// <summary>The duration <paramref name="text"/> writes; false for anything else.</summary>
        public static bool TryParse(string? text, out TimeSpan duration)
        {
            duration = TimeSpan.Zero;
            if (text == null)
            {
                return false;
            }
            var match = Units.Match(text);
            if (match.Success && (match.Groups["d"].Success || match.Groups["h"].Success || match.Groups["m"].Success || match.Groups["s"].Success))
            {
                duration = TimeSpan.FromDays(Part(match, "d")) + TimeSpan.FromHours(Part(match, "h")) +
                    TimeSpan.FromMinutes(Part(match, "m")) + TimeSpan.FromSeconds(Part(match, "s"));
                return true;
            }
            return TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out duration);
        }

        private static double Part(Match match, string group) =>
            match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
    }
}
