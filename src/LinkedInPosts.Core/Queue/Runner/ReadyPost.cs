using System.Collections.Generic;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>A claimed post ready for its create call: its connection, content and the draft with media resolved.</summary>
    internal sealed class ReadyPost
    {
        public ReadyPost(ScheduledPost post, QueueConnection connection, QueuedContent content, Content.PostDraft draft, IReadOnlyList<MediaUploadRecord> reusedUploads)
        {
            Post = post;
            Connection = connection;
            Content = content;
            Draft = draft;
            ReusedUploads = reusedUploads;
        }

        public ScheduledPost Post { get; }

        public QueueConnection Connection { get; }

        public QueuedContent Content { get; }

        public Content.PostDraft Draft { get; }

        /// <summary>The earlier uploads its draft shows (reused, not uploaded in this try).</summary>
        public IReadOnlyList<MediaUploadRecord> ReusedUploads { get; }

        /// <summary>The number of the attempt its Sending mark began (set when the window is marked).</summary>
        public int Attempt { get; set; }
    }
}
