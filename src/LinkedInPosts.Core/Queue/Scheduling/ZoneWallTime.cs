using System;
using System.Globalization;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Turns a wall-clock time in a zone into an instant, dealing with the two hours a year where that is
    /// not one-to-one: a time that does not exist (clocks jump forward) is refused, because any instant we
    /// picked would be a time the user did not write; a time that happens twice (clocks go back) takes the
    /// first occurrence, which is what people mean by "02:30 that night", and says so.
    /// </summary>
    internal static class ZoneWallTime
    {
        // Transitions happen on whole minutes in every zone of the tz database in use today; the longest
        // jump ever made is a whole day (Samoa, 2011), so the search is bounded by two days of minutes.
        private const int MaxGapMinutes = 2 * 24 * 60;

        public static DateTimeOffset ToInstant(DateTime wall, TimeZoneInfo zone, string zoneId, string field, out string? warning)
        {
            warning = null;
            wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(wall))
            {
                throw Gap(wall, zone, zoneId, field);
            }
            if (zone.IsAmbiguousTime(wall))
            {
                var offsets = zone.GetAmbiguousTimeOffsets(wall);
                Array.Sort(offsets);
                var later = offsets[0];
                var earlier = offsets[offsets.Length - 1];
                var chosen = new DateTimeOffset(wall, earlier);
                var other = new DateTimeOffset(wall, later);
                warning = $"{Show(wall)} happens twice in {zoneId} (clocks go back that night): the first one, {Iso(chosen)}, is used. " +
                    $"For the second one, give the offset: {Iso(other)}.";
                return chosen;
            }
            return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
        }

        private static LinkedInValidationException Gap(DateTime wall, TimeZoneInfo zone, string zoneId, string field)
        {
            var minute = new DateTime(wall.Year, wall.Month, wall.Day, wall.Hour, wall.Minute, 0, DateTimeKind.Unspecified);
            var before = minute;
            for (var i = 0; i < MaxGapMinutes && zone.IsInvalidTime(before); i++)
            {
                before = before.AddMinutes(-1);
            }
            var after = minute;
            for (var i = 0; i < MaxGapMinutes && zone.IsInvalidTime(after); i++)
            {
                after = after.AddMinutes(1);
            }
            var gapStart = before.AddMinutes(1);
            var offsetBefore = zone.GetUtcOffset(before);
            var offsetAfter = zone.GetUtcOffset(after);
            // The instant a clock that kept the old offset would show as the written time: the written time
            // pushed forward by the jump, written with the new offset.
            var pushed = new DateTimeOffset(wall + (offsetAfter - offsetBefore), offsetAfter);
            return new LinkedInValidationException(field,
                $"{Show(wall)} does not exist in {zoneId}: clocks go from {Clock(gapStart)} to {Clock(after)}. " +
                $"Use {Clock(before)} or {Clock(after)} (or give an offset, e.g. {Iso(pushed)}).");
        }

        private static string Show(DateTime wall) =>
            wall.ToString(wall.Second == 0 && wall.Millisecond == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        private static string Clock(DateTime wall) => wall.ToString("HH:mm", CultureInfo.InvariantCulture);

        /// <summary>ISO 8601 with the offset, as the user would type it back: 2026-10-25T02:30+01:00.</summary>
        internal static string Iso(DateTimeOffset value) =>
            value.ToString(value.Second == 0 && value.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mmzzz" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
