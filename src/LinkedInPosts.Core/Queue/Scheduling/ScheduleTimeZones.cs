using System;
using LinkedInPosts.Core.Errors;
using TimeZoneConverter;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Finds the zone a schedule time is wall time in. Windows ids (<c>W. Europe Standard Time</c>) and
    /// IANA ids (<c>Europe/Berlin</c>) both work on every OS through TimeZoneConverter, so a CSV written on
    /// a Windows desktop schedules correctly on a Linux runner and the other way round.
    /// </summary>
    internal static class ScheduleTimeZones
    {
        /// <summary>The field name of zone errors (ErrorId <c>LinkedInInvalidTimeZone</c>).</summary>
        public const string Field = "TimeZone";

        private const string Hint = "Use an IANA id such as Europe/Berlin or a Windows id such as W. Europe Standard Time; [TimeZoneInfo]::GetSystemTimeZones() lists this machine's zones.";

        /// <summary>
        /// The zone for <paramref name="id"/>, or the machine's local zone when it is null or empty, and the
        /// id to store with the post: the one given (as given), else the local zone's id.
        /// </summary>
        public static TimeZoneInfo Find(string? id, out string storedId)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                var local = TimeZoneInfo.Local;
                // The stored id must be resolvable later, possibly by a runner on another OS. A machine whose
                // local zone has no real id (a container with TZ unset reports "Local" or a POSIX rule) is
                // asked for one rather than storing a name nobody can read back.
                if (!TZConvert.TryGetTimeZoneInfo(local.Id, out _))
                {
                    throw new LinkedInValidationException(Field,
                        $"This machine's local time zone has no standard id ('{local.Id}'), so it cannot be stored with the post. Give the zone explicitly. {Hint}");
                }
                storedId = local.Id;
                return local;
            }
            var trimmed = id!.Trim();
            if (TZConvert.TryGetTimeZoneInfo(trimmed, out var zone))
            {
                storedId = trimmed;
                return zone;
            }
            throw new LinkedInValidationException(Field, $"'{trimmed}' is not a time zone id known on this machine. {Hint}");
        }
    }
}
