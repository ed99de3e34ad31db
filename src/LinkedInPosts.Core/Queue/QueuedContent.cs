using System;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// What a scheduled post will publish, as read back from the queue: the draft (its media are URNs or
    /// stored copies, see <see cref="MediaReference.StoredSha256"/>) and the comment to add right after it.
    /// </summary>
    public sealed class QueuedContent
    {
        /// <summary>Creates the content.</summary>
        public QueuedContent(PostDraft draft, string? firstComment)
        {
            Draft = draft ?? throw new ArgumentNullException(nameof(draft));
            FirstComment = string.IsNullOrEmpty(firstComment) ? null : firstComment;
        }

        /// <summary>The post.</summary>
        public PostDraft Draft { get; }

        /// <summary>The comment the author adds once the post is up, or null.</summary>
        public string? FirstComment { get; }
    }
}
