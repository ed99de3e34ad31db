using System;

namespace LinkedInPosts.Core.Content
{
    /// <summary>A post as the user described it, before escaping, uploading or sending anything.</summary>
    public sealed class PostDraft
    {
        /// <summary>Creates a draft; <paramref name="commentary"/> is the text as the user wrote it.</summary>
        public PostDraft(LinkedInUrn author, string commentary)
        {
            Author = author ?? throw new ArgumentNullException(nameof(author));
            if (!author.IsAuthor)
            {
                throw new ArgumentException($"'{author}' cannot author a post; use a person or organization URN.", nameof(author));
            }
            Commentary = commentary ?? throw new ArgumentNullException(nameof(commentary));
        }

        /// <summary>The person or organization that posts.</summary>
        public LinkedInUrn Author { get; }

        /// <summary>The text as the user wrote it (or little text when <see cref="Format"/> is Raw).</summary>
        public string Commentary { get; }

        /// <summary>How <see cref="Commentary"/> is turned into LinkedIn's little text.</summary>
        public CommentaryFormat Format { get; set; } = CommentaryFormat.Text;

        /// <summary>Who can see the post.</summary>
        public PostVisibility Visibility { get; set; } = PostVisibility.Public;

        /// <summary>Where LinkedIn distributes it.</summary>
        public FeedDistribution FeedDistribution { get; set; } = FeedDistribution.MainFeed;

        /// <summary>True to stop others from resharing the post.</summary>
        public bool IsReshareDisabledByAuthor { get; set; }

        /// <summary>
        /// What the post shows besides its text: media, several images, an article, a poll or a reshare;
        /// null for a text-only post. One post has at most one of them.
        /// </summary>
        public PostContent? Content { get; set; }
    }
}
