namespace LinkedInPosts.Core.Content
{
    /// <summary>
    /// Every limit LinkedIn puts on post content that Core checks before anything is uploaded or sent,
    /// in one place, each with how sure we are of it (see linkedin-api.md sections 1.2 and 3). Where
    /// LinkedIn's wording allows two readings (MB or MiB, "under" or "up to"), the stricter one is used,
    /// so that what passes here is not refused by LinkedIn after a long upload; the cost is that a file
    /// right at a limit may be refused here although LinkedIn would have taken it.
    /// </summary>
    public static class ContentLimits
    {
        /// <summary>
        /// An image's pixel count (width × height) must be under this. LinkedIn's text says "under
        /// 36,152,320"; mirrored by a third party (CData), not read on LinkedIn's own page.
        /// </summary>
        public const long ImagePixelLimit = 36_152_320;

        /// <summary>The most frames an animated GIF may have. Third-party mirror of LinkedIn's text.</summary>
        public const int MaxGifFrames = 250;

        /// <summary>The largest document: LinkedIn documents "100MB" (read as 100,000,000 bytes).</summary>
        public const long MaxDocumentBytes = 100_000_000;

        /// <summary>The most pages a document may have: LinkedIn documents "300 pages" (linkedin-api.md 3.2). Counted for PPTX only, whose slides are listed in its zip directory.</summary>
        public const int MaxDocumentPages = 300;

        /// <summary>The smallest video: "75 KB" (read as 75 KiB). UNCONFIRMED: third-party guides only.</summary>
        public const long MinVideoBytes = 75 * 1024;

        /// <summary>
        /// The largest video for an organic post: "500 MB" (read as 500,000,000 bytes). UNCONFIRMED:
        /// guides disagree (200 MB, 500 MB), and one says the API itself takes up to 5 GiB.
        /// </summary>
        public const long MaxVideoBytes = 500_000_000;

        /// <summary>The fewest images in a multi-image post (LinkedIn's multiImage API).</summary>
        public const int MinMultiImages = 2;

        /// <summary>The most images in a multi-image post (LinkedIn's multiImage API).</summary>
        public const int MaxMultiImages = 20;

        /// <summary>The fewest options in a poll (LinkedIn's poll API).</summary>
        public const int MinPollOptions = 2;

        /// <summary>The most options in a poll (LinkedIn's poll API).</summary>
        public const int MaxPollOptions = 4;

        /// <summary>
        /// The longest poll question, in UTF-16 code units (never fewer than the characters a person
        /// counts). UNCONFIRMED: from a third party's API documentation, not from LinkedIn.
        /// </summary>
        public const int MaxPollQuestionLength = 140;

        /// <summary>The longest poll option, counted like <see cref="MaxPollQuestionLength"/>. UNCONFIRMED, same source.</summary>
        public const int MaxPollOptionLength = 30;

        /// <summary>
        /// The longest comment, in UTF-16 code units. UNCONFIRMED: LinkedIn's web page caps comments at
        /// 1250 characters; the Comments API's own limit is not documented.
        /// </summary>
        public const int MaxCommentLength = 1250;
    }
}
