using System;
using System.Collections.Generic;
using System.Linq;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>
    /// The pre-flight behind Test-LinkedInPostQueue: for every Pending post scheduled before now + the
    /// horizon (overdue ones included), would a run publish it at its time? Connection, token, scopes and
    /// author, API version, content, media copies and the daily budget are checked; then every post that
    /// needs a person (Unconfirmed, Failed, Sending with its lease run out) is listed, and the recently
    /// published posts whose first comment failed or has an unknown outcome. Nothing is changed
    /// and LinkedIn is not called: the connections come in as data (<see cref="PreflightConnection"/>),
    /// read from the token store by the caller.
    /// </summary>
    public static class QueuePreflight
    {
        /// <summary>Runs every check over <paramref name="store"/>.</summary>
        public static PreflightReport Run(IQueueStore store, IEnumerable<PreflightConnection> connections, PreflightOptions? options = null)
        {
            if (store == null)
            {
                throw new ArgumentNullException(nameof(store));
            }
            options ??= new PreflightOptions();
            var byName = new Dictionary<string, PreflightConnection>(StringComparer.OrdinalIgnoreCase);
            foreach (var connection in connections ?? Enumerable.Empty<PreflightConnection>())
            {
                byName[connection.Name] = connection;
            }

            var findings = new List<PreflightFinding>();
            // A Claimed post is one a run is preparing, or one whose run died before sending it: the next run takes it
            // again, so it is checked as a Pending one is.
            var waiting = Read(store, new[] { QueueState.Pending, QueueState.Claimed }, options.Now + options.Horizon, options.MaxPosts);
            // Posts that need a person whenever they were due (no horizon), and Sending ones, which a run settles by
            // evidence: its read-back or resend needs the connection's token too, at the lease's end.
            var stuck = Read(store, new[] { QueueState.Unconfirmed, QueueState.Failed, QueueState.Sending }, null, options.MaxPosts);
            var missed = options.MissedLookBack > TimeSpan.Zero
                ? Read(store, new[] { QueueState.Missed }, null, options.MaxPosts, options.Now - options.MissedLookBack)
                : new List<ScheduledPost>();
            var due = new List<DuePost>(waiting.Count);
            // By id, once: a run may move a post from Claimed to Sending between the two reads.
            var seen = new HashSet<long>();
            foreach (var post in waiting.Concat(stuck).Concat(missed).Where(p => seen.Add(p.Id)))
            {
                if (post.State == QueueState.Pending || post.State == QueueState.Claimed || post.State == QueueState.Sending)
                {
                    due.Add(Inspect(post, findings));
                }
                var finding = StuckPostCheck.Run(post, options, () => store.GetAttempts(post.Id));
                if (finding != null)
                {
                    findings.Add(finding);
                }
            }

            var media = new Dictionary<string, MediaCheck>(StringComparer.Ordinal);
            foreach (var post in due)
            {
                findings.AddRange(MediaCopiesCheck.Run(post, store.Media, media));
            }

            var budgeted = new List<(DuePost, PreflightConnection)>();
            foreach (var group in due.GroupBy(p => p.Post.Connection, StringComparer.OrdinalIgnoreCase))
            {
                // In the order a run sends them (a deferred post comes later than its scheduled time says).
                var posts = group.OrderBy(p => p.SendsAt(options.Now)).ThenBy(p => p.Post.Id).ToList();
                if (!byName.TryGetValue(group.Key, out var connection))
                {
                    findings.Add(Missing(group.Key, posts, options));
                    continue;
                }
                findings.AddRange(TokenCheck.Run(connection, posts, options));
                findings.AddRange(AuthorCheck.Run(connection, posts));
                findings.AddRange(ApiVersionCheck.Run(connection, posts, options));
                budgeted.AddRange(posts.Select(p => (p, connection)));
            }
            findings.AddRange(DailyBudgetCheck.Run(budgeted, options, SpentToday(store, byName, options)));
            findings.AddRange(EndingBeyondTheHorizon(store, byName.Values, due, options));

            findings.AddRange(FirstComments(store, options));
            if (options.QueuePath != null)
            {
                foreach (var finding in findings)
                {
                    finding.Message = SuggestedCommands.WithQueue(finding.Message, options.QueuePath)!;
                    finding.Fix = SuggestedCommands.WithQueue(finding.Fix, options.QueuePath);
                }
            }

            var ordered = findings
                .OrderByDescending(f => f.Severity)
                .ThenBy(f => f.ScheduledAtUtc ?? DateTimeOffset.MinValue)
                .ThenBy(f => f.PostId ?? 0)
                .ToList();
            return new PreflightReport(options.Now, options.Now + options.Horizon, due.Count, ordered);
        }

        /// <summary>
        /// The connections that end within the expiry warning but have no post due within the horizon, only later ones
        /// (Pending or Held): without this the first word of it was the Error once a post was due and the token had ended.
        /// One index read per such connection (its next waiting post), none for the others.
        /// </summary>
        private static IEnumerable<PreflightFinding> EndingBeyondTheHorizon(IQueueStore store, IEnumerable<PreflightConnection> connections, List<DuePost> due, PreflightOptions options)
        {
            var checkedAlready = new HashSet<string>(due.Select(p => p.Post.Connection), StringComparer.OrdinalIgnoreCase);
            foreach (var connection in connections.Where(c => !checkedAlready.Contains(c.Name) && TokenCheck.EndsWithinWarning(c, options) != null))
            {
                var next = store.Query(new QueueQuery { States = new[] { QueueState.Pending, QueueState.Held }, Connection = connection.Name, Limit = 1 });
                if (next.Count > 0 && TokenCheck.EndsSoon(connection, next[0], 1, options) is { } finding)
                {
                    yield return finding;
                }
            }
        }

        private static DuePost Inspect(ScheduledPost post, List<PreflightFinding> findings)
        {
            QueuedContent? content = null;
            try
            {
                content = QueuePayload.Read(post.PayloadJson);
            }
            catch (LinkedInQueueException exception)
            {
                findings.Add(new PreflightFinding(PreflightSeverity.Error, PreflightChecks.Content,
                    $"Post '{post.Key}' cannot be read: {exception.Message}",
                    "Update the module if the queue was written by a newer one; otherwise register the post again with -Force.").About(post));
            }
            LinkedInUrn.TryParse(post.Author, out var author);
            return new DuePost(post, content, author);
        }

        private static PreflightFinding Missing(string name, IReadOnlyList<DuePost> posts, PreflightOptions options) =>
            new PreflightFinding(PreflightSeverity.Error, PreflightChecks.Connection,
                $"There is no connection named '{name}' in the token store of this OS account: {TokenCheck.Count(posts.Count)} would be held, not published (the first at {TokenCheck.Time(posts[0].SendsAt(options.Now))}). The store belongs to the OS account, so the account that runs the queue must have made it.",
                "Run " + options.ConnectCommandFor(name) + " as the account that runs the queue.")
                .About(posts[0].Post, posts.Count);

        /// <summary>
        /// The calls each member has made today (UTC) through each app (DailyBudgetCheck.MemberOfApp) for posts of this queue already published: they count
        /// against today's limit too. Published posts are found by their scheduled time (an index read), from a
        /// <see cref="SpentTodayLookBack"/> before midnight: a post published today was scheduled then or later unless
        /// it was deferred for longer than that, which is rare and only makes the estimate low.
        /// </summary>
        private static Dictionary<string, int> SpentToday(IQueueStore store, Dictionary<string, PreflightConnection> byName, PreflightOptions options)
        {
            var midnight = new DateTimeOffset(options.Now.UtcDateTime.Date, TimeSpan.Zero);
            var spent = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var post in Read(store, new[] { QueueState.Published }, null, options.MaxPosts, midnight - SpentTodayLookBack))
            {
                if (post.PublishedAt == null || post.PublishedAt < midnight || post.PublishedAt > options.Now || !byName.TryGetValue(post.Connection, out var connection))
                {
                    continue;
                }
                var key = DailyBudgetCheck.MemberOfApp(connection);
                spent.TryGetValue(key, out var calls);
                spent[key] = calls + DailyBudgetCheck.CallsFor(Inspect(post, new List<PreflightFinding>()));
            }
            return spent;
        }

        /// <summary>
        /// The first comments that need a person (<see cref="FirstCommentCheck"/>), of the posts published within the
        /// look-back. Bounded by the scheduled time, not the time of publishing: the (state, scheduled_at, id) index
        /// serves it, so it reads only that period's published posts, never the whole history (QueryPlanTests), and
        /// it is exactly what Get-LinkedInScheduledPost -State Published -FirstCommentState Failed, Adding -From lists.
        /// A run sends a post no later than about MaxLateness after its time, so the two differ by that much at most.
        /// </summary>
        private static IEnumerable<PreflightFinding> FirstComments(IQueueStore store, PreflightOptions options)
        {
            if (options.FirstCommentLookBack <= TimeSpan.Zero)
            {
                yield break;
            }
            foreach (var post in Read(store, FirstCommentQuery(options), options.MaxPosts))
            {
                var finding = FirstCommentCheck.Run(post, options);
                if (finding != null)
                {
                    yield return finding;
                }
            }
        }

        /// <summary>What <see cref="FirstComments"/> reads (QueryPlanTests look at its plan).</summary>
        internal static QueueQuery FirstCommentQuery(PreflightOptions options) => new QueueQuery
        {
            States = new[] { QueueState.Published },
            FirstCommentStates = new[] { FirstCommentState.Failed, FirstCommentState.Adding },
            // A look-back past the calendar's start (TimeSpan.MaxValue, say) is every published post.
            ScheduledFrom = options.FirstCommentLookBack < options.Now - DateTimeOffset.MinValue ? options.Now - options.FirstCommentLookBack : (DateTimeOffset?)null,
        };

        /// <summary>How long before midnight <see cref="SpentToday"/> looks for posts by their scheduled time.</summary>
        private static readonly TimeSpan SpentTodayLookBack = TimeSpan.FromDays(2);

        private static List<ScheduledPost> Read(IQueueStore store, QueueState[] states, DateTimeOffset? before, int max, DateTimeOffset? from = null) =>
            Read(store, new QueueQuery { States = states, ScheduledFrom = from, ScheduledBefore = before }, max);

        /// <summary>The posts <paramref name="query"/> matches, a thousand at a time, until <paramref name="max"/> or more are read.</summary>
        private static List<ScheduledPost> Read(IQueueStore store, QueueQuery query, int max)
        {
            var posts = new List<ScheduledPost>();
            query.Limit = 1000;
            while (posts.Count < max)
            {
                var page = store.Query(query);
                posts.AddRange(page);
                if (page.Count < query.Limit)
                {
                    break;
                }
                query.After = page[page.Count - 1];
            }
            return posts;
        }
    }

    /// <summary>What <see cref="QueuePreflight.Run"/> found.</summary>
    public sealed class PreflightReport
    {
        /// <summary>Creates the report.</summary>
        public PreflightReport(DateTimeOffset checkedAt, DateTimeOffset horizonEnd, int postsChecked, IReadOnlyList<PreflightFinding> findings)
        {
            CheckedAt = checkedAt;
            HorizonEnd = horizonEnd;
            PostsChecked = postsChecked;
            Findings = findings;
        }

        /// <summary>When the checks were made.</summary>
        public DateTimeOffset CheckedAt { get; }

        /// <summary>Pending posts scheduled before this were checked.</summary>
        public DateTimeOffset HorizonEnd { get; }

        /// <summary>How many posts a run will send or settle (Pending within the horizon, Claimed, Sending) went through the checks.</summary>
        public int PostsChecked { get; }

        /// <summary>The findings, errors first, then by the time of the post they are about.</summary>
        public IReadOnlyList<PreflightFinding> Findings { get; }

        /// <summary>True when some finding is an error: a post will not go out unless someone acts.</summary>
        public bool HasErrors => Findings.Any(f => f.Severity == PreflightSeverity.Error);
    }
}
