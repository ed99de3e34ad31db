using System;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Looks for a post among its author's posts on LinkedIn: the same little text (and for a reshare the same reshared post), created in the window
    /// in which the create call could have landed (from the attempt's start to its lease's end, with some
    /// slack for the two clocks). The finder returns the newest first, so the search stops at the first post
    /// older than the window, or after <see cref="MaxPostsScanned"/>.
    /// </summary>
    internal static class PostReadBack
    {
        /// <summary>How far LinkedIn's clock and this machine's may disagree.</summary>
        public static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(5);

        /// <summary>A busy page posts a lot; the window is minutes wide, so this is plenty.</summary>
        public const int MaxPostsScanned = 200;

        /// <summary>The URN of the post, or null when the author has none like it in the window.</summary>
        public static async Task<string?> FindAsync(LinkedInClient client, PostDraft draft, DateTimeOffset sentFrom, DateTimeOffset sentUntil, CancellationToken cancellationToken)
        {
            var littleText = PreparedPost.LittleTextOf(draft);
            var from = sentFrom - ClockSlack;
            var until = sentUntil + ClockSlack;
            var scanned = 0;
            await foreach (var post in client.GetPostsByAuthorAsync(draft.Author, 50, PostOrder.LastModified, cancellationToken).ConfigureAwait(false))
            {
                var changed = post.LastModifiedAt ?? post.CreatedAt;
                if (changed.HasValue && changed.Value < from)
                {
                    break;
                }
                var created = post.CreatedAt ?? post.PublishedAt;
                if (created.HasValue && created.Value >= from && created.Value <= until && string.Equals(post.RawCommentary, littleText, StringComparison.Ordinal)
                    && SameReshare(draft, post))
                {
                    return post.Urn;
                }
                if (++scanned >= MaxPostsScanned)
                {
                    break;
                }
            }
            return null;
        }

        // A reshare is this post only if it reshares the same post: every bare reshare has the same (empty) text.
        private static bool SameReshare(PostDraft draft, LinkedInPost post) =>
            !(draft.Content is ReshareContent reshare)
            || (post.Content is ReshareContent found && string.Equals(found.Parent.ToString(), reshare.Parent.ToString(), StringComparison.Ordinal));
    }
}
