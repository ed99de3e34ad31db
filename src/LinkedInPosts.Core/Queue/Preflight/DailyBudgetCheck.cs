using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>
    /// Do one member's posts of one UTC day fit LinkedIn's daily member limit? LinkedIn counts every call
    /// of the member's token per app and resets at midnight UTC (linkedin-api.md, rate limits; 150 a day
    /// for Share on LinkedIn, as the sandbox enforces). Past the limit every call is refused with 429 and
    /// the runner defers the member's remaining posts to the next day. Calls per post are estimated from
    /// its content: the create, the first comment, two per image or document to upload (initialize and the
    /// status check) and <see cref="VideoCalls"/> per video (a run that reuses an earlier upload needs fewer). Today's
    /// calls include those already made for the queue's posts published since midnight UTC. Members are counted per
    /// app (the connection's client id), as LinkedIn counts them: one member's connections through two apps have a
    /// limit each.
    /// </summary>
    internal static class DailyBudgetCheck
    {
        /// <summary>
        /// The calls one video's upload makes, about: initialize, finalize, and the status checks while LinkedIn processes
        /// it, which start 3 seconds apart and back off to one a minute (ProcessingWait): about 7 for 30 seconds of
        /// processing, then one a minute. 12 leaves room for a few minutes; a video that takes longer makes more.
        /// </summary>
        public const int VideoCalls = 12;

        /// <summary>The calls a run makes for <paramref name="due"/>, about (retries and evidence checks come on top).</summary>
        public static int CallsFor(DuePost due)
        {
            var calls = 1;
            if (due.Content?.FirstComment != null)
            {
                calls++;
            }
            return calls + MediaCalls(due);
        }

        private static int MediaCalls(DuePost due)
        {
            var media = due.Content?.Draft.Content switch
            {
                MediaContent single => new[] { single.Media },
                MultiImageContent images => images.Images.Select(i => i.Image).ToArray(),
                _ => null,
            };
            if (media == null)
            {
                return 2 * due.Post.MediaHashes.Count;
            }
            // Only a stored copy is uploaded: a URN from Add-LinkedInMedia is uploaded already.
            return media.Where(m => m.StoredSha256 != null).Sum(m => m.Kind == MediaKind.Video ? VideoCalls : 2);
        }

        /// <param name="posts">The due posts, each with its connection.</param>
        /// <param name="options">The pre-flight's options (now, the limit, the warning share).</param>
        /// <param name="spentToday">Calls each member already made today (UTC) through each app (<see cref="MemberOfApp"/>), for posts already published.</param>
        public static IEnumerable<PreflightFinding> Run(IEnumerable<(DuePost Due, PreflightConnection Connection)> posts, PreflightOptions options, IReadOnlyDictionary<string, int>? spentToday = null)
        {
            var now = options.Now;
            var today = now.UtcDateTime.Date;
            var days = posts
                .GroupBy(p => (Member: MemberOfApp(p.Connection), Day: p.Due.SendsAt(now).UtcDateTime.Date))
                .OrderBy(g => g.Key.Day);
            foreach (var day in days)
            {
                var list = day.OrderBy(p => p.Due.SendsAt(now)).ThenBy(p => p.Due.Post.Id).ToList();
                var already = 0;
                if (day.Key.Day == today && spentToday != null)
                {
                    spentToday.TryGetValue(day.Key.Member, out already);
                }
                var postCalls = list.Sum(p => CallsFor(p.Due));
                var calls = already + postCalls;
                var spentNote = already > 0
                    ? $" on top of the {already.ToString(CultureInfo.InvariantCulture)} already made today for posts published since 00:00 UTC ({calls.ToString(CultureInfo.InvariantCulture)} in all)"
                    : string.Empty;
                var limit = options.MemberDailyLimit;
                var date = day.Key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var connection = list[0].Connection;
                var member = (connection.MemberName.Length > 0 ? connection.MemberName + " (" + connection.MemberUrn + ")" : connection.MemberUrn) +
                    (connection.ClientId != null && posts.Select(p => p.Connection).Any(c => c.MemberUrn == connection.MemberUrn && c.ClientId != connection.ClientId)
                        ? " through app " + connection.ClientId
                        : string.Empty);
                if (calls > limit)
                {
                    // The first post that no longer fits is the one the finding points at.
                    var spent = already;
                    var firstOver = list.First(p => (spent += CallsFor(p.Due)) > limit);
                    var over = list.Count - list.IndexOf(firstOver);
                    yield return new PreflightFinding(PreflightSeverity.Error, PreflightChecks.DailyBudget,
                        $"{TokenCheck.Count(list.Count)} of {member} on {date} (UTC) need about {postCalls.ToString(CultureInfo.InvariantCulture)} calls{spentNote}, over LinkedIn's daily member limit of {limit.ToString(CultureInfo.InvariantCulture)}: from post '{firstOver.Due.Post.Key}' on, about {TokenCheck.Count(over)} would be deferred to the next day.",
                        $"Spread that member's posts over more days (Set-LinkedInScheduledPost -Id {firstOver.Due.Post.Id.ToString(CultureInfo.InvariantCulture)} -ScheduledAt <time>, and so on), or post some as another member.")
                        .About(firstOver.Due.Post, over);
                }
                else if (calls > limit * options.BudgetWarningShare)
                {
                    yield return new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.DailyBudget,
                        $"{TokenCheck.Count(list.Count)} of {member} on {date} (UTC) need about {postCalls.ToString(CultureInfo.InvariantCulture)} of LinkedIn's {limit.ToString(CultureInfo.InvariantCulture)} daily member calls{spentNote}; anything else that member's token does that day (other tools, retries) counts too.",
                        null)
                        .About(list[0].Due.Post, list.Count);
                }
            }
        }

        /// <summary>What LinkedIn counts a day's calls by: the member, per app (an unknown app, a connection brought with -AccessToken, counts as one).</summary>
        public static string MemberOfApp(PreflightConnection connection) => (connection.ClientId ?? string.Empty) + "|" + connection.MemberUrn;
    }
}
