using System;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>A post due within the horizon, with what the checks read from it once.</summary>
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

        /// <summary>When a run will send it: its time, or now for a post already overdue.</summary>
        public DateTimeOffset SendsAt(DateTimeOffset now) => Post.ScheduledAtUtc > now ? Post.ScheduledAtUtc : now;
    }
}
