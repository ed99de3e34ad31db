using System;
using LinkedInPosts.Core.Queue.Preflight;

namespace LinkedInPosts.PowerShell.Queue
{
    /// <summary>
    /// One thing Test-LinkedInPostQueue found: how bad (<see cref="Severity"/>), which check, about which
    /// post (the earliest one, for a finding that covers a connection's posts), what it means and the fix.
    /// Never holds a token or secret.
    /// </summary>
    public sealed class LinkedInQueueFinding
    {
        internal LinkedInQueueFinding(PreflightFinding finding, string queuePath)
        {
            QueuePath = queuePath;
            Severity = finding.Severity;
            Check = finding.Check;
            PostId = finding.PostId;
            Key = finding.Key;
            Connection = finding.Connection;
            ScheduledAtUtc = finding.ScheduledAtUtc;
            Posts = finding.Posts;
            Message = finding.Message;
            Fix = finding.Fix;
        }

        /// <summary>Error (a post will not go out unless someone acts, or one needs a person), Warning or Info.</summary>
        public PreflightSeverity Severity { get; }

        /// <summary>
        /// The check: Connection, Token, Scope, Author, ApiVersion, Media, Content, DailyBudget, Lateness, Stuck
        /// or FirstComment. Stable, for Where-Object.
        /// </summary>
        public string Check { get; }

        /// <summary>The post's id in the queue (Get-LinkedInScheduledPost -Id); null for a finding about no post.</summary>
        public long? PostId { get; }

        /// <summary>The post's key.</summary>
        public string? Key { get; }

        /// <summary>The connection concerned.</summary>
        public string? Connection { get; }

        /// <summary>The post's scheduled time, in this computer's local time.</summary>
        public DateTime? ScheduledAt => ScheduledAtUtc?.ToLocalTime().DateTime;

        /// <summary>The post's scheduled time, UTC.</summary>
        public DateTimeOffset? ScheduledAtUtc { get; }

        /// <summary>How many posts the finding covers.</summary>
        public int Posts { get; }

        /// <summary>What was found.</summary>
        public string Message { get; }

        /// <summary>What to do (a command where one helps); null when nothing is needed.</summary>
        public string? Fix { get; }

        /// <summary>
        /// The queue file checked. With <see cref="PostId"/> it binds to -Path and -Id of the scheduled-post cmdlets
        /// (their QueuePath and PostId aliases), so a finding pipes into Get-, Set- or Unregister-LinkedInScheduledPost.
        /// </summary>
        public string QueuePath { get; }

        /// <inheritdoc />
        public override string ToString() => Severity + " " + Check + (Key == null ? string.Empty : " [" + Key + "]") + ": " + Message;
    }
}
