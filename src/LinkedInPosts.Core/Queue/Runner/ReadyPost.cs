namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>A claimed post ready for its create call: its connection, content and the draft with media resolved.</summary>
    internal sealed class ReadyPost
    {
        public ReadyPost(ScheduledPost post, QueueConnection connection, QueuedContent content, Content.PostDraft draft)
        {
            Post = post;
            Connection = connection;
            Content = content;
            Draft = draft;
        }

        public ScheduledPost Post { get; }

        public QueueConnection Connection { get; }

        public QueuedContent Content { get; }

        public Content.PostDraft Draft { get; }

        /// <summary>The number of the attempt its Sending mark began (set when the window is marked).</summary>
        public int Attempt { get; set; }
    }
}
