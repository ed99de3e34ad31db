using System;
using System.Collections.Generic;
using System.Linq;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Changes to a post already in the queue that need it built again (new text, new media, alt text or title, a
    /// new time together with those): <see cref="Rebuild"/> turns the stored post back into a <see cref="ScheduleRequest"/>
    /// with the same key, its stored media copies pointing at their files in the media folder, so
    /// <see cref="ScheduledPostBuilder.Build"/> checks the edited post with every rule again and
    /// <see cref="RegistrationMode.UpdatePending"/> replaces it while it is still Pending or Held.
    /// </summary>
    public static class ScheduledPostEdit
    {
        /// <summary>The request for <paramref name="post"/> with <paramref name="changes"/> made.</summary>
        /// <param name="post">The stored post.</param>
        /// <param name="media">The queue's media folder (stored copies are read from it).</param>
        /// <param name="changes">What changes; what it leaves null stays as it is.</param>
        /// <exception cref="Errors.LinkedInQueueException">The stored content cannot be read, or a stored copy is missing or changed.</exception>
        /// <exception cref="Errors.LinkedInValidationException">The media changes do not fit the post (its kind, the number of alt texts).</exception>
        public static ScheduleRequest Rebuild(ScheduledPost post, MediaStore media, ScheduledPostChanges changes)
        {
            if (post == null)
            {
                throw new ArgumentNullException(nameof(post));
            }
            if (media == null)
            {
                throw new ArgumentNullException(nameof(media));
            }
            if (changes == null)
            {
                throw new ArgumentNullException(nameof(changes));
            }
            var queued = QueuePayload.Read(post.PayloadJson);
            var old = queued.Draft;
            var content = old.Content?.Resolve(reference => FromStore(reference, media));
            if (changes.ChangesMedia)
            {
                content = WithMediaChanges(post, old.Author, content, changes);
            }
            var draft = new PostDraft(old.Author, changes.Text ?? old.Commentary)
            {
                Format = old.Format,
                Visibility = old.Visibility,
                FeedDistribution = old.FeedDistribution,
                IsReshareDisabledByAuthor = old.IsReshareDisabledByAuthor,
                Content = content,
            };
            var timeZoneId = string.IsNullOrWhiteSpace(changes.TimeZoneId) ? post.TimeZoneId : changes.TimeZoneId!;
            return new ScheduleRequest(draft, post.Connection, changes.ScheduledAtUtc ?? post.ScheduledAtUtc, timeZoneId)
            {
                FirstComment = queued.FirstComment,
                Key = post.Key,
            };
        }

        /// <summary>
        /// The post's picture with the changes made, built by <see cref="PostDraftBuilder"/> as New-LinkedInPost and
        /// Register-LinkedInScheduledPost build theirs: new media with the alt text and title given (or the uploaded
        /// objects' own), not the old media's, which described other files; the same media with a new alt text or title.
        /// </summary>
        private static PostContent? WithMediaChanges(ScheduledPost post, LinkedInUrn author, PostContent? content, ScheduledPostChanges changes)
        {
            var single = content as MediaContent;
            var images = content as MultiImageContent;
            if (content != null && single == null && images == null)
            {
                throw new LinkedInValidationException(MediaFile.Field,
                    $"Scheduled post {post.Id} is {KindName(content)} post; -Media, -AltText and -Title change the picture of a text, media or image post. " +
                    "To make it another kind of post, remove it (Unregister-LinkedInScheduledPost) and register the new one.");
            }
            var keep = changes.Media == null;
            var fields = new PostFields
            {
                Media = changes.Media ?? FilesOf(single, images),
                Uploaded = changes.Uploaded,
                AltText = changes.AltText ?? (keep ? AltTextsOf(single, images) : Array.Empty<string>()),
                Title = changes.Title ?? (keep ? single?.Title : null),
            };
            if (changes.Title != null && fields.Media.Count != 1)
            {
                throw new LinkedInValidationException("Title",
                    $"-Title names the file of a media post (the title a document shows), but scheduled post {post.Id} would have " +
                    (fields.Media.Count == 0 ? "no media" : fields.Media.Count + " images") + ". Leave -Title out, or give one file with -Media.");
            }
            return PostDraftBuilder.Build(fields, author).Content;
        }

        private static IReadOnlyList<MediaReference> FilesOf(MediaContent? single, MultiImageContent? images)
        {
            if (single != null)
            {
                return new[] { single.Media };
            }
            return images == null ? Array.Empty<MediaReference>() : images.Images.Select(i => i.Image).ToArray();
        }

        private static IReadOnlyList<string> AltTextsOf(MediaContent? single, MultiImageContent? images)
        {
            if (single != null)
            {
                return single.AltText == null ? Array.Empty<string>() : new[] { single.AltText };
            }
            // Blank for an image without one: the builder leaves it without, and the count still matches the images.
            return images == null ? Array.Empty<string>() : images.Images.Select(i => i.AltText ?? string.Empty).ToArray();
        }

        private static string KindName(PostContent content) => content switch
        {
            PollContent _ => "a poll",
            ArticleContent _ => "an article",
            ReshareContent _ => "a reshare",
            _ => "another kind of",
        };

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
