using System;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>
    /// One thing the pre-flight found: which check, how bad, about which post (the earliest one affected,
    /// for a finding about a whole connection), what it means and what to do. Never holds a secret.
    /// </summary>
    public sealed class PreflightFinding
    {
        /// <summary>Creates a finding.</summary>
        public PreflightFinding(PreflightSeverity severity, string check, string message, string? fix)
        {
            Severity = severity;
            Check = check ?? throw new ArgumentNullException(nameof(check));
            Message = message ?? throw new ArgumentNullException(nameof(message));
            Fix = fix;
        }

        /// <summary>How bad it is.</summary>
        public PreflightSeverity Severity { get; }

        /// <summary>Which check found it (one of <see cref="PreflightChecks"/>).</summary>
        public string Check { get; }

        /// <summary>The post it is about (the earliest affected post for a connection-wide finding); null when none.</summary>
        public long? PostId { get; set; }

        /// <summary>That post's key.</summary>
        public string? Key { get; set; }

        /// <summary>The connection concerned.</summary>
        public string? Connection { get; set; }

        /// <summary>That post's scheduled time, UTC.</summary>
        public DateTimeOffset? ScheduledAtUtc { get; set; }

        /// <summary>How many posts the finding covers (1 for a finding about one post).</summary>
        public int Posts { get; set; } = 1;

        /// <summary>What was found, in words.</summary>
        public string Message { get; internal set; }

        /// <summary>What to do about it (a command where one helps); null when nothing is needed.</summary>
        public string? Fix { get; internal set; }

        /// <summary>Fills in the post's identity.</summary>
        internal PreflightFinding About(ScheduledPost post, int posts = 1)
        {
            PostId = post.Id;
            Key = post.Key;
            Connection = post.Connection;
            ScheduledAtUtc = post.ScheduledAtUtc;
            Posts = posts;
            return this;
        }

        /// <inheritdoc />
        public override string ToString() => Severity + " " + Check + (Key == null ? string.Empty : " [" + Key + "]") + ": " + Message;
    }
}
