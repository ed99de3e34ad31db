using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>
    /// Will the connection's token still work when each post goes out? A token that ends before a post's
    /// time is fine only when the connection can refresh at that time (a refresh token, not yet ended, and
    /// the app's secret); most apps get no refresh token, so their connection simply ends after 60 days.
    /// </summary>
    internal static class TokenCheck
    {
        public static IEnumerable<PreflightFinding> Run(PreflightConnection connection, IReadOnlyList<DuePost> posts, PreflightOptions options)
        {
            var now = options.Now;
            var expires = connection.AccessTokenExpiresAt;
            if (expires == null)
            {
                yield return new PreflightFinding(PreflightSeverity.Info, PreflightChecks.Token,
                    $"Connection '{connection.Name}' does not know when its token expires (it was brought with -AccessToken without -AccessTokenExpiresAt), so whether it lasts until the posts are due cannot be checked here.",
                    $"Run Test-LinkedInConnection -Name {connection.Name} to ask LinkedIn now, or connect with -AccessTokenExpiresAt: {connection.ReconnectCommand}")
                    .About(posts[0].Post, posts.Count);
                yield break;
            }

            // A run sends a post up to RunInterval after its time (the next run), so the token must last until then.
            var hit = posts.Where(p => p.SendsAt(now) + options.RunInterval >= expires.Value && !connection.CanRefreshAt(p.SendsAt(now) + options.RunInterval)).ToList();
            if (hit.Count > 0)
            {
                var why = !connection.HasRefreshToken
                    ? "LinkedIn gives this app no refresh token, so it cannot be renewed without signing in"
                    : "its refresh token ends " + Time(connection.RefreshTokenExpiresAt!.Value) + ", so it cannot be renewed by then";
                var past = expires.Value <= now ? "expired " : "expires ";
                yield return new PreflightFinding(PreflightSeverity.Error, PreflightChecks.Token,
                    $"Connection '{connection.Name}' ({connection.MemberName}) {past}{Time(expires.Value)} and {why}: {Count(hit.Count)} due by then (or within {Minutes(options.RunInterval)} before, as the next run may send them that much later) will be held, not published (the first at {Time(hit[0].SendsAt(now))}).",
                    "Sign in again before then: " + connection.ReconnectCommand)
                    .About(hit[0].Post, hit.Count);
                yield break;
            }

            // Nothing is hit within the horizon, but the connection ends soon: say so while there is time.
            if (EndsSoon(connection, posts[0].Post, posts.Count, options) is { } soon)
            {
                yield return soon;
            }
        }

        /// <summary>
        /// The Warning that the connection ends within <see cref="PreflightOptions.ExpiryWarning"/> (its refresh token, or its
        /// token when it has none), about <paramref name="first"/> of its waiting posts; null when it lasts longer or its end is
        /// unknown. Also for a connection whose next post is beyond the horizon: the first word of the end must come in time.
        /// </summary>
        public static PreflightFinding? EndsSoon(PreflightConnection connection, ScheduledPost first, int posts, PreflightOptions options)
        {
            if (!(EndsWithinWarning(connection, options) is { } ends))
            {
                return null;
            }
            var what = connection.HasRefreshToken ? "its refresh token ends" : "its token expires (no refresh token)";
            return new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.Token,
                $"Connection '{connection.Name}' ({connection.MemberName}): {what} {Time(ends)}, in {Days(ends - options.Now)}; posts after that will be held.",
                "Sign in again before then: " + connection.ReconnectCommand)
                .About(first, posts);
        }

        /// <summary>When the connection ends for good (its refresh token, or its token when it has none), if that is within the expiry warning.</summary>
        public static DateTimeOffset? EndsWithinWarning(PreflightConnection connection, PreflightOptions options)
        {
            var ends = connection.HasRefreshToken ? connection.RefreshTokenExpiresAt : connection.AccessTokenExpiresAt;
            return ends != null && ends.Value - options.Now < options.ExpiryWarning ? ends : null;
        }

        internal static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

        private static string Minutes(TimeSpan span) => span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min";

        internal static string Count(int posts) => posts == 1 ? "1 post" : posts.ToString(CultureInfo.InvariantCulture) + " posts";

        private static string Days(TimeSpan left)
        {
            var (value, unit) = left.TotalDays >= 1 ? (Math.Floor(left.TotalDays), "day") : (Math.Max(0, Math.Floor(left.TotalHours)), "hour");
            return value.ToString(CultureInfo.InvariantCulture) + " " + unit + (value == 1 ? string.Empty : "s");
        }
    }
}
