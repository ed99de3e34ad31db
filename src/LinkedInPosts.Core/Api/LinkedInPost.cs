using System;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Api
{
    /// <summary>A post as LinkedIn holds it, with the commentary turned back into what the user wrote.</summary>
    public sealed class LinkedInPost
    {
        /// <summary>The post's URN (<c>urn:li:share:…</c> or <c>urn:li:ugcPost:…</c>).</summary>
        public string Urn { get; set; } = string.Empty;

        /// <summary>The public web address of the post.</summary>
        public Uri? Url { get; set; }

        /// <summary>The person or organization URN that posted it.</summary>
        public string Author { get; set; } = string.Empty;

        /// <summary>The text as the user wrote it (little-text escapes removed).</summary>
        public string Commentary { get; set; } = string.Empty;

        /// <summary>The text exactly as LinkedIn stores it (escaped little text).</summary>
        public string RawCommentary { get; set; } = string.Empty;

        /// <summary>Who can see it.</summary>
        public PostVisibility Visibility { get; set; }

        /// <summary>Where LinkedIn distributes it.</summary>
        public FeedDistribution FeedDistribution { get; set; }

        /// <summary>LinkedIn's lifecycle state, e.g. <c>PUBLISHED</c>.</summary>
        public string LifecycleState { get; set; } = string.Empty;

        /// <summary>True when others cannot reshare it.</summary>
        public bool IsReshareDisabledByAuthor { get; set; }

        /// <summary>When LinkedIn created it, when known.</summary>
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>When it was published, when known.</summary>
        public DateTimeOffset? PublishedAt { get; set; }

        /// <summary>When it was last changed, when known.</summary>
        public DateTimeOffset? LastModifiedAt { get; set; }

        /// <summary>What the post shows besides its text (media with their URNs, an article, a poll, a reshare), or null.</summary>
        public PostContent? Content { get; set; }

        /// <inheritdoc />
        public override string ToString() => Urn;
    }
}
