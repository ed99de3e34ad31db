using System;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>What happened to one post in a run (or would happen, in a preview). Messages never hold a secret.</summary>
    public sealed class QueuePostResult
    {
        /// <summary>The post's id in the queue.</summary>
        public long Id { get; set; }

        /// <summary>The post's key.</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>The connection that publishes it.</summary>
        public string Connection { get; set; } = string.Empty;

        /// <summary>The author's URN.</summary>
        public string Author { get; set; } = string.Empty;

        /// <summary>When the user wanted it out (UTC).</summary>
        public DateTimeOffset ScheduledAtUtc { get; set; }

        /// <summary>What the run did.</summary>
        public QueuePostOutcome Outcome { get; set; }

        /// <summary>The post's state in the queue after the run touched it.</summary>
        public QueueState State { get; set; }

        /// <summary>LinkedIn's URN for the post, once published.</summary>
        public string? PostUrn { get; set; }

        /// <summary>The post's address on LinkedIn, once published.</summary>
        public string? Url { get; set; }

        /// <summary>Attempts recorded for the post so far.</summary>
        public int Attempts { get; set; }

        /// <summary>When a runner may take it next (Retrying, Deferred); for a post awaiting evidence, when its lease ends.</summary>
        public DateTimeOffset? NextAttemptAt { get; set; }

        /// <summary>The error's stable id (e.g. <c>LinkedInThrottled</c>), when one stopped it.</summary>
        public string? ErrorId { get; set; }

        /// <summary>What went wrong, or a note on how it was settled.</summary>
        public string? Message { get; set; }

        /// <summary>LinkedIn's HTTP status, when it answered with an error.</summary>
        public int? HttpStatus { get; set; }

        /// <summary>The first comment's URN, when it was added.</summary>
        public string? FirstCommentUrn { get; set; }

        /// <summary>Why the first comment was not added (or may not have been); the post itself stays Published.</summary>
        public string? FirstCommentErrorId { get; set; }

        /// <summary>The first comment's error message.</summary>
        public string? FirstCommentError { get; set; }

        /// <summary>True when a Sending post whose outcome was unknown was settled by a read-back or LinkedIn's 422 DUPLICATE_POST.</summary>
        public bool ResolvedByEvidence { get; set; }

        /// <summary>True when a person should look: Failed, Missed, Unconfirmed, or a first comment that failed.</summary>
        public bool NeedsAttention =>
            Outcome == QueuePostOutcome.Failed || Outcome == QueuePostOutcome.Missed || Outcome == QueuePostOutcome.Unconfirmed || FirstCommentErrorId != null;

        /// <inheritdoc />
        public override string ToString() => Key + ": " + Outcome + (PostUrn != null ? " " + PostUrn : string.Empty) + (ErrorId != null ? " (" + ErrorId + ")" : string.Empty);
    }
}
