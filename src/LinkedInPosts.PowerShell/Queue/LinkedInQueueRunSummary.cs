using System;
using System.Globalization;
using System.Linq;
using LinkedInPosts.Core.Queue.Runner;

namespace LinkedInPosts.PowerShell.Queue
{
    /// <summary>
    /// The last object Invoke-LinkedInPostQueue writes: how many posts each outcome had, how long the run
    /// took, the connections that could not be used, and whether a person should look
    /// (<see cref="NeedsAttention"/>, with <see cref="ExitCode"/> for a scheduled task's exit status).
    /// </summary>
    public sealed class LinkedInQueueRunSummary
    {
        /// <summary>The exit code of a run where nothing needs a person.</summary>
        public const int Success = 0;

        /// <summary>The exit code of a run where something needs a person (a post it failed or missed, any unconfirmed post in the queue, a failed comment, a connection that cannot be used).</summary>
        public const int Attention = 1;

        internal LinkedInQueueRunSummary(QueueRunReport report, string queue, int commentsFailed)
        {
            Queue = queue;
            StartedAtUtc = report.StartedAt;
            Duration = report.Duration;
            RunnerId = report.RunnerId;
            Published = report.Published;
            Retrying = report.Retrying;
            Failed = report.Failed;
            Missed = report.Missed;
            Held = report.Held;
            Deferred = report.Deferred;
            Unconfirmed = report.Unconfirmed;
            UnconfirmedInQueue = report.UnconfirmedInQueue;
            FirstCommentsFailed = commentsFailed;
            Posts = report.Posts.Count;
            ConnectionProblems = report.ConnectionProblems.Select(p => p.Connection).ToArray();
            NeedsAttention = report.NeedsAttention || commentsFailed > 0 || ConnectionProblems.Length > 0;
        }

        /// <summary>The queue file.</summary>
        public string Queue { get; }

        /// <summary>When the run started, local time.</summary>
        public DateTime StartedAt => StartedAtUtc.ToLocalTime().DateTime;

        /// <summary>When the run started, UTC.</summary>
        public DateTimeOffset StartedAtUtc { get; }

        /// <summary>How long it took.</summary>
        public TimeSpan Duration { get; }

        /// <summary>This run's id in the queue's claims and attempts (machine/process/random).</summary>
        public string RunnerId { get; }

        /// <summary>Posts touched in all.</summary>
        public int Posts { get; }

        /// <summary>Published by this run (or settled as published by evidence).</summary>
        public int Published { get; }

        /// <summary>Not published yet; a later run tries again.</summary>
        public int Retrying { get; }

        /// <summary>Failed for good.</summary>
        public int Failed { get; }

        /// <summary>Marked Missed: overdue by more than -MaxLateness.</summary>
        public int Missed { get; }

        /// <summary>Left Pending because their connection cannot be used.</summary>
        public int Held { get; }

        /// <summary>Moved on because the member's daily limit is spent.</summary>
        public int Deferred { get; }

        /// <summary>Left Unconfirmed by this run (outcome unknown, not settled by evidence): a person must look.</summary>
        public int Unconfirmed { get; }

        /// <summary>
        /// Every Unconfirmed post in the queue after this run, this run's and earlier runs': while there is one,
        /// <see cref="NeedsAttention"/> is true and the run writes LinkedInQueueNeedsAttention.
        /// </summary>
        public int UnconfirmedInQueue { get; }

        /// <summary>Published posts whose first comment failed.</summary>
        public int FirstCommentsFailed { get; }

        /// <summary>The connections that could not be used (each also written as an error).</summary>
        public string[] ConnectionProblems { get; }

        /// <summary>True when a person should look; the run also wrote an error for each thing, so $? is $false.</summary>
        public bool NeedsAttention { get; }

        /// <summary>0 when nothing needs a person, 1 otherwise: <c>exit (Invoke-LinkedInPostQueue | Select-Object -Last 1).ExitCode</c>.</summary>
        public int ExitCode => NeedsAttention ? Attention : Success;

        /// <inheritdoc />
        public override string ToString()
        {
            var parts = new[]
            {
                (Published, "published"), (Retrying, "retrying"), (Failed, "failed"), (Missed, "missed"), (Held, "held"),
                (Deferred, "deferred"), (Unconfirmed, "unconfirmed"), (FirstCommentsFailed, "comments failed"),
            }.Where(p => p.Item1 > 0).Select(p => p.Item1.ToString(CultureInfo.InvariantCulture) + " " + p.Item2).ToList();
            var counts = parts.Count == 0 ? "nothing due" : string.Join(", ", parts);
            var problems = ConnectionProblems.Length == 0 ? string.Empty : "; connections not usable: " + string.Join(", ", ConnectionProblems);
            var waiting = UnconfirmedInQueue == 0 ? string.Empty : "; " + UnconfirmedInQueue.ToString(CultureInfo.InvariantCulture) + " unconfirmed in the queue";
            return $"Queue run: {counts}{problems}{waiting} in {Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" + (NeedsAttention ? "; NEEDS ATTENTION" : string.Empty);
        }
    }
}
