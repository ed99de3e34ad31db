using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// Schedule times as users give them: offsets, zone wall times (IANA and Windows ids), CSV text, separate
/// date and time columns, and the two nights a year when wall time and instants are not one-to-one.
/// </summary>
public sealed class ScheduleTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-12-24T09:30")]
    [InlineData("2026-12-24 09:30")]
    [InlineData("2026-12-24 9:30")]
    [InlineData("2026-12-24T09:30:00")]
    [InlineData(" 2026-12-24  09:30 ")]
    [InlineData("2026/12/24 09:30")]
    [InlineData("24.12.2026 09:30")]
    [InlineData("24.12.2026 9:30:00")]
    public void Text_without_an_offset_is_wall_time_in_the_zone(string text)
    {
        var time = ScheduleTime.Resolve(text, "Europe/Berlin", Now, allowPast: false);

        Assert.Equal(Utc(2026, 12, 24, 8, 30), time.Utc);
        Assert.Equal(TimeSpan.Zero, time.Utc.Offset);
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 9, 30, 0, TimeSpan.FromHours(1)), time.Local);
        Assert.Equal(TimeSpan.FromHours(1), time.Local.Offset);
        Assert.Equal("Europe/Berlin", time.TimeZoneId);
        Assert.Null(time.Warning);
    }

    [Theory]
    [InlineData("2026-12-24T09:30:00+01:00")]
    [InlineData("2026-12-24T09:30+0100")]
    [InlineData("2026-12-24 09:30 +01:00")]
    [InlineData("2026-12-24T08:30Z")]
    [InlineData("2026-12-24T08:30:00.000Z")]
    [InlineData("2026-12-24T03:30-05:00")]
    public void Text_with_an_offset_is_taken_as_is_whatever_the_zone(string text)
    {
        var time = ScheduleTime.Resolve(text, "America/New_York", Now, allowPast: false);

        Assert.Equal(Utc(2026, 12, 24, 8, 30), time.Utc);
        Assert.Equal("America/New_York", time.TimeZoneId);
        // Local is the same instant on New York's clock, not the offset written.
        Assert.Equal(new DateTime(2026, 12, 24, 3, 30, 0), time.Local.DateTime);
        Assert.Equal(TimeSpan.FromHours(-5), time.Local.Offset);
    }

    [Theory]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    [InlineData("Eastern Standard Time", "America/New_York")]
    public void Windows_ids_resolve_like_their_IANA_zone_and_are_stored_as_given(string windowsId, string ianaId)
    {
        var summer = ScheduleTime.Resolve("2026-07-01 09:30", windowsId, Now, allowPast: false);
        var iana = ScheduleTime.Resolve("2026-07-01 09:30", ianaId, Now, allowPast: false);

        Assert.Equal(iana.Utc, summer.Utc);
        Assert.Equal(windowsId, summer.TimeZoneId);
        Assert.Equal(windowsId == "Eastern Standard Time" ? Utc(2026, 7, 1, 13, 30) : Utc(2026, 7, 1, 7, 30), summer.Utc);
    }

    [Fact]
    public void Without_a_zone_the_machine_zone_is_used_and_its_id_stored()
    {
        var time = ScheduleTime.Resolve("2026-12-24 09:30", null, Now, allowPast: false);

        Assert.Equal(TimeZoneInfo.Local.Id, time.TimeZoneId);
        var wall = new DateTime(2026, 12, 24, 9, 30, 0);
        Assert.Equal(new DateTimeOffset(wall, TimeZoneInfo.Local.GetUtcOffset(wall)).ToUniversalTime(), time.Utc);
    }

    [Fact]
    public void A_DateTimeOffset_is_taken_as_is()
    {
        var given = new DateTimeOffset(2026, 12, 24, 9, 30, 0, TimeSpan.FromHours(5.5));

        var time = ScheduleTime.Resolve(given, "Europe/Berlin", Now, allowPast: false);

        Assert.Equal(given, time.Utc);
        Assert.Equal(Utc(2026, 12, 24, 4, 0), time.Utc);
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 5, 0, 0, TimeSpan.FromHours(1)), time.Local);
    }

    [Fact]
    public void A_DateTime_of_kind_Utc_is_UTC_and_Unspecified_is_wall_time_in_the_zone()
    {
        var utc = ScheduleTime.Resolve(new DateTime(2026, 12, 24, 9, 30, 0, DateTimeKind.Utc), "Europe/Berlin", Now, false);
        var unspecified = ScheduleTime.Resolve(new DateTime(2026, 12, 24, 9, 30, 0, DateTimeKind.Unspecified), "Europe/Berlin", Now, false);

        Assert.Equal(Utc(2026, 12, 24, 9, 30), utc.Utc);
        Assert.Equal(Utc(2026, 12, 24, 8, 30), unspecified.Utc);
        Assert.Equal("Europe/Berlin", unspecified.TimeZoneId);
    }

    [Fact]
    public void A_DateTime_of_kind_Local_is_that_instant_on_this_machine_whatever_the_zone()
    {
        // What (Get-Date).AddHours(1) gives: an instant on this machine's clock. A zone whose offset differs
        // from this machine's on that day, so reading it as the zone's wall time would shift it.
        var local = new DateTime(2026, 12, 24, 9, 30, 0, DateTimeKind.Local);
        var machineOffset = TimeZoneInfo.Local.GetUtcOffset(local);
        var zone = machineOffset == TimeSpan.FromHours(5.5) ? "America/New_York" : "Asia/Kolkata";

        var time = ScheduleTime.Resolve(local, zone, Now, false);
        var machine = ScheduleTime.Resolve(local, null, Now, false);

        Assert.Equal(new DateTimeOffset(local.ToUniversalTime()), time.Utc);
        Assert.Equal(zone, time.TimeZoneId);
        Assert.Equal(time.Utc, machine.Utc);
        Assert.Equal(TimeZoneInfo.Local.Id, machine.TimeZoneId);
        // Local is the same instant on the stored zone's clock.
        Assert.Equal(time.Utc, time.Local.ToUniversalTime());
    }

    [Fact]
    public void A_DateTime_of_kind_Local_in_the_past_is_refused_unless_allowed()
    {
        var hourAgo = Now.UtcDateTime.AddHours(-1).ToLocalTime();

        Assert.Equal(DateTimeKind.Local, hourAgo.Kind);
        var e = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.Resolve(hourAgo, "Asia/Kolkata", Now, allowPast: false));
        Assert.Contains("is in the past: 1 hour ago", e.Message);
        Assert.Equal(Now.AddHours(-1), ScheduleTime.Resolve(hourAgo, "Asia/Kolkata", Now, allowPast: true).Utc);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2027-03-28 02:30", "2027-03-28 02:30 does not exist in Europe/Berlin: clocks go from 02:00 to 03:00. Use 01:59 or 03:00 (or give an offset, e.g. 2027-03-28T03:30+02:00).")]
    [InlineData("America/New_York", "2027-03-14 02:15", "2027-03-14 02:15 does not exist in America/New_York: clocks go from 02:00 to 03:00. Use 01:59 or 03:00 (or give an offset, e.g. 2027-03-14T03:15-04:00).")]
    [InlineData("W. Europe Standard Time", "2027-03-28 02:00", "2027-03-28 02:00 does not exist in W. Europe Standard Time: clocks go from 02:00 to 03:00. Use 01:59 or 03:00 (or give an offset, e.g. 2027-03-28T03:00+02:00).")]
    public void A_wall_time_in_the_spring_forward_gap_is_refused_with_the_times_around_it(string zone, string text, string message)
    {
        var e = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.Resolve(text, zone, Now, allowPast: false));

        Assert.Equal("ScheduledAt", e.Field);
        Assert.Equal("LinkedInInvalidScheduledAt", e.ErrorId);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void The_times_just_around_the_gap_are_accepted()
    {
        Assert.Equal(Utc(2027, 3, 28, 0, 59), ScheduleTime.Resolve("2027-03-28 01:59", "Europe/Berlin", Now, false).Utc);
        Assert.Equal(Utc(2027, 3, 28, 1, 0), ScheduleTime.Resolve("2027-03-28 03:00", "Europe/Berlin", Now, false).Utc);
        Assert.Equal(Utc(2027, 3, 28, 1, 30), ScheduleTime.Resolve("2027-03-28T03:30+02:00", "Europe/Berlin", Now, false).Utc);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-10-25 02:30", 0, 30, "2026-10-25T02:30+02:00", "2026-10-25T02:30+01:00")]
    [InlineData("America/New_York", "2026-11-01 01:30", 5, 30, "2026-11-01T01:30-04:00", "2026-11-01T01:30-05:00")]
    public void A_wall_time_that_happens_twice_takes_the_first_and_says_how_to_get_the_second(string zone, string text, int utcHour, int utcMinute, string chosen, string other)
    {
        var time = ScheduleTime.Resolve(text, zone, Now, allowPast: false);

        var date = DateTime.Parse(text.Substring(0, 10), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(date.Year, date.Month, date.Day, utcHour, utcMinute, 0, TimeSpan.Zero), time.Utc);
        Assert.NotNull(time.Warning);
        Assert.Contains($"the first one, {chosen}, is used", time.Warning);
        Assert.Contains($"give the offset: {other}", time.Warning);
        Assert.Contains(zone, time.Warning);

        // Giving the offset of the second occurrence gets it, without a warning.
        var second = ScheduleTime.Resolve(other, zone, Now, allowPast: false);
        Assert.Equal(time.Utc.AddHours(1), second.Utc);
        Assert.Null(second.Warning);
    }

    [Theory]
    [InlineData("2026-12-24", "09:30", "Europe/Berlin", 8, 30)]
    [InlineData("24.12.2026", "9:30", "Europe/Berlin", 8, 30)]
    [InlineData("2026/12/24", "09:30:00", "W. Europe Standard Time", 8, 30)]
    [InlineData("2026-12-24", "09:30Z", "Europe/Berlin", 9, 30)]
    [InlineData("2026-12-24", "09:30+02:00", "America/New_York", 7, 30)]
    public void Separate_date_and_time_columns_combine(string date, string time, string zone, int utcHour, int utcMinute)
    {
        var resolved = ScheduleTime.ResolveDateAndTime(date, time, zone, Now, allowPast: false);

        Assert.Equal(Utc(2026, 12, 24, utcHour, utcMinute), resolved.Utc);
        Assert.Equal(zone, resolved.TimeZoneId);
    }

    [Fact]
    public void Separate_columns_take_DateTime_and_TimeSpan_values()
    {
        var resolved = ScheduleTime.ResolveDateAndTime(new DateTime(2026, 12, 24, 17, 0, 0), TimeSpan.FromHours(9.5), "Europe/Berlin", Now, false);
        var fromDateTimes = ScheduleTime.ResolveDateAndTime(new DateTime(2026, 12, 24), new DateTime(1, 1, 1, 9, 30, 0), "Europe/Berlin", Now, false);

        Assert.Equal(Utc(2026, 12, 24, 8, 30), resolved.Utc);
        Assert.Equal(Utc(2026, 12, 24, 8, 30), fromDateTimes.Utc);
    }

    [Fact]
    public void Separate_columns_in_the_gap_are_refused_too()
    {
        var e = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.ResolveDateAndTime("2027-03-28", "02:30", "Europe/Berlin", Now, false));

        Assert.StartsWith("2027-03-28 02:30 does not exist in Europe/Berlin", e.Message);
    }

    [Theory]
    [InlineData("01/02/2026", "09:30", "Date '01/02/2026'", "yyyy-MM-dd")]
    [InlineData("2026-02-30", "09:30", "Date '2026-02-30'", "no day 30 in month 2 of 2026")]
    [InlineData("2026-12-24", "9.30", "Time '9.30'", "HH:mm")]
    [InlineData("2026-12-24", "24:00", "Time '24:00'", "not a time of day")]
    public void Unreadable_date_or_time_columns_name_the_column_and_the_fix(string date, string time, string named, string fix)
    {
        var e = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.ResolveDateAndTime(date, time, "Europe/Berlin", Now, false));

        Assert.Equal("ScheduledAt", e.Field);
        Assert.StartsWith(named, e.Message);
        Assert.Contains(fix, e.Message);
    }

    [Theory]
    [InlineData("01/02/2026 09:30", "day and month could be either way round")]
    [InlineData("12-24-2026 09:30", "yyyy-MM-dd HH:mm")]
    [InlineData("1/2/26", "yyyy-MM-dd HH:mm")]
    [InlineData("next tuesday", "Accepted: yyyy-MM-dd HH:mm")]
    [InlineData("2026-12-24", "it has no time of day; add one, e.g. 2026-12-24 09:30")]
    [InlineData("2026-13-01 09:30", "no day 1 in month 13")]
    [InlineData("2026-12-24 09:60", "not a time of day")]
    [InlineData("2026-12-24T09:30+15:00", "+15:00 is not a UTC offset")]
    [InlineData("9:30 AM 2026-12-24", "Accepted:")]
    public void Unreadable_text_names_the_value_and_what_is_accepted(string text, string expected)
    {
        var e = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.Resolve(text, "Europe/Berlin", Now, allowPast: false));

        Assert.Equal("LinkedInInvalidScheduledAt", e.ErrorId);
        Assert.StartsWith($"ScheduledAt '{text}' cannot be read as a time: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    // \d in .NET matches every Unicode digit; a cell typed with an IME (full-width) or in Arabic-Indic digits
    // must be the ordinary "cannot be read" row error, not a FormatException that stops the whole import.
    [Theory]
    [InlineData("\uFF12\uFF10\uFF12\uFF16-\uFF11\uFF12-\uFF12\uFF14 \uFF10\uFF19:\uFF13\uFF10")]
    [InlineData("\u0662\u0660\u0662\u0666-\u0661\u0662-\u0662\u0664 \u0660\u0669:\u0663\u0660")]
    [InlineData("2026-12-24 09:30+\uFF10\uFF11:00")]
    [InlineData("\uFF10\uFF11/\uFF10\uFF12/2026 09:30")]
    public void Text_with_digits_other_than_ASCII_is_unreadable_not_a_crash(string text)
    {
        var e = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.Resolve(text, "Europe/Berlin", Now, allowPast: false));

        Assert.Equal("LinkedInInvalidScheduledAt", e.ErrorId);
        Assert.StartsWith($"ScheduledAt '{text}' cannot be read as a time: ", e.Message);
    }

    [Theory]
    [InlineData("\uFF12\uFF10\uFF12\uFF16-\uFF11\uFF12-\uFF12\uFF14", "09:30", "Date '")]
    [InlineData("2026-12-24", "\uFF10\uFF19:\uFF13\uFF10", "Time '")]
    public void Date_or_time_columns_with_digits_other_than_ASCII_are_unreadable(string date, string time, string named)
    {
        var e = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.ResolveDateAndTime(date, time, "Europe/Berlin", Now, false));

        Assert.Equal("ScheduledAt", e.Field);
        Assert.StartsWith(named, e.Message);
        Assert.Contains("cannot be read as a time", e.Message);
    }

    // A wall time near the ends of the calendar can be written but its instant cannot be held
    // (DateTimeOffset throws ArgumentOutOfRangeException): a row error like any other bad time.
    [Theory]
    [InlineData("9999-12-31", "23:30", "America/New_York")]
    [InlineData("0001-01-01", "00:30", "Europe/Berlin")]
    [InlineData("9999-12-31", "23:30-05:00", "Europe/Berlin")]
    [InlineData("0001-01-01", "00:30+01:00", "Europe/Berlin")]
    public void A_time_whose_instant_is_outside_the_calendar_is_refused(string date, string time, string zone)
    {
        var columns = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.ResolveDateAndTime(date, time, zone, Now, allowPast: true));
        var text = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.Resolve(date + " " + time, zone, Now, allowPast: true));

        foreach (var e in new[] { columns, text })
        {
            Assert.Equal("LinkedInInvalidScheduledAt", e.ErrorId);
            Assert.Contains("outside the years 0001 to 9999", e.Message);
        }
    }

    [Fact]
    public void A_wall_DateTime_whose_instant_is_outside_the_calendar_is_refused()
    {
        var e = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.Resolve(new DateTime(9999, 12, 31, 23, 30, 0), "America/New_York", Now, allowPast: true));

        Assert.Equal("ScheduledAt", e.Field);
        Assert.StartsWith("9999-12-31 23:30 in America/New_York cannot be scheduled", e.Message);
    }

    [Fact]
    public void The_field_named_by_errors_can_be_chosen()
    {
        var e = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.Resolve("soon", "Europe/Berlin", Now, false, field: "PostAt"));

        Assert.Equal("PostAt", e.Field);
        Assert.Equal("LinkedInInvalidPostAt", e.ErrorId);
        Assert.StartsWith("PostAt 'soon'", e.Message);
    }

    [Theory]
    [InlineData("Europe/Nowhere")]
    [InlineData("CET Standard Time ")]
    public void An_unknown_zone_is_a_TimeZone_error_with_a_hint(string zone)
    {
        var e = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.Resolve("2026-12-24 09:30", zone, Now, false));

        Assert.Equal("TimeZone", e.Field);
        Assert.Equal("LinkedInInvalidTimeZone", e.ErrorId);
        Assert.Contains($"'{zone.Trim()}' is not a time zone id", e.Message);
        Assert.Contains("Europe/Berlin", e.Message);
        Assert.Contains("W. Europe Standard Time", e.Message);
        Assert.Contains("[TimeZoneInfo]::GetSystemTimeZones()", e.Message);
    }

    [Fact]
    public void An_unknown_zone_is_reported_even_for_a_value_with_an_offset()
    {
        // The zone is stored with the post; a bad one must not slip in because this value did not need it.
        var e = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.Resolve("2026-12-24T09:30Z", "Mars/Olympus", Now, false));

        Assert.Equal("TimeZone", e.Field);
    }

    [Theory]
    [InlineData("2026-06-01T11:30Z", "2026-06-01T13:30+02:00 (Europe/Berlin) is in the past: 30 minutes ago.")]
    [InlineData("2026-05-29T10:00Z", "2026-05-29T12:00+02:00 (Europe/Berlin) is in the past: 3 days 2 hours ago.")]
    [InlineData("2026-06-01T10:59:30Z", "2026-06-01T12:59:30+02:00 (Europe/Berlin) is in the past: 1 hour ago.")]
    [InlineData("2026-06-01T11:59:45Z", "is in the past: less than a minute ago.")]
    public void A_time_in_the_past_is_refused_unless_allowed(string text, string expected)
    {
        var e = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.Resolve(text, "Europe/Berlin", Now, allowPast: false));

        Assert.Equal("ScheduledAt", e.Field);
        Assert.Contains(expected, e.Message);
        Assert.Contains("-AllowPast", e.Message);

        var allowed = ScheduleTime.Resolve(text, "Europe/Berlin", Now, allowPast: true);
        Assert.True(allowed.Utc < Now);
    }

    [Fact]
    public void Exactly_now_is_not_the_past()
    {
        Assert.Equal(Now, ScheduleTime.Resolve(Now, "Europe/Berlin", Now, allowPast: false).Utc);
    }

    [Fact]
    public void Empty_and_unsupported_values_are_refused_with_what_to_give()
    {
        var empty = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.Resolve(null!, "Europe/Berlin", Now, false));
        var number = Assert.Throws<LinkedInValidationException>(() => ScheduleTime.Resolve(42, "Europe/Berlin", Now, false));

        Assert.Contains("ScheduledAt is empty", empty.Message);
        Assert.Contains("ScheduledAt is empty", Assert.Throws<LinkedInValidationException>(() => ScheduleTime.Resolve("  ", "Europe/Berlin", Now, false)).Message);
        Assert.StartsWith("Date is empty", Assert.Throws<LinkedInValidationException>(() => ScheduleTime.ResolveDateAndTime("", "09:30", "Europe/Berlin", Now, false)).Message);
        Assert.StartsWith("Time is empty", Assert.Throws<LinkedInValidationException>(() => ScheduleTime.ResolveDateAndTime("2026-12-24", " ", "Europe/Berlin", Now, false)).Message);
        Assert.Contains("ScheduledAt is a Int32", number.Message);
    }

    [Fact]
    public void ToString_shows_the_local_time_and_zone()
    {
        Assert.Equal("2026-12-24T09:30+01:00 (Europe/Berlin)", ScheduleTime.Resolve("2026-12-24 09:30", "Europe/Berlin", Now, false).ToString());
    }
}
