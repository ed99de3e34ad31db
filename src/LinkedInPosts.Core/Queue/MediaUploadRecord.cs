using System;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// One earlier upload of a stored media file: LinkedIn's URN for those bytes, uploaded for one author
    /// on one API host. A media URN can be shown only in its owner's posts, and only on the host that
    /// issued it, so the three together are the key; the runner reuses the URN instead of uploading again.
    /// The same record describes a finished upload (<see cref="IQueueStore.FindUpload"/>) and one LinkedIn was
    /// still processing (<see cref="IQueueStore.FindProcessingUpload"/>); the store keeps them apart.
    /// </summary>
    public sealed class MediaUploadRecord
    {
        /// <summary>Creates the record.</summary>
        public MediaUploadRecord(string sha256, string author, string apiBase, string mediaUrn, DateTimeOffset uploadedAt)
        {
            if (!Hex.IsSha256(sha256))
            {
                throw new ArgumentException("'" + sha256 + "' is not a SHA-256 in lower-case hex.", nameof(sha256));
            }
            Sha256 = sha256;
            Author = string.IsNullOrWhiteSpace(author) ? throw new ArgumentException("The author is needed.", nameof(author)) : author;
            ApiBase = string.IsNullOrWhiteSpace(apiBase) ? throw new ArgumentException("The API host is needed.", nameof(apiBase)) : apiBase;
            MediaUrn = string.IsNullOrWhiteSpace(mediaUrn) ? throw new ArgumentException("The media URN is needed.", nameof(mediaUrn)) : mediaUrn;
            UploadedAt = uploadedAt;
        }

        /// <summary>The stored file's SHA-256 (lower-case hex).</summary>
        public string Sha256 { get; }

        /// <summary>The author the media was uploaded for (its owner on LinkedIn).</summary>
        public string Author { get; }

        /// <summary>The API host, as <c>scheme://host[:port]</c> in lower case (a sandbox's URNs mean nothing to LinkedIn).</summary>
        public string ApiBase { get; }

        /// <summary>LinkedIn's URN for the upload (urn:li:image:…, urn:li:document:…, urn:li:video:…).</summary>
        public string MediaUrn { get; }

        /// <summary>When the upload finished (queue clock); for one still processing, when LinkedIn accepted its bytes.</summary>
        public DateTimeOffset UploadedAt { get; }

        /// <summary>The key an API base is stored under: scheme, host and port, lower case, no path.</summary>
        public static string ApiBaseKey(Uri apiBase)
        {
            if (apiBase == null)
            {
                throw new ArgumentNullException(nameof(apiBase));
            }
            return apiBase.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        }

        /// <inheritdoc />
        public override string ToString() => Sha256 + " for " + Author + " on " + ApiBase + " = " + MediaUrn;
    }
}
