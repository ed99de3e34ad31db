using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>Why a media upload did not end with the media AVAILABLE on LinkedIn.</summary>
    public enum MediaFailureReason
    {
        /// <summary>LinkedIn refused the bytes sent to an upload URL (a 4xx other than an expiry).</summary>
        UploadRejected,
        /// <summary>The upload URL expired before the bytes arrived; a new upload gets new URLs.</summary>
        UploadUrlExpired,
        /// <summary>LinkedIn's upload instructions or answers cannot be followed (ranges that do not cover the file, no ETag).</summary>
        UploadInstructionsInvalid,
        /// <summary>LinkedIn refused to assemble the video from its parts (finalizeUpload).</summary>
        FinalizeRejected,
        /// <summary>LinkedIn received the file but could not process it (status PROCESSING_FAILED).</summary>
        ProcessingFailed,
        /// <summary>The media was not AVAILABLE within the processing timeout; LinkedIn may still finish it.</summary>
        ProcessingTimeout,
    }

    /// <summary>
    /// A media upload that failed after validation: the message says what LinkedIn did and what to do.
    /// <see cref="MediaUrn"/> names the media LinkedIn created, when it got that far.
    /// </summary>
    public sealed class LinkedInMediaException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInMediaException(MediaFailureReason reason, string message, string? mediaUrn, Exception? inner = null)
            : base(message, inner)
        {
            Reason = reason;
            MediaUrn = mediaUrn;
        }

        /// <summary>What went wrong.</summary>
        public MediaFailureReason Reason { get; }

        /// <summary>The image, document or video URN, when LinkedIn had created one.</summary>
        public string? MediaUrn { get; }

        /// <summary>The file that was being uploaded.</summary>
        public string? FilePath { get; set; }

        /// <inheritdoc />
        public override string ErrorId => "LinkedInMedia" + Reason;
    }
}
