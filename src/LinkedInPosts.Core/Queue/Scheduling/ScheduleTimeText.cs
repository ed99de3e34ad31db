using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Reads the text forms of a schedule time that people type or put in CSV files, culture-invariantly:
    /// the same file gives the same times on every machine, whatever its regional settings. Forms where day
    /// and month could be swapped (<c>01/02/2026</c>) are refused rather than guessed: a guess that is wrong
    /// posts a month early or late, silently.
    /// </summary>
    internal static class ScheduleTimeText
    {
        /// <summary>The forms accepted for one value holding date and time, for messages and help.</summary>
        public const string AcceptedDateTimeForms =
            "yyyy-MM-dd HH:mm (or H:mm, with :ss, with T instead of the space), yyyy/MM/dd HH:mm, dd.MM.yyyy HH:mm, " +
            "each optionally followed by an offset (Z, +01:00, -0500)";

        /// <summary>The forms accepted for a separate date column.</summary>
        public const string AcceptedDateForms = "yyyy-MM-dd, yyyy/MM/dd, dd.MM.yyyy";

        /// <summary>The forms accepted for a separate time column.</summary>
        public const string AcceptedTimeForms = "HH:mm or H:mm, optionally with :ss and an offset (Z, +01:00)";

        // [0-9], not \d: in .NET \d is every Unicode digit (full-width, Arabic-Indic, ...), which int.Parse with
        // the invariant culture then refuses with a FormatException. Only ASCII digits are read; other text is
        // the ordinary "cannot be read" error.
        private const string IsoDate = @"(?<y>[0-9]{4})(?<sep>[-/])(?<mo>[0-9]{1,2})\k<sep>(?<d>[0-9]{1,2})";
        private const string DottedDate = @"(?<d>[0-9]{1,2})\.(?<mo>[0-9]{1,2})\.(?<y>[0-9]{4})";
        private const string Time = @"(?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.(?<f>[0-9]{1,7}))?)?";
        private const string Offset = @"(?<off>Z|z|[+-][0-9]{2}(?::?[0-9]{2})?)";

        private static readonly Regex DateTimePattern = new Regex(
            $@"^(?:{IsoDate}(?:T|t|\s+)|{DottedDate}\s+){Time}\s*{Offset}?$", RegexOptions.CultureInvariant);

        private static readonly Regex DatePattern = new Regex($@"^(?:{IsoDate}|{DottedDate})$", RegexOptions.CultureInvariant);

        private static readonly Regex TimePattern = new Regex($@"^{Time}\s*{Offset}?$", RegexOptions.CultureInvariant);

        // Day and month in either order, separated by a slash or a dash, the year last: 01/02/2026, 1-2-26.
        private static readonly Regex AmbiguousDate = new Regex(@"^[0-9]{1,2}[/-][0-9]{1,2}[/-][0-9]{2,4}(\s|T|$)", RegexOptions.CultureInvariant);

        /// <summary>
        /// Why a slashed date (12/24/2026, 01/02/2026) is not read: which part is the month is a matter of culture, so it is
        /// never guessed, also when one part is over 12 and only one reading remains (a US export), since the next row of the
        /// same file may be 01/02. AM/PM is not read either.
        /// </summary>
        private static string SlashedDateProblem(string text)
        {
            var parts = text.Split('/', '-', ' ', 'T');
            var over12 = parts.Length >= 2 && ((int.TryParse(parts[0], out var first) && first > 12) || (int.TryParse(parts[1], out var second) && second > 12));
            var ampm = text.EndsWith("AM", StringComparison.OrdinalIgnoreCase) || text.EndsWith("PM", StringComparison.OrdinalIgnoreCase);
            return (over12
                    ? "dates written with slashes are read in no culture's order (this one can only be month/day, but the next row's 01/02 could be either)"
                    : "day and month could be either way round in this form, so it is not guessed")
                + (ampm ? ", and AM/PM is not read" : string.Empty)
                + "; write it as yyyy-MM-dd HH:mm with a 24-hour clock (e.g. 2026-12-24 09:30)";
        }

        /// <summary>A date and time; <see cref="ParsedTime.Offset"/> is null when the text gave none.</summary>
        public static bool TryParseDateTime(string text, out ParsedTime parsed, out string? problem)
        {
            parsed = default;
            problem = null;
            var trimmed = text.Trim();
            var match = DateTimePattern.Match(trimmed);
            if (!match.Success)
            {
                problem = AmbiguousDate.IsMatch(trimmed)
                    ? SlashedDateProblem(trimmed)
                    : DatePattern.IsMatch(trimmed)
                        ? "it has no time of day; add one, e.g. " + trimmed + " 09:30"
                        : "it is not in a form that is read. Accepted: " + AcceptedDateTimeForms;
                return false;
            }
            if (!TryBuildDate(match, out var date, out problem) || !TryBuildTime(match, out var time, out problem) || !TryBuildOffset(match, out var offset, out problem))
            {
                return false;
            }
            parsed = new ParsedTime(date + time, offset);
            return true;
        }

        /// <summary>A date without a time (a Date column).</summary>
        public static bool TryParseDate(string text, out DateTime date, out string? problem)
        {
            date = default;
            problem = null;
            var trimmed = text.Trim();
            var match = DatePattern.Match(trimmed);
            if (!match.Success)
            {
                problem = AmbiguousDate.IsMatch(trimmed)
                    ? "day and month could be either way round in this form, so it is not guessed; write it as yyyy-MM-dd (e.g. 2026-12-24)"
                    : "it is not a date in a form that is read. Accepted: " + AcceptedDateForms;
                return false;
            }
            return TryBuildDate(match, out date, out problem);
        }

        /// <summary>A time of day without a date (a Time column), with its offset when it has one.</summary>
        public static bool TryParseTimeOfDay(string text, out TimeSpan time, out TimeSpan? offset, out string? problem)
        {
            time = default;
            offset = null;
            problem = null;
            var match = TimePattern.Match(text.Trim());
            if (!match.Success)
            {
                problem = "it is not a time of day in a form that is read (24-hour clock). Accepted: " + AcceptedTimeForms;
                return false;
            }
            return TryBuildTime(match, out time, out problem) && TryBuildOffset(match, out offset, out problem);
        }

        private static bool TryBuildDate(Match match, out DateTime date, out string? problem)
        {
            date = default;
            problem = null;
            var year = Number(match, "y");
            var month = Number(match, "mo");
            var day = Number(match, "d");
            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, Math.Max(1, Math.Min(12, month))))
            {
                problem = $"there is no day {day} in month {month} of {year}";
                return false;
            }
            date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
            return true;
        }

        private static bool TryBuildTime(Match match, out TimeSpan time, out string? problem)
        {
            time = default;
            problem = null;
            var hour = Number(match, "h");
            var minute = Number(match, "mi");
            var second = match.Groups["s"].Success ? Number(match, "s") : 0;
            if (hour > 23 || minute > 59 || second > 59)
            {
                problem = $"{hour:00}:{minute:00}:{second:00} is not a time of day (00:00 to 23:59:59)";
                return false;
            }
            var ticks = 0L;
            if (match.Groups["f"].Success)
            {
                ticks = long.Parse(match.Groups["f"].Value.PadRight(7, '0'), CultureInfo.InvariantCulture);
            }
            time = new TimeSpan(hour, minute, second) + TimeSpan.FromTicks(ticks);
            return true;
        }

        private static bool TryBuildOffset(Match match, out TimeSpan? offset, out string? problem)
        {
            offset = null;
            problem = null;
            var group = match.Groups["off"];
            if (!group.Success)
            {
                return true;
            }
            var text = group.Value;
            if (text == "Z" || text == "z")
            {
                offset = TimeSpan.Zero;
                return true;
            }
            var digits = text.Substring(1).Replace(":", string.Empty);
            var hours = int.Parse(digits.Substring(0, 2), CultureInfo.InvariantCulture);
            var minutes = digits.Length > 2 ? int.Parse(digits.Substring(2), CultureInfo.InvariantCulture) : 0;
            // Real offsets run from -12:00 to +14:00; DateTimeOffset itself allows up to 14 hours either way.
            if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
            {
                problem = $"{text} is not a UTC offset (-14:00 to +14:00)";
                return false;
            }
            var value = new TimeSpan(hours, minutes, 0);
            offset = text[0] == '-' ? value.Negate() : value;
            return true;
        }

        private static int Number(Match match, string group) =>
            int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>A wall-clock date and time as written, and the UTC offset written with it, if any.</summary>
    internal readonly struct ParsedTime
    {
        public ParsedTime(DateTime wall, TimeSpan? offset)
        {
            Wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
            Offset = offset;
        }

        public DateTime Wall { get; }

        public TimeSpan? Offset { get; }
    }
}
