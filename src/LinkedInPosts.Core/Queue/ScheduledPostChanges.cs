using System;
using System.Collections.Generic;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>What Set-LinkedInScheduledPost changes in a Pending or Held post; every null keeps what the post has.</summary>
    public sealed class ScheduledPostChanges
    {
        /// <summary>New text.</summary>
        public string? Text { get; set; }

        /// <summary>
        /// New media (files or URNs; one is a media post, several an image set). New media comes without the old
        /// media's alt text and title, which described other files: it takes <see cref="AltText"/> and
        /// <see cref="Title"/>, else the Add-LinkedInMedia objects' own (<see cref="Uploaded"/>).
        /// </summary>
        public IReadOnlyList<MediaReference>? Media { get; set; }

        /// <summary>The Add-LinkedInMedia objects among <see cref="Media"/>, for their own alt text and title.</summary>
        public IReadOnlyList<UploadedMedia> Uploaded { get; set; } = Array.Empty<UploadedMedia>();

        /// <summary>New alt text: one for a media post, one per image (in order) for an image set.</summary>
        public IReadOnlyList<string>? AltText { get; set; }

        /// <summary>A new title for a media post's file (what a document shows above it).</summary>
        public string? Title { get; set; }

        /// <summary>A new time.</summary>
        public DateTimeOffset? ScheduledAtUtc { get; set; }

        /// <summary>The new time's zone id.</summary>
        public string? TimeZoneId { get; set; }

        /// <summary>Whether the post's picture changes: its media, alt text or title.</summary>
        public bool ChangesMedia => Media != null || AltText != null || Title != null;
    }
}
