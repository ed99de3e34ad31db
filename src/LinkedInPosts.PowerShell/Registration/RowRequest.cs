using System.Globalization;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.PowerShell.Registration
{
    /// <summary>One row read and checked: the request to schedule, its resolved time and its kind of post.</summary>
    internal sealed class RowRequest
    {
        public RowRequest(ScheduleRequest request, ScheduleTime time, string kind)
        {
            Request = request;
            Time = time;
            Kind = kind;
        }

        public ScheduleRequest Request { get; }

        public ScheduleTime Time { get; }

        /// <summary>Text, Media, MultiImage, Article, Poll or Reshare.</summary>
        public string Kind { get; }

        /// <summary>The user's Key, trimmed; null for a key derived from the post.</summary>
        public string? Key => Request.Key;

        /// <summary>What -WhatIf and -Confirm show for the row.</summary>
        public string Describe()
        {
            var draft = Request.Draft;
            return $"{Kind} post by {draft.Author} with connection '{Request.Connection}' at {Time} (UTC {Time.Utc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)})" +
                (Key == null ? string.Empty : $", key '{Key}'") + ": " + Excerpt(draft.Commentary);
        }

        private static string Excerpt(string text)
        {
            var line = text.Replace("\r", " ").Replace("\n", " ");
            return line.Length > 60 ? line.Substring(0, 59) + "…" : line;
        }
    }
}
