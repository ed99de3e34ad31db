using System;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;

namespace LinkedInPosts.PowerShell.Queue
{
    /// <summary>
    /// What Invoke-LinkedInPostQueue did with one post (or, with -WhatIf, would do): its outcome and state
    /// after the run, the URN and link once published, and LinkedIn's error when it was not. Times are in
    /// this computer's local time, with the UTC value beside them. Never holds a token or secret.
    /// </summary>
    public sealed class LinkedInQueueRunResult
    {
        internal LinkedInQueueRunResult(QueuePostResult result, string queuePath)
        {
            QueuePath = queuePath;
            Id = result.Id;
            Key = result.Key;
            Connection = result.Connection;
            Author = result.Author;
            ScheduledAtUtc = result.ScheduledAtUtc;
            Outcome = result.Outcome;
            State = result.State;
            PostUrn = result.PostUrn;
            Url = result.Url;
            Attempts = result.Attempts;
            NextAttemptAtUtc = result.NextAttemptAt;
            ErrorId = result.ErrorId;
            // The runner's advice names commands (Set-LinkedInScheduledPost -Id 5 -Resend): they must reach this queue when
            // copied from a scheduled task's log into a shell where the default queue is another one.
            Message = SuggestedCommands.WithQueue(result.Message, queuePath);
            HttpStatus = result.HttpStatus;
            FirstCommentUrn = result.FirstCommentUrn;
            FirstCommentErrorId = result.FirstCommentErrorId;
            FirstCommentError = result.FirstCommentError;
            ResolvedByEvidence = result.ResolvedByEvidence;
            NeedsAttention = result.NeedsAttention;
        }

        /// <summary>The post's id in the queue.</summary>
        public long Id { get; }

        /// <summary>The post's key.</summary>
        public string Key { get; }

        /// <summary>The connection that publishes it.</summary>
        public string Connection { get; }

        /// <summary>The author's URN.</summary>
        public string Author { get; }

        /// <summary>When it was scheduled, local time.</summary>
        public DateTime ScheduledAt => ScheduledAtUtc.ToLocalTime().DateTime;

        /// <summary>When it was scheduled, UTC.</summary>
        public DateTimeOffset ScheduledAtUtc { get; }

        /// <summary>
        /// Published, Retrying (will be tried again at NextAttemptAt; with State Sending, its create got no clear
        /// answer and a run after NextAttemptAt settles it by evidence, never posting it twice), Failed, Missed (overdue by more than
        /// -MaxLateness), Held (its connection cannot be used; it stays Pending), Deferred (the member's daily
        /// limit), Unconfirmed (the evidence did not settle it within -MaxAttempts: a person must look), Skipped (another run took it over; nothing sent by this
        /// one); with -WhatIf WouldPublish, WouldMiss, WouldMarkUnconfirmed, WouldResolve.
        /// </summary>
        public QueuePostOutcome Outcome { get; }

        /// <summary>The post's state in the queue after the run.</summary>
        public QueueState State { get; }

        /// <summary>LinkedIn's URN of the post, once published.</summary>
        public string? PostUrn { get; }

        /// <summary>The post's address on LinkedIn, once published.</summary>
        public string? Url { get; }

        /// <summary>How many attempts the queue has recorded for it.</summary>
        public int Attempts { get; }

        /// <summary>When a run will try it again (Retrying, Deferred), local time.</summary>
        public DateTime? NextAttemptAt => NextAttemptAtUtc?.ToLocalTime().DateTime;

        /// <summary>When a run will try it again, UTC.</summary>
        public DateTimeOffset? NextAttemptAtUtc { get; }

        /// <summary>The error's stable id (LinkedIn's or the queue's, e.g. LinkedInPermissionDenied), when it did not go out.</summary>
        public string? ErrorId { get; }

        /// <summary>What went wrong, in LinkedIn's words where it answered.</summary>
        public string? Message { get; }

        /// <summary>LinkedIn's HTTP status, when it answered with an error.</summary>
        public int? HttpStatus { get; }

        /// <summary>The first comment's URN, once added.</summary>
        public string? FirstCommentUrn { get; }

        /// <summary>The first comment's error id, when the post is up but its comment failed.</summary>
        public string? FirstCommentErrorId { get; }

        /// <summary>The first comment's error, when the post is up but its comment failed.</summary>
        public string? FirstCommentError { get; }

        /// <summary>True when a post whose outcome was unknown was settled by evidence (read back, or LinkedIn's duplicate answer), not sent again.</summary>
        public bool ResolvedByEvidence { get; }

        /// <summary>True when a person should look: Failed, Missed, Unconfirmed, or the first comment failed.</summary>
        public bool NeedsAttention { get; }

        /// <summary>The queue file the post is in (binds to -Path of the scheduled-post cmdlets, through their QueuePath alias).</summary>
        public string QueuePath { get; }

        /// <summary>With -WhatIf: the exact little text that would be sent (reserved characters escaped).</summary>
        public string? Commentary { get; internal set; }

        /// <inheritdoc />
        public override string ToString() =>
            Key + ": " + Outcome + (PostUrn != null ? " " + PostUrn : string.Empty) + (ErrorId != null ? " (" + ErrorId + ")" : string.Empty);
    }
}
