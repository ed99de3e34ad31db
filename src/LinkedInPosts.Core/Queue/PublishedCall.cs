using System;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>A create call LinkedIn answered with the post's URN, to be recorded by <see cref="IQueueStore.MarkPublished(System.Collections.Generic.IReadOnlyList{PublishedCall}, bool)"/>.</summary>
    public sealed class PublishedCall
    {
        /// <summary>Creates the record of one answered create call.</summary>
        public PublishedCall(QueueClaim claim, string postUrn, DateTimeOffset publishedAt, int? httpStatus = null)
        {
            if (string.IsNullOrWhiteSpace(postUrn))
            {
                throw new ArgumentException("A published post needs LinkedIn's URN.", nameof(postUrn));
            }
            Claim = claim ?? throw new ArgumentNullException(nameof(claim));
            PostUrn = postUrn;
            PublishedAt = publishedAt;
            HttpStatus = httpStatus;
        }

        /// <summary>The claim under which the call was made.</summary>
        public QueueClaim Claim { get; }

        /// <summary>LinkedIn's URN of the post.</summary>
        public string PostUrn { get; }

        /// <summary>When LinkedIn answered.</summary>
        public DateTimeOffset PublishedAt { get; }

        /// <summary>The HTTP status of the answer (201, or 422 for a duplicate that names the post).</summary>
        public int? HttpStatus { get; }
    }
}
