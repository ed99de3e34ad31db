namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// ErrorIds the runner gives results that no exception carries. Errors LinkedIn or the queue raised keep
    /// their own exception's ErrorId (LinkedInThrottled, LinkedInQueueMediaCorrupted, ...).
    /// </summary>
    public static class QueueRunErrorIds
    {
        /// <summary>The post was due more than <see cref="QueueRunOptions.MaxLateness"/> ago and was not sent.</summary>
        public const string Missed = "LinkedInQueuePostMissed";

        /// <summary>The connection says it cannot post as the post's author (no page role, say).</summary>
        public const string CannotPostAs = "LinkedInPermissionDenied";

        /// <summary>Another runner took the post over while this run prepared it.</summary>
        public const string ClaimLost = "LinkedInQueueClaimLost";
    }
}
