using System;
using System.Collections.Generic;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Content
{
    /// <summary>
    /// A post as the user gave it, field by field, before anything is checked: what New-LinkedInPost's
    /// parameters and Register-LinkedInScheduledPost's columns both fill in. Every field is optional; an
    /// empty or blank text is the same as leaving it out. <see cref="PostDraftBuilder.Build"/> is the one
    /// place that turns them into a <see cref="PostDraft"/>, so both cmdlets accept and refuse the same posts
    /// with the same errors. Media are already resolved (files to full paths, URNs parsed) by the caller,
    /// which knows where relative paths start.
    /// </summary>
    public class PostFields
    {
        /// <summary>
        /// The kind the user chose (New-LinkedInPost's parameter set); null to decide it from what is filled
        /// in (a CSV row, where every column is present and most are empty).
        /// </summary>
        public PostKind? ChosenKind { get; set; }

        /// <summary>The post's text (little text when <see cref="Raw"/>).</summary>
        public string? Text { get; set; }

        /// <summary>The media, in order: one file or URN is a media post; several must all be images.</summary>
        public IReadOnlyList<MediaReference> Media { get; set; } = Array.Empty<MediaReference>();

        /// <summary>
        /// Media objects from Add-LinkedInMedia among <see cref="Media"/> and <see cref="ArticleThumbnail"/>:
        /// their own alt text and title are used where the fields give none (matched by URN).
        /// </summary>
        public IReadOnlyList<UploadedMedia> Uploaded { get; set; } = Array.Empty<UploadedMedia>();

        /// <summary>Alt texts: one for a single picture or the thumbnail, or one per image (an empty one: the image's own, if any).</summary>
        public IReadOnlyList<string> AltText { get; set; } = Array.Empty<string>();

        /// <summary>A video's or document's title; an article's title when <see cref="ArticleTitle"/> is empty.</summary>
        public string? Title { get; set; }

        /// <summary>The article link (absolute http or https).</summary>
        public string? ArticleUrl { get; set; }

        /// <summary>The article card's title.</summary>
        public string? ArticleTitle { get; set; }

        /// <summary>The article card's description.</summary>
        public string? ArticleDescription { get; set; }

        /// <summary>The article card's picture.</summary>
        public MediaReference? ArticleThumbnail { get; set; }

        /// <summary>The poll's question.</summary>
        public string? Poll { get; set; }

        /// <summary>The poll's options, as given (a list the caller split; empty ones are the caller's to drop).</summary>
        public IReadOnlyList<string> PollOption { get; set; } = Array.Empty<string>();

        /// <summary>OneDay, ThreeDays, SevenDays (default) or FourteenDays; also 1, 3, 7, 14.</summary>
        public string? PollDuration { get; set; }

        /// <summary>The URN of the post to reshare.</summary>
        public string? Reshare { get; set; }

        /// <summary>Public (default), Connections or LoggedIn.</summary>
        public string? Visibility { get; set; }

        /// <summary>Stop others from resharing.</summary>
        public bool DisableReshare { get; set; }

        /// <summary>Send the text as-is (already little text).</summary>
        public bool Raw { get; set; }
    }
}
