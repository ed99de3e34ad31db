using System;
using System.Collections.Generic;
using System.Linq;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Turns a <see cref="ScheduleRequest"/> into what the queue stores, after checking it with the same
    /// rules New-LinkedInPost uses (little text and its length, each content type's rules, every file's kind
    /// and LinkedIn's limits, the first comment), so a post that LinkedIn would refuse fails at registration,
    /// not at 3 a.m. Files are copied into the queue's media folder by content, so moving or editing an
    /// original later changes nothing.
    /// </summary>
    public static class ScheduledPostBuilder
    {
        /// <summary>The registration for <paramref name="request"/>, its files copied into <paramref name="media"/>.</summary>
        /// <exception cref="Errors.LinkedInValidationException">The post breaks a rule; the exception names the field.</exception>
        /// <exception cref="Errors.LinkedInMediaException">A file is missing, unreadable, of a kind LinkedIn does not take, or too large.</exception>
        public static NewScheduledPost Build(ScheduleRequest request, MediaStore media)
        {
            if (media == null)
            {
                throw new ArgumentNullException(nameof(media));
            }
            return BuildWith(request, path => media.Add(path).Sha256);
        }

        /// <summary>
        /// The registration for <paramref name="request"/>, each file named by <paramref name="store"/>, which returns
        /// the SHA-256 the file is (or would be) stored under: <see cref="MediaStore.Add(string)"/> to register,
        /// <see cref="MediaStore.HashOf"/> to only learn the key (<see cref="ScheduledPostKeyPreview"/>).
        /// </summary>
        internal static NewScheduledPost BuildWith(ScheduleRequest request, Func<string, string> store)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }
            var draft = request.Draft;
            var prepared = PreparedPost.Prepare(draft, ContentLimits.MaxVideoBytes);
            if (request.FirstComment != null)
            {
                LinkedInClient.ValidateComment(request.FirstComment);
            }

            var stored = new Dictionary<string, MediaReference>(PreparedPost.PathComparer);
            foreach (var file in prepared.Files)
            {
                stored[file.Path] = MediaReference.FromStore(store(file.Path), file.FileName, file.Kind);
            }
            var content = draft.Content == null ? null : KeepDocumentTitle(draft.Content.Resolve(reference =>
                reference.FilePath != null ? stored[reference.FilePath] : reference), prepared, draft.Content);
            var queued = new PostDraft(draft.Author, draft.Commentary)
            {
                Format = draft.Format,
                Visibility = draft.Visibility,
                FeedDistribution = draft.FeedDistribution,
                IsReshareDisabledByAuthor = draft.IsReshareDisabledByAuthor,
                Content = content,
            };
            var hashes = QueuePayloadContent.StoredHashes(content);
            var built = NewScheduledPost.FromDraft(queued, request.Connection, request.ScheduledAt, request.TimeZoneId, hashes, request.Key, request.FirstComment);
            built.Held = request.Held;
            return built;
        }

        // A document's title defaults to its file name. The name is fixed now, so a runner that reuses an
        // earlier upload of the same file (a URN without a name) still sends the same title.
        private static PostContent KeepDocumentTitle(PostContent resolved, PreparedPost prepared, PostContent original)
        {
            if (resolved is MediaContent media && media.Title == null && original is MediaContent before
                && prepared.KindOf(before.Media) == MediaKind.Document && media.Media.FileName != null)
            {
                return new MediaContent(media.Media, media.Media.FileName, media.AltText);
            }
            return resolved;
        }
    }
}
