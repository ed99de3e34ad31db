namespace LinkedInPosts.Core.Queue
{
    /// <summary>Sizes the store checks before writing, so a bad row fails with a message rather than in SQLite.</summary>
    public static class QueueLimits
    {
        /// <summary>The longest key.</summary>
        public const int MaxKeyLength = 200;

        /// <summary>The longest connection name or time zone id.</summary>
        public const int MaxNameLength = 200;

        /// <summary>The largest content document (LinkedIn's texts are small; this leaves room for rich content).</summary>
        public const int MaxPayloadLength = 256 * 1024;

        /// <summary>The most media files one post can carry (LinkedIn's multi-image posts allow 20).</summary>
        public const int MaxMediaPerPost = 20;

        /// <summary>The longest error message kept per attempt.</summary>
        public const int MaxMessageLength = 2000;
    }
}
