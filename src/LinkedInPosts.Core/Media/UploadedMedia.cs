using System;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Media
{
    /// <summary>A file LinkedIn has received and processed: its URN can be used in a post by <see cref="Owner"/>.</summary>
    public sealed class UploadedMedia
    {
        /// <summary>Creates the record (the uploader does; a queue may rebuild one from what it stored).</summary>
        public UploadedMedia(LinkedInUrn urn, MediaKind kind, LinkedInUrn owner, string status, string fileName, long sizeBytes, string sha256, string? altText = null, string? title = null)
        {
            Urn = urn ?? throw new ArgumentNullException(nameof(urn));
            Kind = kind;
            Owner = owner ?? throw new ArgumentNullException(nameof(owner));
            Status = status ?? throw new ArgumentNullException(nameof(status));
            FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
            SizeBytes = sizeBytes;
            Sha256 = sha256 ?? throw new ArgumentNullException(nameof(sha256));
            AltText = altText;
            Title = title;
        }

        /// <summary>The media's URN: <c>urn:li:image:…</c>, <c>urn:li:document:…</c> or <c>urn:li:video:…</c>.</summary>
        public LinkedInUrn Urn { get; }

        /// <summary>Image, document or video.</summary>
        public MediaKind Kind { get; }

        /// <summary>The person or organization it was uploaded for; only that author may post it.</summary>
        public LinkedInUrn Owner { get; }

        /// <summary>LinkedIn's status when the upload finished (<c>AVAILABLE</c>).</summary>
        public string Status { get; }

        /// <summary>The name of the file it came from.</summary>
        public string FileName { get; }

        /// <summary>How many bytes were uploaded.</summary>
        public long SizeBytes { get; }

        /// <summary>SHA-256 of the uploaded bytes, lowercase hex.</summary>
        public string Sha256 { get; }

        /// <summary>Alternative text for readers who cannot see it, when given.</summary>
        public string? AltText { get; }

        /// <summary>The title shown with it (for documents, the file name unless another was given).</summary>
        public string? Title { get; }

        /// <inheritdoc />
        public override string ToString() => Urn.ToString();
    }
}
