using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>Which posts <see cref="IQueueStore.Query"/> returns: every given condition must hold. Ordered by scheduled time, then id.</summary>
    public sealed class QueueQuery
    {
        /// <summary>Only posts in one of these states (null or empty: any state).</summary>
        public IReadOnlyCollection<QueueState>? States { get; set; }

        /// <summary>
        /// Only posts whose first comment is in one of these states (null or empty: any, or none). Not served by an
        /// index of its own: with <see cref="States"/> Published and <see cref="ScheduledFrom"/> it reads the
        /// published posts of that period only (the pre-flight's first comment check does so).
        /// </summary>
        public IReadOnlyCollection<FirstCommentState>? FirstCommentStates { get; set; }

        /// <summary>Only posts of this connection.</summary>
        public string? Connection { get; set; }

        /// <summary>Only the post with this key.</summary>
        public string? Key { get; set; }

        /// <summary>Only posts scheduled at or after this time.</summary>
        public DateTimeOffset? ScheduledFrom { get; set; }

        /// <summary>Only posts scheduled before this time.</summary>
        public DateTimeOffset? ScheduledBefore { get; set; }

        /// <summary>Continue after this position (scheduled time and id of the last post of the previous page).</summary>
        public ScheduledPost? After { get; set; }

        /// <summary>At most this many posts (default 1000).</summary>
        public int Limit { get; set; } = 1000;
    }

    /// <summary>The result of a state change.</summary>
    public sealed class TransitionResult
    {
        /// <summary>Creates a result.</summary>
        public TransitionResult(bool applied, QueueState? state, int attempts = 0)
        {
            Applied = applied;
            State = state;
            Attempts = attempts;
        }

        /// <summary>True when the change was made.</summary>
        public bool Applied { get; }

        /// <summary>The post's state now (after the change, or the one that refused it); null when there is no such post.</summary>
        public QueueState? State { get; }

        /// <summary>True when the post exists.</summary>
        public bool Found => State != null;

        /// <summary>The post's attempt count now (for <see cref="IQueueStore.MarkSending"/>: the number of the attempt just begun).</summary>
        public int Attempts { get; }

        /// <inheritdoc />
        public override string ToString() => (Applied ? "applied" : "refused") + " (" + (State?.ToString() ?? "no such post") + ")";
    }
}
