namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>How bad a pre-flight finding is.</summary>
    public enum PreflightSeverity
    {
        /// <summary>Worth knowing; nothing will fail because of it (an unknown token expiry, say).</summary>
        Info,

        /// <summary>Nothing fails yet, but soon will, or a person should look (a token ending this week).</summary>
        Warning,

        /// <summary>A post will not go out as scheduled unless someone acts, or one needs a person now.</summary>
        Error,
    }
}
