using System.Globalization;
using System.Text.RegularExpressions;
using LinkedInPosts.Sandbox.Errors;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// Which LinkedIn-Version values are active at a given sandbox time. LinkedIn releases monthly and
/// its migrations table sunsets each version on the 15th of the same month one year later (202510
/// sunsets 2026-10-15), so: active from the first of its month until that 15th, exclusive. The first
/// versioned release was 202206. Anything else gets LinkedIn's 426 NONEXISTENT_VERSION.
/// </summary>
internal static partial class ApiVersionRule
{
    private static readonly DateTimeOffset FirstRelease = new(2022, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?<month>[0-9]{2})(\.[0-9]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>The release month of a well-formed version (YYYYMM or YYYYMM.RR), or null.</summary>
    public static DateTimeOffset? ReleaseMonth(string version)
    {
        var match = Shape().Match(version);
        if (!match.Success)
        {
            return null;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && year >= 1 ? new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero) : null;
    }

    /// <summary>LinkedIn prints versions as YYYYMMDD with day 01 in its 426 message (202409 -> 20240901).</summary>
    public static string Display(string version) =>
        ReleaseMonth(version) is { } month ? month.ToString("yyyyMMdd", CultureInfo.InvariantCulture) : version;

    /// <summary>Null when the header is acceptable at <paramref name="now"/>, else LinkedIn's error.</summary>
    public static LinkedInError? Check(string? header, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return LinkedInErrors.VersionMissing();
        }
        var version = header.Trim();
        var release = ReleaseMonth(version);
        if (release is not { } month || !IsActive(month, now))
        {
            return LinkedInErrors.NonexistentVersion(Display(version));
        }
        return null;
    }

    private static bool IsActive(DateTimeOffset releaseMonth, DateTimeOffset now)
    {
        var utcNow = now.ToUniversalTime();
        var startOfNowMonth = new DateTimeOffset(utcNow.Year, utcNow.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var sunset = releaseMonth.AddYears(1).AddDays(14);
        return releaseMonth >= FirstRelease && releaseMonth <= startOfNowMonth && utcNow < sunset;
    }
}
