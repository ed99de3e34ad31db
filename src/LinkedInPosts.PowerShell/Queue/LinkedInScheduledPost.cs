using System;
using System.Linq;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.PowerShell.Queue
{
    /// <summary>
    /// A post in the schedule queue, as Get-LinkedInScheduledPost and Register-LinkedInScheduledPost output
    /// it. Its Id (with -Path, the queue it is in) pipes into Set-, Unregister- and Export-LinkedInScheduledPost.
    /// Nothing secret is in it: a post names its connection, never a token.
    /// </summary>
    public sealed class LinkedInScheduledPost
    {
        /// <summary>The post's id in its queue.</summary>
        public long Id { get; set; }

        /// <summary>Its unique key: the Key column, or one derived from author, text, time and media (auto-…).</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>Where it is: Pending, Held, Claimed, Sending, Published, Failed, Missed, Unconfirmed or Cancelled.</summary>
        public QueueState State { get; set; }

        /// <summary>
        /// The type name Register-LinkedInScheduledPost's output carries first, so that its default view shows
        /// <see cref="RegistrationOutcome"/> (the type stays this one: it pipes as any scheduled post does).
        /// </summary>
        public const string RegisteredTypeName = "LinkedInPosts.PowerShell.Queue.LinkedInScheduledPost#Registered";

        /// <summary>
        /// What Register-LinkedInScheduledPost did with the row: Added, AlreadyExists, Updated (-Force) or
        /// NotUpdatable (a runner already took it). Null on Get-LinkedInScheduledPost's output.
        /// </summary>
        public RegistrationOutcome? RegistrationOutcome { get; set; }

        /// <summary>When it is due, on the clock of <see cref="TimeZone"/> (with that zone's offset).</summary>
        public DateTimeOffset ScheduledAt { get; set; }

        /// <summary>
        /// When it is due, in UTC (offset 0). A DateTimeOffset, as CreatedAt is: a DateTime of kind Utc compared with
        /// Get-Date (kind Local) in PowerShell is compared by its clock reading, off by the machine's UTC offset.
        /// </summary>
        public DateTimeOffset ScheduledAtUtc { get; set; }

        /// <summary>The time zone the time was given in (Windows or IANA id).</summary>
        public string TimeZone { get; set; } = string.Empty;

        /// <summary>When a runner may next take it (later than ScheduledAt after a retryable failure), UTC (offset 0).</summary>
        public DateTimeOffset DueAtUtc { get; set; }

        /// <summary>The connection that will publish it.</summary>
        public string Connection { get; set; } = string.Empty;

        /// <summary>The author's URN.</summary>
        public string Author { get; set; } = string.Empty;

        /// <summary>Text, Media, MultiImage, Article, Poll or Reshare.</summary>
        public string Kind { get; set; } = "Text";

        /// <summary>The post's text, as written (before little-text escaping).</summary>
        public string Text { get; set; } = string.Empty;

        /// <summary>Public, Connections or LoggedIn.</summary>
        public string Visibility { get; set; } = string.Empty;

        /// <summary>How many media files or URNs the post carries (thumbnail included).</summary>
        public int MediaCount { get; set; }

        /// <summary>The comment added once the post is up, or null.</summary>
        public string? FirstComment { get; set; }

        /// <summary>
        /// What became of the first comment once the post was up: Added (FirstCommentUrn names it), Failed
        /// (FirstCommentError says why) or Adding (its call was made and its outcome is not known: no clear answer, or
        /// the run stopped during it; look at the post).
        /// Never retried. Null while the post is not published, or has no first comment.
        /// </summary>
        public FirstCommentState? FirstCommentState { get; set; }

        /// <summary>LinkedIn's URN of the first comment, once added.</summary>
        public string? FirstCommentUrn { get; set; }

        /// <summary>Why the first comment was not added.</summary>
        public string? FirstCommentError { get; set; }

        /// <summary>How many attempts were recorded, over the post's whole life.</summary>
        public int Attempts { get; set; }

        /// <summary>
        /// The attempts since a person last re-armed it (-Retry, -Resend): what Invoke-LinkedInPostQueue -MaxAttempts
        /// counts, so a retried post gets the full number of tries again. Equal to Attempts if nobody did.
        /// </summary>
        public int AttemptsSinceRetry { get; set; }

        /// <summary>The last attempt's error message, if it failed.</summary>
        public string? LastError { get; set; }

        /// <summary>LinkedIn's URN for it once published.</summary>
        public string? PostUrn { get; set; }

        /// <summary>Its address on LinkedIn once published.</summary>
        public Uri? Url { get; set; }

        // The three instants below are DateTimeOffsets (in UTC) so that Where-Object CreatedAt -gt (Get-Date).AddHours(-1)
        // is right in every zone: a DateTime compares its ticks and ignores its Kind.

        /// <summary>When LinkedIn created it (UTC).</summary>
        public DateTimeOffset? PublishedAt { get; set; }

        /// <summary>When it was registered (UTC).</summary>
        public DateTimeOffset CreatedAt { get; set; }

        /// <summary>When it last changed (UTC).</summary>
        public DateTimeOffset UpdatedAt { get; set; }

        /// <summary>The queue file it is in (binds to -Path of the other scheduled-post cmdlets, through their QueuePath alias).</summary>
        public string QueuePath { get; set; } = string.Empty;

        /// <summary>The view of a stored post; content that cannot be read leaves Text empty and Kind "Unreadable".</summary>
        public static LinkedInScheduledPost From(ScheduledPost post, string queuePath, RegistrationOutcome? outcome = null)
        {
            var view = new LinkedInScheduledPost
            {
                Id = post.Id,
                Key = post.Key,
                State = post.State,
                RegistrationOutcome = outcome,
                ScheduledAt = ScheduledPostTimes.InZone(post.ScheduledAtUtc, post.TimeZoneId),
                ScheduledAtUtc = post.ScheduledAtUtc.ToUniversalTime(),
                TimeZone = post.TimeZoneId,
                DueAtUtc = post.DueAtUtc.ToUniversalTime(),
                Connection = post.Connection,
                Author = post.Author,
                Attempts = post.Attempts,
                AttemptsSinceRetry = post.AttemptsSinceRetry,
                LastError = post.LastError,
                PostUrn = post.PostUrn,
                PublishedAt = post.PublishedAt?.ToUniversalTime(),
                FirstCommentState = post.FirstCommentState,
                FirstCommentUrn = post.FirstCommentUrn,
                FirstCommentError = post.FirstCommentError,
                CreatedAt = post.CreatedAt.ToUniversalTime(),
                UpdatedAt = post.UpdatedAt.ToUniversalTime(),
                MediaCount = post.MediaHashes.Count,
                QueuePath = queuePath,
            };
            if (post.PostUrn != null && LinkedInUrn.TryParse(post.PostUrn, out var urn))
            {
                view.Url = urn!.Permalink;
            }
            try
            {
                var queued = QueuePayload.Read(post.PayloadJson);
                view.Text = queued.Draft.Commentary;
                view.Visibility = queued.Draft.Visibility.ToString();
                view.FirstComment = queued.FirstComment;
                view.Kind = KindOf(queued.Draft.Content);
                view.MediaCount = MediaCountOf(queued.Draft.Content);
            }
            catch (LinkedInQueueException)
            {
                view.Kind = "Unreadable";
            }
            return view;
        }

        private static string KindOf(PostContent? content) => content switch
        {
            null => "Text",
            MediaContent _ => "Media",
            MultiImageContent _ => "MultiImage",
            ArticleContent _ => "Article",
            PollContent _ => "Poll",
            ReshareContent _ => "Reshare",
            _ => content.GetType().Name,
        };

        private static int MediaCountOf(PostContent? content) => content switch
        {
            MediaContent _ => 1,
            MultiImageContent images => images.Images.Count,
            ArticleContent article => article.Thumbnail == null ? 0 : 1,
            _ => 0,
        };

        /// <inheritdoc />
        public override string ToString()
        {
            var text = Text.Length > 40 ? Text.Substring(0, 39) + "…" : Text;
            return $"{Id} {State} {ScheduledAt:yyyy-MM-dd HH:mm zzz} {text}".TrimEnd();
        }
    }
}
