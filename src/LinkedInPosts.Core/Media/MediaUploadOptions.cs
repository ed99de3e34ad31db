using System;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Media
{
    /// <summary>How <see cref="MediaUploader"/> uploads one file.</summary>
    public sealed class MediaUploadOptions
    {
        /// <summary>The most video parts sent at once.</summary>
        public const int MaxAllowedParallelParts = 16;

        /// <summary>Alternative text, kept with the result for the post that shows the media.</summary>
        public string? AltText { get; set; }

        /// <summary>A title, kept with the result; a document's title defaults to its file name.</summary>
        public string? Title { get; set; }

        /// <summary>
        /// How long to wait for LinkedIn to process the upload before giving up. The media may still become available
        /// later: the queue runner remembers it, and the post's next try waits for that same upload again.
        /// </summary>
        public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>
        /// The first wait between status checks while LinkedIn processes the file. Later waits grow by half
        /// each time up to a minute, because every status check counts against the member's daily calls.
        /// </summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

        /// <summary>How many 4 MiB video parts are sent at once (1 to <see cref="MaxAllowedParallelParts"/>).</summary>
        public int MaxParallelParts { get; set; } = 4;

        internal void Validate()
        {
            if (ProcessingTimeout <= TimeSpan.Zero)
            {
                throw new ArgumentException("ProcessingTimeout must be positive.", nameof(ProcessingTimeout));
            }
            if (PollInterval <= TimeSpan.Zero)
            {
                throw new ArgumentException("PollInterval must be positive.", nameof(PollInterval));
            }
            if (MaxParallelParts < 1 || MaxParallelParts > MaxAllowedParallelParts)
            {
                throw new ArgumentException($"MaxParallelParts must be 1 to {MaxAllowedParallelParts}.", nameof(MaxParallelParts));
            }
        }

        internal MediaUploadOptions Copy() => (MediaUploadOptions)MemberwiseClone();
    }

    /// <summary>Where an upload is.</summary>
    public enum UploadStage
    {
        /// <summary>Asking LinkedIn for upload URLs.</summary>
        Initializing,
        /// <summary>Sending the bytes.</summary>
        Uploading,
        /// <summary>Asking LinkedIn to assemble a video's parts.</summary>
        Finalizing,
        /// <summary>
        /// Waiting for LinkedIn to process the file: it has accepted the bytes. Reported again after every status
        /// check that finds it still processing.
        /// </summary>
        Processing,
        /// <summary>The media is AVAILABLE.</summary>
        Completed,
    }

    /// <summary>
    /// How far an upload is, reported as bytes go out. Reports may come from several threads; a part
    /// that fails and is sent again takes its bytes back, so <see cref="BytesSent"/> can go down.
    /// </summary>
    public sealed class UploadProgress
    {
        /// <summary>Creates a report.</summary>
        public UploadProgress(string fileName, UploadStage stage, long bytesSent, long totalBytes, int partsDone, int totalParts, LinkedInUrn? mediaUrn = null)
        {
            FileName = fileName;
            Stage = stage;
            BytesSent = bytesSent;
            TotalBytes = totalBytes;
            PartsDone = partsDone;
            TotalParts = totalParts;
            MediaUrn = mediaUrn;
        }

        /// <summary>The file being uploaded.</summary>
        public string FileName { get; }

        /// <summary>Where the upload is.</summary>
        public UploadStage Stage { get; }

        /// <summary>Bytes handed to the network so far.</summary>
        public long BytesSent { get; }

        /// <summary>The file's size.</summary>
        public long TotalBytes { get; }

        /// <summary>Parts LinkedIn has confirmed (one part for images and documents).</summary>
        public int PartsDone { get; }

        /// <summary>Parts in all.</summary>
        public int TotalParts { get; }

        /// <summary>
        /// LinkedIn's URN for the media, from the first report after initializeUpload on (null while
        /// <see cref="UploadStage.Initializing"/>). At <see cref="UploadStage.Processing"/> LinkedIn has accepted the
        /// bytes under it: the queue runner remembers it then, so a later run can wait for it instead of uploading again.
        /// </summary>
        public LinkedInUrn? MediaUrn { get; }

        /// <summary>Percent of bytes sent, 0 to 100.</summary>
        public int PercentComplete => TotalBytes <= 0 ? 100 : (int)Math.Max(0, Math.Min(100, BytesSent * 100 / TotalBytes));

        /// <inheritdoc />
        public override string ToString() => $"{FileName}: {Stage} {BytesSent}/{TotalBytes} bytes, part {PartsDone}/{TotalParts}";
    }
}
