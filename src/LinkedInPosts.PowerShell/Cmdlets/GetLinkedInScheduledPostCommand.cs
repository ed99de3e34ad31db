using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Queue;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Lists the posts in the schedule queue, by scheduled time: each with its id, key, state, time (on its
    /// zone's clock and in UTC), connection, author, kind, text, attempts, last error and, once published, its
    /// URN and address, and its first comment's state, URN or error. Filters by state, first comment state,
    /// connection, time range and key, or reads given ids. The queue is
    /// read a page at a time, so a queue of a million posts streams without being loaded at once; -First and
    /// -Skip page through it.
    /// </summary>
    /// <example>
    /// <code>Get-LinkedInScheduledPost -State Pending -From (Get-Date) -To (Get-Date).AddDays(7)</code>
    /// </example>
    /// <example>
    /// <code>Get-LinkedInScheduledPost -State Failed, Missed, Unconfirmed | Format-Table Id, ScheduledAt, State, LastError</code>
    /// </example>
    /// <example>
    /// <code>Get-LinkedInScheduledPost -State Published -FirstCommentState Failed, Adding -From (Get-Date).AddDays(-7) | Format-List Id, Key, Url, FirstComment, FirstCommentState, FirstCommentError</code>
    /// <para>The last week's posts whose first comment failed or has an unknown outcome (what Test-LinkedInPostQueue warns about), with what to add by hand and where.</para>
    /// </example>
    /// <example>
    /// <code>Get-LinkedInScheduledPost -Key launch-2026-12 -Path ./campaign.db</code>
    /// </example>
    /// <seealso cref="InvokeLinkedInPostQueueCommand"/>
    [Cmdlet(VerbsCommon.Get, "LinkedInScheduledPost", DefaultParameterSetName = QuerySet, SupportsPaging = true)]
    [OutputType(typeof(LinkedInScheduledPost))]
    public sealed class GetLinkedInScheduledPostCommand : Infrastructure.LinkedInCmdlet
    {
        /// <summary>Posts matching filters (all posts without any).</summary>
        public const string QuerySet = "Query";

        /// <summary>Posts by id.</summary>
        public const string IdSet = "Id";

        /// <summary>How many posts one query reads.</summary>
        public const int PageSize = 500;

        /// <summary>The ids of the posts to get (also from the pipeline, e.g. Register-LinkedInScheduledPost's output).</summary>
        [Parameter(ParameterSetName = IdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PostId")]
        [ArgumentCompleter(typeof(ScheduledPostIdCompleter))]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>Only posts in these states (Pending, Held, Claimed, Sending, Published, Failed, Missed, Unconfirmed, Cancelled).</summary>
        [Parameter(ParameterSetName = QuerySet)]
        public QueueState[]? State { get; set; }

        /// <summary>
        /// Only posts whose first comment is in these states: Added, Failed (not added; FirstCommentError says why) or
        /// Adding (its outcome is not known). Only published posts have one. Add -From to look at recent posts only.
        /// </summary>
        [Parameter(ParameterSetName = QuerySet)]
        public FirstCommentState[]? FirstCommentState { get; set; }

        /// <summary>Only posts of this connection.</summary>
        [Parameter(ParameterSetName = QuerySet)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Connection { get; set; }

        /// <summary>Only posts scheduled at or after this time (a DateTime of kind Local or Unspecified is this machine's local time).</summary>
        [Parameter(ParameterSetName = QuerySet)]
        [InstantTransformation]
        public DateTime? From { get; set; }

        /// <summary>Only posts scheduled before this time.</summary>
        [Parameter(ParameterSetName = QuerySet)]
        [InstantTransformation]
        public DateTime? To { get; set; }

        /// <summary>Only the post with this key.</summary>
        [Parameter(ParameterSetName = QuerySet)]
        public string? Key { get; set; }

        /// <summary>The queue file (default: LINKEDINPOSTS_QUEUE, else queue.db in the data folder). Binds the QueuePath of piped posts.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("QueuePath")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var queuePath = QueueAccess.ResolvePath(this, Path);
            // A missing file stops the cmdlet (LinkedInQueueNotFound): a typo in -Path must not read as an empty queue.
            using (var store = QueueFile.Open(this, Path))
            {
                if (ParameterSetName == IdSet)
                {
                    foreach (var id in Id)
                    {
                        var post = store.Get(id);
                        if (post == null)
                        {
                            WriteError(QueueAccess.NotFound(id, queuePath));
                            continue;
                        }
                        WriteObject(LinkedInScheduledPost.From(post, queuePath));
                    }
                    return;
                }
                Query(store, queuePath);
            }
        }

        private void Query(IQueueStore store, string queuePath)
        {
            var skip = PagingParameters.Skip;
            var first = PagingParameters.First;
            ulong written = 0;
            ulong total = 0;
            var query = new QueueQuery
            {
                States = State is { Length: > 0 } ? State : null,
                FirstCommentStates = FirstCommentState is { Length: > 0 } ? FirstCommentState : null,
                Connection = string.IsNullOrWhiteSpace(Connection) ? null : Connection!.Trim(),
                Key = string.IsNullOrWhiteSpace(Key) ? null : Key!.Trim(),
                ScheduledFrom = From.HasValue ? Utc(From.Value) : (DateTimeOffset?)null,
                ScheduledBefore = To.HasValue ? Utc(To.Value) : (DateTimeOffset?)null,
                Limit = PageSize,
            };
            // -IncludeTotalCount reads on past -First, counting, so the total is exact (and says so).
            var counting = PagingParameters.IncludeTotalCount;
            while (written < first || counting)
            {
                IReadOnlyList<ScheduledPost> page = store.Query(query);
                foreach (var post in page)
                {
                    total++;
                    if (total > skip && written < first)
                    {
                        WriteObject(LinkedInScheduledPost.From(post, queuePath));
                        written++;
                    }
                    else if (!counting && written >= first)
                    {
                        break;
                    }
                }
                if (page.Count < PageSize || (!counting && written >= first))
                {
                    break;
                }
                query.After = page.Last();
            }
            if (counting)
            {
                WriteObject(PagingParameters.NewTotalCount(total, 1.0));
            }
        }

        /// <summary>A DateTime as an instant: Utc as it is, Local and Unspecified as this machine's local time.</summary>
        internal static DateTimeOffset Utc(DateTime value)
        {
            if (value.Kind == DateTimeKind.Utc)
            {
                return new DateTimeOffset(value);
            }
            try
            {
                return new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Local)).ToUniversalTime();
            }
            catch (ArgumentOutOfRangeException)
            {
                // [datetime]::MaxValue west of UTC (or MinValue east of it) is past the calendar's edge as an instant:
                // as a bound it means "no bound", the calendar's own edge.
                return value.Year > 5000 ? DateTimeOffset.MaxValue : DateTimeOffset.MinValue;
            }
        }
    }
}
