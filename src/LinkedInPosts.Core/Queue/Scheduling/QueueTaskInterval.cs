using System;
using System.Globalization;
using System.Linq;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// How often a scheduled run of the queue starts: whole minutes from 1 minute (the shortest repetition
    /// Task Scheduler offers, and cron's resolution) to 1 day. Written <c>5m</c>, <c>90m</c>, <c>1h</c>,
    /// <c>1d</c>, or as a TimeSpan.
    /// </summary>
    public static class QueueTaskInterval
    {
        /// <summary>The field of interval errors (ErrorId <c>LinkedInInvalidQueueTaskInterval</c>).</summary>
        public const string Field = "QueueTaskInterval";

        /// <summary>The shortest interval.</summary>
        public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(1);

        /// <summary>The longest interval.</summary>
        public static readonly TimeSpan Maximum = TimeSpan.FromDays(1);

        private static readonly int[] CronMinutes = Enumerable.Range(1, 60).Where(n => 60 % n == 0 && n < 60).ToArray();
        private static readonly int[] CronHours = Enumerable.Range(1, 24).Where(n => 24 % n == 0).ToArray();

        /// <summary>Intervals cron can repeat evenly, for messages: 1m, 2m, ... 30m, 1h, 2h, ... 24h.</summary>
        public static string CronIntervals =>
            string.Join(", ", CronMinutes.Select(m => m + "m")) + ", " + string.Join(", ", CronHours.Select(h => h + "h"));

        /// <summary>
        /// Reads <c>5m</c>, <c>1h</c>, <c>90s</c>, <c>1d</c> (also <c>min</c>, <c>sec</c>) or a TimeSpan's text
        /// (<c>00:05:00</c>). Only the form is checked here; <see cref="Check"/> checks the range.
        /// </summary>
        public static bool TryParse(string text, out TimeSpan interval) => DurationText.TryParse(text, out interval);

        /// <summary>Throws when the interval is not whole minutes from 1 minute to 1 day.</summary>
        public static void Check(TimeSpan interval)
        {
            if (interval < Minimum || interval > Maximum || interval.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                throw new LinkedInValidationException(Field,
                    $"Every {Show(interval)} cannot be scheduled: the queue can run every 1 minute to 1 day, in whole minutes (e.g. 5m, 15m, 1h).");
            }
        }

        /// <summary>The interval as an XML duration for Task Scheduler: PT5M, PT1H30M, P1D.</summary>
        internal static string ToXmlDuration(TimeSpan interval)
        {
            if (interval == TimeSpan.FromDays(1))
            {
                return "P1D";
            }
            var text = "PT";
            if (interval.Hours > 0)
            {
                text += interval.Hours.ToString(CultureInfo.InvariantCulture) + "H";
            }
            if (interval.Minutes > 0)
            {
                text += interval.Minutes.ToString(CultureInfo.InvariantCulture) + "M";
            }
            return text;
        }

        /// <summary>The interval of a Task Scheduler repetition (PT5M, PT1H30M, P1D); null when it is none.</summary>
        internal static TimeSpan? FromXmlDuration(string? duration)
        {
            if (string.IsNullOrWhiteSpace(duration))
            {
                return null;
            }
            try
            {
                return System.Xml.XmlConvert.ToTimeSpan(duration!.Trim());
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>
        /// The interval of the five schedule fields <see cref="ToCronSchedule"/> writes; null for any other
        /// schedule (a line a person edited to run at set times, say), which has no single interval.
        /// </summary>
        internal static TimeSpan? FromCronSchedule(string schedule)
        {
            var fields = schedule.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 5 || fields[2] != "*" || fields[3] != "*" || fields[4] != "*")
            {
                return null;
            }
            if (fields[1] == "*")
            {
                return fields[0] == "*" ? TimeSpan.FromMinutes(1)
                    : fields[0] == "0" ? TimeSpan.FromHours(1)
                    : Step(fields[0]) is { } minutes && CronMinutes.Contains(minutes) ? TimeSpan.FromMinutes(minutes)
                    : (TimeSpan?)null;
            }
            if (fields[0] != "0")
            {
                return null;
            }
            return fields[1] == "0" ? TimeSpan.FromDays(1)
                : Step(fields[1]) is { } hours && CronHours.Contains(hours) ? TimeSpan.FromHours(hours)
                : (TimeSpan?)null;
        }

        // The N of a cron step field "*/N".
        private static int? Step(string field) =>
            field.StartsWith("*/", StringComparison.Ordinal)
            && int.TryParse(field.Substring(2), NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : (int?)null;

        /// <summary>
        /// The five schedule fields of a crontab line. Cron counts steps within the hour and the day, so only
        /// minutes that divide 60 and hours that divide 24 repeat evenly (<c>*/7</c> would run at :56 and
        /// again at :00); others are refused rather than run unevenly.
        /// </summary>
        internal static string ToCronSchedule(TimeSpan interval)
        {
            Check(interval);
            var minutes = (int)interval.TotalMinutes;
            if (minutes < 60 && CronMinutes.Contains(minutes))
            {
                return minutes == 1 ? "* * * * *" : $"*/{minutes} * * * *";
            }
            if (minutes % 60 == 0 && CronHours.Contains(minutes / 60))
            {
                var hours = minutes / 60;
                return hours == 24 ? "0 0 * * *" : hours == 1 ? "0 * * * *" : $"0 */{hours} * * *";
            }
            throw new LinkedInValidationException(Field,
                $"Every {Show(interval)} cannot be written as a crontab schedule that repeats evenly. Use one of: {CronIntervals}.");
        }

        private static string Show(TimeSpan interval)
        {
            if (interval.Ticks % TimeSpan.TicksPerMinute != 0 || interval < Minimum)
            {
                return interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
            }
            return interval.Ticks % TimeSpan.TicksPerHour == 0
                ? interval.TotalHours.ToString(CultureInfo.InvariantCulture) + "h"
                : interval.TotalMinutes.ToString(CultureInfo.InvariantCulture) + "m";
        }
    }
}
