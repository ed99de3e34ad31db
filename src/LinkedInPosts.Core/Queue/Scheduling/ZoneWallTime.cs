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
                var chosen = At(wall, earlier, "in " + zoneId, field);
                var other = At(wall, later, "in " + zoneId, field);
                warning = $"{Show(wall)} happens twice in {zoneId} (clocks go back that night): the first one, {Iso(chosen)}, is used. " +
                    $"For the second one, give the offset: {Iso(other)}.";
                return chosen;
            }
            return At(wall, zone.GetUtcOffset(wall), "in " + zoneId, field);
        }

        /// <summary>
        /// <paramref name="wall"/> at <paramref name="offset"/>, refused as a time of <paramref name="field"/> when its
        /// instant is not one DateTimeOffset can hold: 9999-12-31 23:30 in New York is in the year 10000 in UTC,
        /// 0001-01-01 00:30 in Berlin in the year 0. DateTimeOffset would throw ArgumentOutOfRangeException, which no
        /// caller reports as the bad value it is (a CSV import would stop at that row).
        /// </summary>
        /// <param name="wall">The time as written.</param>
        /// <param name="offset">Its offset from UTC: written with it, or the zone's at that time.</param>
        /// <param name="where">How the message names the zone or offset: "in Europe/Berlin", "at -05:00".</param>
        /// <param name="field">The field the error names.</param>
        internal static DateTimeOffset At(DateTime wall, TimeSpan offset, string where, string field)
        {
            var utcTicks = wall.Ticks - offset.Ticks;
            if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            {
                throw new LinkedInValidationException(field,
                    $"{Show(wall)} {where} cannot be scheduled: in UTC it falls outside the years 0001 to 9999. Check the year.");
            }
            return new DateTimeOffset(wall, offset);
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
