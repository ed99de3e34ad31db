using System;
using System.Globalization;
using System.Text;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// When a scheduled post is due: the instant (UTC, what the queue orders by), the zone the user meant
    /// and the time on that zone's clock. Built from what a user gives (a DateTimeOffset, a DateTime, CSV
    /// text, or separate Date and Time columns) by <see cref="Resolve"/> and <see cref="ResolveDateAndTime"/>.
    /// </summary>
    /// <remarks>
    /// A value with an offset (<c>2026-12-24T09:30+01:00</c>, <c>…Z</c>, a DateTimeOffset, a DateTime of
    /// kind Utc) is that instant, whatever the zone; so is a DateTime of kind Local (Get-Date's), an instant on
    /// this machine's clock. Without one (text, a DateTime of kind Unspecified) it is wall time in the zone: the given
    /// Windows or IANA id, else the machine's local zone. Text is read culture-invariantly in the forms of
    /// <see cref="AcceptedForms"/>; forms where day and month could be swapped (<c>01/02/2026</c>) are refused.
    /// </remarks>
    public sealed class ScheduleTime
    {
        /// <summary>The default field named by errors (ErrorId <c>LinkedInInvalidScheduledAt</c>).</summary>
        public const string DefaultField = "ScheduledAt";

        private ScheduleTime(DateTimeOffset utc, string timeZoneId, TimeZoneInfo zone, string? warning)
        {
            Utc = utc.ToUniversalTime();
            TimeZoneId = timeZoneId;
            Local = TimeZoneInfo.ConvertTime(Utc, zone);
            Warning = warning;
        }

        /// <summary>The text forms read for one value with date and time, for help and messages.</summary>
        public static string AcceptedForms => ScheduleTimeText.AcceptedDateTimeForms;

        /// <summary>The instant the post is due, in UTC.</summary>
        public DateTimeOffset Utc { get; }

        /// <summary>The zone id to store with the post: the one the user gave, else the machine's local zone's id.</summary>
        public string TimeZoneId { get; }

        /// <summary>The same instant on the clock of <see cref="TimeZoneId"/>, with that zone's offset.</summary>
        public DateTimeOffset Local { get; }

        /// <summary>Set when the wall time happened twice (clocks went back): which one was taken, and how to pick the other.</summary>
        public string? Warning { get; }

        /// <inheritdoc />
        public override string ToString() => ZoneWallTime.Iso(Local) + " (" + TimeZoneId + ")";

        /// <summary>
        /// Resolves one value holding date and time: a <see cref="DateTimeOffset"/> (taken as is), a
        /// <see cref="DateTime"/> (kind Utc is UTC; kind Local, such as Get-Date's, is that instant on this
        /// machine's clock; Unspecified is wall time in the zone), or text
        /// in one of the <see cref="AcceptedForms"/>.
        /// </summary>
        /// <param name="value">The time as given (a caller holding a PowerShell PSObject passes its BaseObject: Core knows no PowerShell types).</param>
        /// <param name="timeZoneId">A Windows or IANA zone id; null for the machine's local zone.</param>
        /// <param name="now">The current time, to refuse times in the past.</param>
        /// <param name="allowPast">Accept a time before <paramref name="now"/>.</param>
        /// <param name="field">The field errors name (their ErrorId is <c>LinkedInInvalid</c> + field).</param>
        /// <exception cref="LinkedInValidationException">
        /// The value cannot be read, does not exist in the zone, or is in the past (field <paramref name="field"/>);
        /// the zone is unknown (field <c>TimeZone</c>).
        /// </exception>
        public static ScheduleTime Resolve(object value, string? timeZoneId, DateTimeOffset now, bool allowPast, string field = DefaultField)
        {
            var zone = ScheduleTimeZones.Find(timeZoneId, out var storedId);
            switch (value)
            {
                case null:
                    throw new LinkedInValidationException(field, $"{field} is empty: give the time to post, e.g. 2026-12-24 09:30.");
                case DateTimeOffset instant:
                    return Checked(instant, storedId, zone, null, now, allowPast, field);
                case DateTime { Kind: DateTimeKind.Utc } utc:
                    return Checked(new DateTimeOffset(utc), storedId, zone, null, now, allowPast, field);
                case DateTime { Kind: DateTimeKind.Local } local:
                    // (Get-Date).AddHours(1) is an instant on this machine's clock, not wall time in the zone:
                    // taking it as the zone's wall time would shift it by the difference between the zones.
                    return Checked(new DateTimeOffset(local.ToUniversalTime()), storedId, zone, null, now, allowPast, field);
                case DateTime wall:
                    return FromWall(wall, storedId, zone, now, allowPast, field);
                case string blank when blank.Trim().Length == 0:
                    // An empty CSV cell: say so, rather than list every form the empty text is not in.
                    throw new LinkedInValidationException(field, $"{field} is empty: give the time to post, e.g. 2026-12-24 09:30.");
                case string text:
                    if (!ScheduleTimeText.TryParseDateTime(text, out var parsed, out var problem))
                    {
                        throw Unreadable(field, field, text, problem!);
                    }
                    return FromParsed(parsed, storedId, zone, now, allowPast, field);
                default:
                    throw new LinkedInValidationException(field,
                        $"{field} is a {value.GetType().Name}; give a DateTime, a DateTimeOffset or text such as 2026-12-24 09:30.");
            }
        }

        /// <summary>
        /// Resolves separate date and time columns (<c>Date=2026-12-24</c>, <c>Time=09:30</c>). The date is
        /// text (<c>yyyy-MM-dd</c>, <c>yyyy/MM/dd</c>, <c>dd.MM.yyyy</c>) or a DateTime (its date part); the time
        /// is text (<c>HH:mm</c>, optionally <c>:ss</c> and an offset such as <c>+01:00</c> or <c>Z</c>), a
        /// TimeSpan, or a DateTime (its time of day). Without an offset it is wall time in the zone.
        /// </summary>
        /// <param name="date">The date as given.</param>
        /// <param name="time">The time of day as given.</param>
        /// <param name="timeZoneId">A Windows or IANA zone id; null for the machine's local zone.</param>
        /// <param name="now">The current time, to refuse times in the past.</param>
        /// <param name="allowPast">Accept a time before <paramref name="now"/>.</param>
        /// <param name="field">The field errors name; their messages name the Date or Time column at fault.</param>
        /// <exception cref="LinkedInValidationException">As for <see cref="Resolve"/>.</exception>
        public static ScheduleTime ResolveDateAndTime(object date, object time, string? timeZoneId, DateTimeOffset now, bool allowPast, string field = DefaultField)
        {
            var zone = ScheduleTimeZones.Find(timeZoneId, out var storedId);
            var day = DateOf(date, field);
            TimeSpan timeOfDay;
            TimeSpan? offset = null;
            switch (time)
            {
                case null:
                    throw new LinkedInValidationException(field, "Time is empty: give the time of day to post, e.g. 09:30.");
                case TimeSpan span when span >= TimeSpan.Zero && span < TimeSpan.FromDays(1):
                    timeOfDay = span;
                    break;
                case TimeSpan span:
                    throw new LinkedInValidationException(field, $"Time {span} is not a time of day (00:00 to 23:59:59).");
                case DateTime clock:
                    timeOfDay = clock.TimeOfDay;
                    break;
                case string blank when blank.Trim().Length == 0:
                    throw new LinkedInValidationException(field, "Time is empty: give the time of day to post, e.g. 09:30.");
                case string text:
                    if (!ScheduleTimeText.TryParseTimeOfDay(text, out timeOfDay, out offset, out var problem))
                    {
                        throw Unreadable(field, "Time", text, problem!);
                    }
                    break;
                default:
                    throw new LinkedInValidationException(field, $"Time is a {time.GetType().Name}; give text such as 09:30 or a TimeSpan.");
            }
            return FromParsed(new ParsedTime(day + timeOfDay, offset), storedId, zone, now, allowPast, field);
        }

        private static DateTime DateOf(object date, string field)
        {
            switch (date)
            {
                case null:
                    throw new LinkedInValidationException(field, "Date is empty: give the day to post, e.g. 2026-12-24.");
                case DateTime value:
                    return DateTime.SpecifyKind(value.Date, DateTimeKind.Unspecified);
                case string blank when blank.Trim().Length == 0:
                    throw new LinkedInValidationException(field, "Date is empty: give the day to post, e.g. 2026-12-24.");
                case string text:
                    if (!ScheduleTimeText.TryParseDate(text, out var day, out var problem))
                    {
                        throw Unreadable(field, "Date", text, problem!);
                    }
                    return day;
                default:
                    throw new LinkedInValidationException(field, $"Date is a {date.GetType().Name}; give text such as 2026-12-24 or a DateTime.");
            }
        }

        private static ScheduleTime FromParsed(ParsedTime parsed, string storedId, TimeZoneInfo zone, DateTimeOffset now, bool allowPast, string field) =>
            parsed.Offset.HasValue
                ? Checked(ZoneWallTime.At(parsed.Wall, parsed.Offset.Value, "at " + Offset(parsed.Offset.Value), field), storedId, zone, null, now, allowPast, field)
                : FromWall(parsed.Wall, storedId, zone, now, allowPast, field);

        private static string Offset(TimeSpan offset) =>
            (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

        private static ScheduleTime FromWall(DateTime wall, string storedId, TimeZoneInfo zone, DateTimeOffset now, bool allowPast, string field)
        {
            var instant = ZoneWallTime.ToInstant(wall, zone, storedId, field, out var warning);
            return Checked(instant, storedId, zone, warning, now, allowPast, field);
        }

        /// <summary>
        /// Throws the error a time in the past gets without -AllowPast when this time is before
        /// <paramref name="now"/>. For callers that resolve with allowPast first and decide afterwards (a
        /// re-imported post already in the queue is no error, whatever its time).
        /// </summary>
        /// <exception cref="LinkedInValidationException">The time is before <paramref name="now"/> (field <paramref name="field"/>).</exception>
        public void EnsureNotPast(DateTimeOffset now, string field = DefaultField)
        {
            if (Utc < now)
            {
                throw new LinkedInValidationException(field,
                    $"{ZoneWallTime.Iso(Local)} ({TimeZoneId}) is in the past: {Ago(now - Utc)} ago. " +
                    "Give a later time, or -AllowPast to schedule it anyway.");
            }
        }

        private static ScheduleTime Checked(DateTimeOffset instant, string storedId, TimeZoneInfo zone, string? warning, DateTimeOffset now, bool allowPast, string field)
        {
            var time = new ScheduleTime(instant, storedId, zone, warning);
            if (!allowPast)
            {
                time.EnsureNotPast(now, field);
            }
            return time;
        }

        private static LinkedInValidationException Unreadable(string field, string column, string text, string problem) =>
            new LinkedInValidationException(field, $"{column} '{text}' cannot be read as a time: {problem}.");

        /// <summary>How long ago, in days and hours, or hours and minutes under a day: "3 days 4 hours", "25 minutes".</summary>
        private static string Ago(TimeSpan span)
        {
            if (span < TimeSpan.FromMinutes(1))
            {
                return "less than a minute";
            }
            var parts = new StringBuilder();
            void Add(int amount, string unit)
            {
                if (amount == 0)
                {
                    return;
                }
                parts.Append(parts.Length == 0 ? string.Empty : " ")
                    .Append(amount.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit).Append(amount == 1 ? string.Empty : "s");
            }
            Add(span.Days, "day");
            Add(span.Hours, "hour");
            if (span.Days == 0)
            {
                Add(span.Minutes, "minute");
            }
            return parts.ToString();
        }
    }
}
