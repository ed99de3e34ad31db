using System;
using System.IO;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Content
{
    /// <summary>
    /// Media a post shows: a LinkedIn media URN (uploaded before, or by <see cref="MediaUploader"/>), or
    /// a local file that <see cref="Api.LinkedInClient.CreatePostAsync(PostDraft, MediaUploadOptions, IProgress{UploadProgress}, System.Threading.CancellationToken)"/>
    /// uploads for the post's author, after checking the whole post and every file, before sending anything.
    /// </summary>
    public sealed class MediaReference
    {
        private MediaReference(LinkedInUrn? urn, string? filePath, LinkedInUrn? owner, string? fileName, MediaKind? kind, string? storedSha256 = null)
        {
            Urn = urn;
            FilePath = filePath;
            Owner = owner;
            FileName = fileName;
            Kind = kind;
            StoredSha256 = storedSha256;
        }

        /// <summary>The media URN, or null for a file still to upload.</summary>
        public LinkedInUrn? Urn { get; }

        /// <summary>The full path of a file still to upload, or null.</summary>
        public string? FilePath { get; }

        /// <summary>Who owns the media, when known (only for media this module uploaded).</summary>
        public LinkedInUrn? Owner { get; }

        /// <summary>The name of the file the media comes from, when known (a document's default title).</summary>
        public string? FileName { get; }

        /// <summary>Image, document or video; for a file, null until the file is inspected.</summary>
        public MediaKind? Kind { get; }

        /// <summary>
        /// For media kept in a queue's media folder (a scheduled post): the SHA-256 of the stored copy. The
        /// queue runner turns it into a file or an earlier upload's URN before the post is sent.
        /// </summary>
        public string? StoredSha256 { get; }

        /// <summary>True for a local file (or a queue's stored copy) that must be uploaded before the post can be sent.</summary>
        public bool NeedsUpload => Urn == null;

        /// <summary>Media already on LinkedIn: <c>urn:li:image:…</c>, <c>urn:li:video:…</c> or <c>urn:li:document:…</c>.</summary>
        /// <exception cref="LinkedInValidationException">The URN is not one of those (field <c>Media</c>).</exception>
        public static MediaReference FromUrn(LinkedInUrn urn)
        {
            if (urn == null)
            {
                throw new ArgumentNullException(nameof(urn));
            }
            return new MediaReference(urn, null, null, null, KindOf(urn));
        }

        /// <summary>Parses a media URN (plain or percent-encoded).</summary>
        /// <exception cref="LinkedInValidationException">It is not a URN, or not a media URN (field <c>Media</c>).</exception>
        public static MediaReference FromUrn(string urn)
        {
            if (!LinkedInUrn.TryParse(urn, out var parsed))
            {
                throw new LinkedInValidationException(MediaFile.Field, $"'{urn}' is not a LinkedIn media URN. Media URNs look like urn:li:image:…, urn:li:video:… or urn:li:document:….");
            }
            return FromUrn(parsed!);
        }

        /// <summary>A local file to upload with the post; it is checked with <see cref="MediaFile.Inspect(string)"/> before anything is sent.</summary>
        public static MediaReference FromFile(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new LinkedInValidationException(MediaFile.Field, "No media file was given. Name a JPEG, PNG, GIF, PDF, PPT, PPTX, DOC, DOCX or MP4 file.");
            }
            string full;
            try
            {
                full = System.IO.Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                throw new LinkedInValidationException(MediaFile.Field, $"'{path}' is not a valid file path ({ex.Message}).", ex);
            }
            return new MediaReference(null, full, null, System.IO.Path.GetFileName(full), null);
        }

        /// <summary>
        /// A file a scheduled post keeps in its queue's media folder, by content hash. Its kind and name were
        /// read from the original at registration, so the post's rules were checked then.
        /// </summary>
        public static MediaReference FromStore(string sha256, string fileName, MediaKind kind)
        {
            if (!Queue.Hex.IsSha256(sha256))
            {
                throw new ArgumentException($"'{sha256}' is not a SHA-256 in lower-case hex.", nameof(sha256));
            }
            return new MediaReference(null, null, null, string.IsNullOrEmpty(fileName) ? sha256 : fileName, kind, sha256);
        }

        /// <summary>A file to upload that is shown under another name (a queue's stored copy, named after its original).</summary>
        internal static MediaReference FromFile(string path, string fileName, MediaKind kind) =>
            new MediaReference(null, System.IO.Path.GetFullPath(path), null, fileName, kind);

        /// <summary>Media this module uploaded; its owner is known, so a post by anyone else is refused before sending.</summary>
        public static MediaReference FromUpload(UploadedMedia media)
        {
            if (media == null)
            {
                throw new ArgumentNullException(nameof(media));
            }
            return new MediaReference(media.Urn, null, media.Owner, media.FileName, media.Kind);
        }

        /// <summary>A media URN as LinkedIn returned it, or null when it names no image, video or document.</summary>
        internal static MediaReference? FromLinkedIn(string? urn)
        {
            if (!LinkedInUrn.TryParse(urn, out var parsed) || !parsed!.IsMedia)
            {
                return null;
            }
            return new MediaReference(parsed, null, null, null, KindOf(parsed));
        }

        /// <summary>The kind a media URN stands for.</summary>
        internal static MediaKind KindOf(LinkedInUrn urn) => urn.EntityType switch
        {
            LinkedInUrn.Image => MediaKind.Image,
            LinkedInUrn.Video => MediaKind.Video,
            LinkedInUrn.Document => MediaKind.Document,
            _ => throw new LinkedInValidationException(MediaFile.Field, $"'{urn}' is not media. A post's media must be an image (urn:li:image:…), a video (urn:li:video:…) or a document (urn:li:document:…)."),
        };

        /// <summary>How the reference is named in messages: the URN, or the file.</summary>
        internal string Display => Urn?.ToString() ?? (FilePath != null ? "'" + FilePath + "'" : "'" + FileName + "' (stored " + StoredSha256 + ")");

        /// <inheritdoc />
        public override string ToString() => Urn?.ToString() ?? FilePath ?? FileName ?? string.Empty;
    }
}
