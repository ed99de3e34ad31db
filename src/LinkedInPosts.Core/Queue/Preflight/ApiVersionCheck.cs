using System;
using System.Collections.Generic;
using System.Linq;
using LinkedInPosts.Core.Api;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>
    /// Will LinkedIn still serve the connection's LinkedIn-Version when the posts go out? LinkedIn keeps
    /// each monthly version for at least a year and then answers 426 to every call (linkedin-api.md,
    /// versioning), which has broken many integrations that pinned one. The exact dates are in LinkedIn's
    /// migrations table, not in any API, so the sunset is estimated as the first day of the month a year
    /// after the release: a few weeks earlier than LinkedIn's own date, never later.
    /// </summary>
    internal static class ApiVersionCheck
    {
        /// <summary>The estimated end of <paramref name="version"/> (YYYYMM or YYYYMM.RR).</summary>
        public static DateTimeOffset EstimatedSunset(string version) => new DateTimeOffset(LinkedInApiVersion.ReleaseMonth(version).AddYears(1), TimeSpan.Zero);

        public static IEnumerable<PreflightFinding> Run(PreflightConnection connection, IReadOnlyList<DuePost> posts, PreflightOptions options)
        {
            var version = connection.ApiVersion;
            var fix = $"Connect again with a recent -ApiVersion (YYYYMM), or update the module and connect without -ApiVersion so its default is used: {connection.ReconnectCommand}";
            if (!LinkedInApiVersion.IsWellFormed(version))
            {
                yield return new PreflightFinding(PreflightSeverity.Error, PreflightChecks.ApiVersion,
                    $"Connection '{connection.Name}' uses '{version}', which is not a LinkedIn API version (YYYYMM): every post would fail.", fix)
                    .About(posts[0].Post, posts.Count);
                yield break;
            }
            var now = options.Now;
            var released = new DateTimeOffset(LinkedInApiVersion.ReleaseMonth(version!), TimeSpan.Zero);
            if (released > now)
            {
                yield return new PreflightFinding(PreflightSeverity.Error, PreflightChecks.ApiVersion,
                    $"Connection '{connection.Name}' uses API version {version}, which LinkedIn has not released yet (it answers 426): every post would fail.", fix)
                    .About(posts[0].Post, posts.Count);
                yield break;
            }
            var sunset = EstimatedSunset(version!);
            var hit = posts.Where(p => p.SendsAt(now) >= sunset).ToList();
            if (hit.Count > 0)
            {
                var when = sunset <= now ? "has passed its" : "reaches its";
                yield return new PreflightFinding(PreflightSeverity.Error, PreflightChecks.ApiVersion,
                    $"Connection '{connection.Name}' uses API version {version}, which {when} end of support around {TokenCheck.Time(sunset)} (LinkedIn serves a version about a year): {TokenCheck.Count(hit.Count)} due after that would fail with 426.", fix)
                    .About(hit[0].Post, hit.Count);
            }
            else if (sunset - now < options.VersionWarning)
            {
                yield return new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.ApiVersion,
                    $"Connection '{connection.Name}' uses API version {version}, which LinkedIn stops serving around {TokenCheck.Time(sunset)}.", fix)
                    .About(posts[0].Post, posts.Count);
            }
        }
    }
}
