using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>What one run did.</summary>
    public sealed class QueueRunReport
    {
        /// <summary>When the run started (queue clock).</summary>
        public DateTimeOffset StartedAt { get; set; }

        /// <summary>How long it took.</summary>
        public TimeSpan Duration { get; set; }

        /// <summary>The runner id in the queue's claims and attempts.</summary>
        public string RunnerId { get; set; } = string.Empty;

        /// <summary>Every post the run touched, in the order they finished.</summary>
        public IReadOnlyList<QueuePostResult> Posts { get; set; } = Array.Empty<QueuePostResult>();

        /// <summary>One entry per connection that could not be used.</summary>
        public IReadOnlyList<QueueConnectionProblem> ConnectionProblems { get; set; } = Array.Empty<QueueConnectionProblem>();

        /// <summary>Posts published (by this run's create or settled by evidence).</summary>
        public int Published { get; set; }

        /// <summary>Posts that will be tried again.</summary>
        public int Retrying { get; set; }

        /// <summary>Posts that failed for good.</summary>
        public int Failed { get; set; }

        /// <summary>Posts that were due too long ago.</summary>
        public int Missed { get; set; }

        /// <summary>Posts held back by a connection problem.</summary>
        public int Held { get; set; }

        /// <summary>Posts deferred because LinkedIn throttles their author.</summary>
        public int Deferred { get; set; }

        /// <summary>Posts this run left Unconfirmed: their outcome is unknown and they need a person.</summary>
        public int Unconfirmed { get; set; }

        /// <summary>
        /// Every post in the queue that is Unconfirmed when the run ends, this run's and earlier runs': no run settles
        /// them, so every run reports them until a person does (Failed and Missed posts are final and reported once).
        /// </summary>
        public int UnconfirmedInQueue { get; set; }

        /// <summary>The ids of the first of them by scheduled time (at most <see cref="QueueRunner.UnconfirmedIdsListed"/>).</summary>
        public IReadOnlyList<long> UnconfirmedIds { get; set; } = Array.Empty<long>();

        /// <summary>
        /// True when a person should look: a post this run Failed, Missed or left Unconfirmed, any Unconfirmed post in
        /// the queue, a failed first comment, or a connection problem.
        /// </summary>
        public bool NeedsAttention { get; set; }
    }
}
