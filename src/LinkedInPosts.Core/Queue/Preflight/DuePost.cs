using System;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>A post a run will send (or settle by evidence), with what the checks read from it once.</summary>
    internal sealed class DuePost
    {
        public DuePost(ScheduledPost post, QueuedContent? content, LinkedInUrn? author)
        {
            Post = post;
            Content = content;
            Author = author;
        }

        public ScheduledPost Post { get; }

        /// <summary>The stored content; null when it cannot be read (the Content check reports that).</summary>
        public QueuedContent? Content { get; }

        /// <summary>The author URN; null when it does not parse.</summary>
        public LinkedInUrn? Author { get; }

        /// <summary>
        /// When a run will send it: when it is due, or now for a post already overdue. Its due time, not its scheduled
        /// time: a post deferred by a spent daily limit or backing off after a retryable error is sent later than it was
        /// scheduled, and its token and its day's budget are those of that later time.
        /// </summary>
        /// <para>A Sending post is settled by evidence (a read-back, a resend) when its lease ends: then it needs its token.</para>
        public DateTimeOffset SendsAt(DateTimeOffset now)
        {
            var at = Post.State == QueueState.Sending && Post.LeaseUntil != null ? Post.LeaseUntil.Value : Post.DueAtUtc;
            return at > now ? at : now;
        }
    }
}
