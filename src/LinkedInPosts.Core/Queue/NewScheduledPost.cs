using System;
using System.Collections.Generic;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>A post to register in the queue. The store validates it before anything is written.</summary>
    public sealed class NewScheduledPost
    {
        /// <summary>Creates a registration from its parts; <paramref name="payloadJson"/> is a <see cref="QueuePayload"/> document.</summary>
        public NewScheduledPost(string key, string connection, string author, DateTimeOffset scheduledAt, string timeZoneId, string payloadJson, IReadOnlyList<string>? mediaHashes = null)
        {
            Key = key;
            Connection = connection;
            Author = author;
            ScheduledAt = scheduledAt;
            TimeZoneId = timeZoneId;
            PayloadJson = payloadJson;
            MediaHashes = mediaHashes ?? Array.Empty<string>();
        }

        /// <summary>
        /// A registration for <paramref name="draft"/>: its content serialized by <see cref="QueuePayload"/>, and
        /// <paramref name="key"/> or, when that is empty, a key derived from author, text, time and media.
        /// <paramref name="mediaHashes"/> are the hashes <see cref="MediaStore.Add(string)"/> returned.
        /// </summary>
        public static NewScheduledPost FromDraft(PostDraft draft, string connection, DateTimeOffset scheduledAt, string timeZoneId, IReadOnlyList<string>? mediaHashes = null, string? key = null) =>
            FromDraft(draft, connection, scheduledAt, timeZoneId, mediaHashes, key, firstComment: null);

        /// <summary>As <see cref="FromDraft(PostDraft, string, DateTimeOffset, string, IReadOnlyList{string}, string)"/>, with the comment the author adds once the post is up.</summary>
        public static NewScheduledPost FromDraft(PostDraft draft, string connection, DateTimeOffset scheduledAt, string timeZoneId, IReadOnlyList<string>? mediaHashes, string? key, string? firstComment)
        {
            if (draft == null)
            {
                throw new ArgumentNullException(nameof(draft));
            }
            var media = mediaHashes ?? Array.Empty<string>();
            var author = draft.Author.ToString();
            var effectiveKey = string.IsNullOrWhiteSpace(key)
                ? ScheduledPostKey.Derive(author, draft.Commentary, scheduledAt, media)
                : key!.Trim();
            return new NewScheduledPost(effectiveKey, connection, author, scheduledAt, timeZoneId, QueuePayload.Serialize(draft, firstComment), media);
        }

        /// <summary>The unique key (1 to <see cref="QueueLimits.MaxKeyLength"/> characters).</summary>
        public string Key { get; }

        /// <summary>The stored connection's name.</summary>
        public string Connection { get; }

        /// <summary>The author's URN.</summary>
        public string Author { get; }

        /// <summary>When to publish; stored as UTC.</summary>
        public DateTimeOffset ScheduledAt { get; }

        /// <summary>The time zone id the user gave the time in.</summary>
        public string TimeZoneId { get; }

        /// <summary>The content as a JSON object (see <see cref="QueuePayload"/>).</summary>
        public string PayloadJson { get; }

        /// <summary>SHA-256 hashes of media already in the queue's media folder.</summary>
        public IReadOnlyList<string> MediaHashes { get; }

        /// <summary>
        /// Added Held (kept, but no run takes it until Resume) instead of Pending: a paused post exported with its
        /// State and registered again stays paused. An update (<see cref="RegistrationMode.UpdatePending"/>) keeps the
        /// state the post has.
        /// </summary>
        public bool Held { get; set; }

        /// <summary>
        /// With <see cref="RegistrationMode.UpdatePendingCheckedNotPosted"/>: the post's Attempts when the person looked
        /// at LinkedIn. A try a run made since (while the question was open) was not covered by that look, so the store
        /// then treats the update as <see cref="RegistrationMode.UpdatePending"/> (and refuses a change of content after
        /// a call that may have landed). Null: no such check.
        /// </summary>
        public int? CheckedAttempts { get; set; }
    }
}
