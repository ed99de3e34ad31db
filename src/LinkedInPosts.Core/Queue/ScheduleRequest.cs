using System;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// A post to schedule, as a cmdlet or script describes it: the draft (media as local files or URNs),
    /// its first comment, when, with which connection, and the user's key if any.
    /// <see cref="ScheduledPostBuilder.Build"/> checks it and turns it into a <see cref="NewScheduledPost"/>.
    /// </summary>
    public sealed class ScheduleRequest
    {
        /// <summary>Creates the request.</summary>
        public ScheduleRequest(PostDraft draft, string connection, DateTimeOffset scheduledAt, string timeZoneId)
        {
            Draft = draft ?? throw new ArgumentNullException(nameof(draft));
            Connection = connection ?? throw new ArgumentNullException(nameof(connection));
            ScheduledAt = scheduledAt;
            TimeZoneId = timeZoneId ?? throw new ArgumentNullException(nameof(timeZoneId));
        }

        /// <summary>The post; media may be local files, which are copied into the queue.</summary>
        public PostDraft Draft { get; }

        /// <summary>The stored connection that will publish it.</summary>
        public string Connection { get; }

        /// <summary>When to publish.</summary>
        public DateTimeOffset ScheduledAt { get; }

        /// <summary>The time zone id the user gave the time in (kept for display and rescheduling).</summary>
        public string TimeZoneId { get; }

        /// <summary>A comment the author adds right after the post is up, or null.</summary>
        public string? FirstComment { get; set; }

        /// <summary>The user's key (the CSV's Key column); null derives one from author, text, time and media.</summary>
        public string? Key { get; set; }

        /// <summary>Registered Held (paused until a person resumes it) instead of Pending; see <see cref="NewScheduledPost.Held"/>.</summary>
        public bool Held { get; set; }
    }
}
