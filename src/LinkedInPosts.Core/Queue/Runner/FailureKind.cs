using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>What a failure means for a post, which decides its next state.</summary>
    internal enum FailureKind
    {
        /// <summary>
        /// Not created, and a later try may work (5xx, timeouts, media processing): back off (no sooner than a 5xx's
        /// Retry-After), up to MaxAttempts.
        /// </summary>
        Retryable,

        /// <summary>LinkedIn throttles the author (429, daily limit): retry at its time, defer the author's other posts.</summary>
        Throttled,

        /// <summary>Not created, and trying again will not help (validation, permission, duplicate, damaged media).</summary>
        Final,

        /// <summary>The connection cannot be used (token expired or revoked, API version sunset): hold its posts, report once.</summary>
        ConnectionUnusable,

        /// <summary>The create may or may not have happened: settle by evidence, never by a blind retry.</summary>
        OutcomeUnknown,
    }

    /// <summary>Sorts Core's typed exceptions into <see cref="FailureKind"/>s, and names their kind for the attempt row.</summary>
    internal static class FailureClassifier
    {
        public static FailureKind Classify(LinkedInException error)
        {
            switch (error)
            {
                case LinkedInThrottledException _:
                    return FailureKind.Throttled;
                case LinkedInUnknownOutcomeException _:
                    return FailureKind.OutcomeUnknown;
                case LinkedInAuthException _:
                case LinkedInVersionSunsetException _:
                case LinkedInTokenStoreException _:
                    return FailureKind.ConnectionUnusable;
                case LinkedInServerException _:
                    return FailureKind.Retryable;
                case LinkedInMediaException media:
                    // A new upload gets new URLs, and LinkedIn may just be slow today; bytes it refused or could
                    // not process would be refused again.
                    return media.Reason == MediaFailureReason.ProcessingTimeout || media.Reason == MediaFailureReason.UploadUrlExpired
                        ? FailureKind.Retryable
                        : FailureKind.Final;
                default:
                    return FailureKind.Final;
            }
        }

        /// <summary>
        /// False for a queue that cannot be written (locked, disk full, newer schema): that is no reason to fail
        /// a post, and recording anything would fail the same way, so it ends the run instead. A stored copy or
        /// a payload that cannot be read is the post's own problem.
        /// </summary>
        public static bool IsAboutThePost(LinkedInException error) =>
            !(error is LinkedInQueueException queue)
            || queue.Failure == QueueFailure.MediaMissing || queue.Failure == QueueFailure.MediaCorrupted || queue.Failure == QueueFailure.PayloadUnreadable;

        /// <summary>A short word for the attempt row's error_kind.</summary>
        public static string KindName(LinkedInException error) => error switch
        {
            LinkedInThrottledException _ => "Throttled",
            LinkedInUnknownOutcomeException _ => "Unknown",
            LinkedInAuthException _ => QueueAttempt.AuthKind,
            LinkedInVersionSunsetException _ => QueueAttempt.VersionKind,
            LinkedInTokenStoreException _ => "TokenStore",
            LinkedInServerException server => server.HttpStatus.HasValue ? "Server" : "Network",
            LinkedInMediaException _ => "Media",
            LinkedInQueueException _ => "Queue",
            LinkedInDuplicatePostException _ => "Duplicate",
            LinkedInPermissionException _ => "Permission",
            LinkedInNotFoundException _ => "NotFound",
            LinkedInValidationException _ => "Validation",
            _ => "LinkedIn",
        };
    }
}
