using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>A window of prepared posts whose Sending commit has been started on the store lane, and when.</summary>
    internal sealed class MarkedWindow
    {
        public MarkedWindow(IReadOnlyList<ReadyPost> posts, Task<IReadOnlyList<TransitionResult>> marks, DateTimeOffset markedAt)
        {
            Posts = posts;
            Marks = marks;
            MarkedAt = markedAt;
        }

        public IReadOnlyList<ReadyPost> Posts { get; }

        /// <summary>The commit, one result per post (applied: it is Sending under this run's claim).</summary>
        public Task<IReadOnlyList<TransitionResult>> Marks { get; }

        /// <summary>The time the leases of the marked posts were set from.</summary>
        public DateTimeOffset MarkedAt { get; }
    }
}
