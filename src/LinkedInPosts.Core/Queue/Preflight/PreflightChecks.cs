namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>
    /// The names of the pre-flight checks, as <see cref="PreflightFinding.Check"/> carries them. Scripts
    /// filter on them (<c>Where-Object Check -eq 'Token'</c>), so they never change.
    /// </summary>
    public static class PreflightChecks
    {
        /// <summary>The post's connection exists in the OS account's token store.</summary>
        public const string Connection = "Connection";

        /// <summary>The connection's token is still valid at the post's time, or can be refreshed by then.</summary>
        public const string Token = "Token";

        /// <summary>The granted scopes let the connection post as the post's author.</summary>
        public const string Scope = "Scope";

        /// <summary>The author is the connection's member or a page it has a posting role on.</summary>
        public const string Author = "Author";

        /// <summary>LinkedIn still serves the connection's API version at the post's time.</summary>
        public const string ApiVersion = "ApiVersion";

        /// <summary>The queue's copies of the post's media files are there and unchanged.</summary>
        public const string Media = "Media";

        /// <summary>The post's stored content can be read by this module.</summary>
        public const string Content = "Content";

        /// <summary>The posts of one member on one UTC day fit LinkedIn's daily member limit.</summary>
        public const string DailyBudget = "DailyBudget";

        /// <summary>A post overdue by more than the runner's MaxLateness, which a run marks Missed.</summary>
        public const string Lateness = "Lateness";

        /// <summary>A post the runner will not settle by itself (Unconfirmed, Failed, Sending with its lease run out).</summary>
        public const string Stuck = "Stuck";

        /// <summary>
        /// A recently published post whose first comment failed, or whose outcome is unknown (Adding, and no run is
        /// making the call any more): a person adds it by hand, or looks first.
        /// </summary>
        public const string FirstComment = "FirstComment";
    }
}
