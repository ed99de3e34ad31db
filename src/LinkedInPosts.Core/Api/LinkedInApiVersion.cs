using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LinkedInPosts.Core.Api
{
    /// <summary>
    /// The value of the LinkedIn-Version header. LinkedIn releases a version each month and sunsets it
    /// about a year later (HTTP 426 NONEXISTENT_VERSION after that), so the default is one constant that
    /// a release bumps, and users can override it per connection or with an environment variable.
    /// </summary>
    public static class LinkedInApiVersion
    {
        /// <summary>The version this release of the module was built and tested against.</summary>
        public const string Default = "202610";

        /// <summary>Environment variable that overrides <see cref="Default"/> for every connection.</summary>
        public const string EnvironmentVariable = "LINKEDINPOSTS_API_VERSION";

        private static readonly Regex Shape = new Regex(@"^(?<year>20\d\d)(?<month>0[1-9]|1[0-2])(\.\d\d)?$", RegexOptions.CultureInvariant);

        /// <summary>True for YYYYMM or YYYYMM.RR, the two forms LinkedIn accepts.</summary>
        public static bool IsWellFormed(string? version) => version != null && Shape.IsMatch(version);

        /// <summary>The version to use: an explicit one, else the environment variable, else <see cref="Default"/>.</summary>
        public static string Resolve(string? explicitVersion)
        {
            var chosen = !string.IsNullOrWhiteSpace(explicitVersion)
                ? explicitVersion!.Trim()
                : Environment.GetEnvironmentVariable(EnvironmentVariable)?.Trim();
            if (string.IsNullOrEmpty(chosen))
            {
                return Default;
            }
            if (!IsWellFormed(chosen))
            {
                throw new ArgumentException(
                    $"'{chosen}' is not a LinkedIn API version. Use the form YYYYMM (for example {Default}) or YYYYMM.RR.",
                    nameof(explicitVersion));
            }
            return chosen!;
        }

        /// <summary>The first day of the month a version was released, e.g. 202610 -> 2026-10-01.</summary>
        public static DateTime ReleaseMonth(string version)
        {
            if (!IsWellFormed(version))
            {
                throw new ArgumentException($"'{version}' is not a LinkedIn API version (YYYYMM).", nameof(version));
            }
            var year = int.Parse(version.Substring(0, 4), CultureInfo.InvariantCulture);
            var month = int.Parse(version.Substring(4, 2), CultureInfo.InvariantCulture);
            return new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
        }
    }
}
