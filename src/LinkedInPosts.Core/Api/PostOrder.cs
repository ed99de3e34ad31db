namespace LinkedInPosts.Core.Api
{
    /// <summary>The order in which LinkedIn lists an author's posts (the finder's sortBy), newest first either way.</summary>
    public enum PostOrder
    {
        /// <summary>By the last change: an old post edited today comes first (what a read-back of recent calls needs).</summary>
        LastModified,

        /// <summary>By creation: the newest post first, whatever was edited since.</summary>
        Created,
    }
}
