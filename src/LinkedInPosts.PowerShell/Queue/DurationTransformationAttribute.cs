using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace LinkedInPosts.PowerShell.Queue
{
    /// <summary>
    /// Lets a TimeSpan parameter take the short forms people write in a crontab or a task's arguments:
    /// <c>24h</c>, <c>90m</c>, <c>30s</c>, <c>2d</c>, <c>1h30m</c>; a number is seconds (PowerShell's own
    /// conversion would read it as ticks); TimeSpans and <c>1.00:00:00</c> strings bind as usual.
    /// <para>
    /// PowerShell reads some of these unquoted as numbers before any transformation sees them: <c>2d</c> is
    /// the decimal 2 and <c>30s</c> the short 30. So a decimal is taken as days (nobody types a decimal
    /// literal for seconds; <c>1.5</c> is a double, still seconds), and a short or byte as seconds.
    /// </para>
    /// </summary>
    public sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly Regex Short = new Regex(@"^\s*(?:(?<d>\d+(?:\.\d+)?)\s*d)?\s*(?:(?<h>\d+(?:\.\d+)?)\s*h)?\s*(?:(?<m>\d+(?:\.\d+)?)\s*m(?:in)?)?\s*(?:(?<s>\d+(?:\.\d+)?)\s*s)?\s*$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case byte seconds:
                    return TimeSpan.FromSeconds(seconds);
                case short seconds:
                    return TimeSpan.FromSeconds(seconds);
                case int seconds:
                    return TimeSpan.FromSeconds(seconds);
                case long seconds:
                    return TimeSpan.FromSeconds(seconds);
                case double seconds:
                    return TimeSpan.FromSeconds(seconds);
                case decimal days:
                    return TimeSpan.FromDays((double)days);
                case string text when TryParseShort(text, out var span):
                    return span;
                default:
                    return value;
            }
        }

        /// <summary>Reads <c>24h</c>, <c>1h30m</c>, <c>2d</c>, <c>45s</c>; false for anything else (left to PowerShell).</summary>
        public static bool TryParseShort(string text, out TimeSpan span)
        {
            span = TimeSpan.Zero;
            var match = Short.Match(text ?? string.Empty);
            if (!match.Success || !(match.Groups["d"].Success || match.Groups["h"].Success || match.Groups["m"].Success || match.Groups["s"].Success))
            {
                return false;
            }
            span = TimeSpan.FromDays(Part(match, "d")) + TimeSpan.FromHours(Part(match, "h")) + TimeSpan.FromMinutes(Part(match, "m")) + TimeSpan.FromSeconds(Part(match, "s"));
            return true;
        }

        private static double Part(Match match, string group) =>
            match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
    }
}
