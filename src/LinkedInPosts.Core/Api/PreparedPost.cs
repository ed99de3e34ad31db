using System;
using System.Collections.Generic;
using System.Linq;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Api
{
    /// <summary>
    /// A draft checked as a whole before anything is uploaded or sent: its commentary (which a reshare
    /// may leave empty), the owner of every media it names where that is known, and every local file it
    /// names (inspected once, however often it is named).
    /// </summary>
    internal sealed class PreparedPost
    {
        private readonly Dictionary<string, MediaFile> _files;

        private PreparedPost(string littleText, Dictionary<string, MediaFile> files, List<MediaFile> order)
        {
            LittleText = littleText;
            _files = files;
            Files = order;
        }

        /// <summary>The commentary to send, as little text.</summary>
        public string LittleText { get; }

        /// <summary>The files to upload, each once, in the order the content names them.</summary>
        public IReadOnlyList<MediaFile> Files { get; }

        /// <summary>
        /// The commentary a create sends for <paramref name="draft"/>: its little text, or none for a reshare without text.
        /// Empty means LinkedIn's duplicate check cannot recognise the post, so a create is never sent twice to settle it.
        /// </summary>
        internal static string LittleTextOf(PostDraft draft) =>
            draft.Content is ReshareContent && string.IsNullOrWhiteSpace(draft.Commentary)
                ? string.Empty
                : CommentaryRules.ToLittleText(draft.Commentary, draft.Format);

        public static PreparedPost Prepare(PostDraft draft, long maxVideoBytes)
        {
            if (draft == null)
            {
                throw new ArgumentNullException(nameof(draft));
            }
            var littleText = LittleTextOf(draft);
            var files = new Dictionary<string, MediaFile>(PathComparer);
            var order = new List<MediaFile>();
            foreach (var slot in draft.Content?.MediaSlots ?? Enumerable.Empty<MediaSlot>())
            {
                var media = slot.Reference;
                if (media.Owner != null && !media.Owner.Equals(draft.Author))
                {
                    throw new LinkedInValidationException(slot.Field,
                        $"{char.ToUpperInvariant(slot.Label[0])}{slot.Label.Substring(1)} ({media.Display}) was uploaded for {media.Owner}, but the post's author is {draft.Author}. " +
                        $"LinkedIn lets a post show only media its author owns: upload the file again for {draft.Author}.");
                }
                if (media.NeedsUpload && media.FilePath == null)
                {
                    // Only the queue runner hands over drafts from the queue, and it resolves stored media first.
                    throw new InvalidOperationException($"{media.Display} is a queue's stored copy; resolve it to its file or URN before preparing the post.");
                }
                if (media.NeedsUpload)
                {
                    if (!files.TryGetValue(media.FilePath!, out var file))
                    {
                        file = Inspect(media.FilePath!, maxVideoBytes, slot);
                        files.Add(media.FilePath!, file);
                        order.Add(file);
                    }
                    slot.CheckKind(file.Kind, "'" + file.Path + "'");
                }
            }
            return new PreparedPost(littleText, files, order);
        }

        // A file's own problem (its type, its size, unreadable) is field Media wherever the file goes; the slot's
        // input says which parameter gave it, so a CSV import names the ArticleThumbnail column, not Media.
        private static MediaFile Inspect(string path, long maxVideoBytes, MediaSlot slot)
        {
            try
            {
                return MediaFile.Inspect(path, maxVideoBytes);
            }
            catch (LinkedInValidationException e) when (slot.Input != null && e.Input == null)
            {
                throw new LinkedInValidationException(e.Field, e.Message, slot.Input, e.InnerException);
            }
        }

        /// <summary>The kind of a reference: from its URN, or from the inspected file.</summary>
        public MediaKind? KindOf(MediaReference media) =>
            media.Kind ?? (media.FilePath != null && _files.TryGetValue(media.FilePath, out var file) ? file.Kind : (MediaKind?)null);

        /// <summary>File names compare as the file system does: case-insensitively on Windows and macOS' default volumes.</summary>
        internal static StringComparer PathComparer =>
            System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux) ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
    }
}
