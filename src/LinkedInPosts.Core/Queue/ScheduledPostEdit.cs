using System;
using System.Collections.Generic;
using System.Linq;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Changes to a post already in the queue that need it built again (new text, new media, a new time
    /// together with those): <see cref="Rebuild"/> turns the stored post back into a <see cref="ScheduleRequest"/>
    /// with the same key, its stored media copies pointing at their files in the media folder, so
    /// <see cref="ScheduledPostBuilder.Build"/> checks the edited post with every rule again and
    /// <see cref="RegistrationMode.UpdatePending"/> replaces it while it is still Pending or Held.
    /// </summary>
    public static class ScheduledPostEdit
    {
        /// <summary>The request for <paramref name="post"/> with the given changes (null: unchanged).</summary>
        /// <param name="post">The stored post.</param>
        /// <param name="media">The queue's media folder (stored copies are read from it).</param>
        /// <param name="text">New text, or null.</param>
        /// <param name="newMedia">New media (files or URNs; one is a media post, several an image set), or null.</param>
        /// <param name="scheduledAtUtc">A new time, or null.</param>
        /// <param name="timeZoneId">The new time's zone id, or null to keep the post's.</param>
        /// <exception cref="Errors.LinkedInQueueException">The stored content cannot be read, or a stored copy is missing or changed.</exception>
        public static ScheduleRequest Rebuild(ScheduledPost post, MediaStore media, string? text, IReadOnlyList<MediaReference>? newMedia, DateTimeOffset? scheduledAtUtc, string? timeZoneId)
        {
            if (post == null)
            {
                throw new ArgumentNullException(nameof(post));
            }
            if (media == null)
            {
                throw new ArgumentNullException(nameof(media));
            }
            var queued = QueuePayload.Read(post.PayloadJson);
            var old = queued.Draft;
            var content = old.Content?.Resolve(reference => FromStore(reference, media));
            if (newMedia != null && newMedia.Count > 0)
            {
                content = newMedia.Count == 1
                    ? new MediaContent(newMedia[0], (content as MediaContent)?.Title, (content as MediaContent)?.AltText)
                    : new MultiImageContent(newMedia.Select(m => new MultiImageItem(m)));
            }
            var draft = new PostDraft(old.Author, text ?? old.Commentary)
            {
                Format = old.Format,
                Visibility = old.Visibility,
                FeedDistribution = old.FeedDistribution,
                IsReshareDisabledByAuthor = old.IsReshareDisabledByAuthor,
                Content = content,
            };
            return new ScheduleRequest(draft, post.Connection, scheduledAtUtc ?? post.ScheduledAtUtc, string.IsNullOrWhiteSpace(timeZoneId) ? post.TimeZoneId : timeZoneId!)
            {
                FirstComment = queued.FirstComment,
                Key = post.Key,
            };
        }

        private static MediaReference FromStore(MediaReference reference, MediaStore media)
        {
            if (reference.StoredSha256 == null)
            {
                return reference;
            }
            var stored = media.Verify(reference.StoredSha256);
            return MediaReference.FromFile(stored.Path, reference.FileName ?? reference.StoredSha256, reference.Kind ?? Media.MediaKind.Image);
        }
    }
}
