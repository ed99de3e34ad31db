using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>One post in the queue, as stored. Times are UTC.</summary>
    public sealed class ScheduledPost
    {
        /// <summary>The row id, unique within one queue file.</summary>
        public long Id { get; set; }

        /// <summary>The post's unique key: the user's Key column, or one derived from its content (<see cref="ScheduledPostKey"/>).</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>The name of the stored connection that will publish it.</summary>
        public string Connection { get; set; } = string.Empty;

        /// <summary>The author's URN (person or organization).</summary>
        public string Author { get; set; } = string.Empty;

        /// <summary>When the user wants it out, in UTC.</summary>
        public DateTimeOffset ScheduledAtUtc { get; set; }

        /// <summary>The time zone the user gave the time in (Windows or IANA id), kept for display and rescheduling.</summary>
        public string TimeZoneId { get; set; } = string.Empty;

        /// <summary>When a runner may next take it: the scheduled time, or later after a retryable failure.</summary>
        public DateTimeOffset DueAtUtc { get; set; }

        /// <summary>Where it is in its life.</summary>
        public QueueState State { get; set; }

        /// <summary>The content, as written by <see cref="QueuePayload"/> (a versioned JSON document).</summary>
        public string PayloadJson { get; set; } = string.Empty;

        /// <summary>SHA-256 hashes (lowercase hex) of the media files in the queue's media folder, in order.</summary>
        public IReadOnlyList<string> MediaHashes { get; set; } = Array.Empty<string>();

        /// <summary>How many attempts were recorded, over the post's whole life (the attempts table's rows).</summary>
        public int Attempts { get; set; }

        /// <summary>
        /// What <see cref="Attempts"/> was when a person last re-armed the post (Set-LinkedInScheduledPost -Retry of a
        /// Failed or Missed post, -Resend of an Unconfirmed one); 0 if nobody did.
        /// </summary>
        public int AttemptsAtRetry { get; set; }

        /// <summary>
        /// The attempts since a person last re-armed the post: what the runner holds against MaxAttempts, so a retry
        /// gets a fresh budget while <see cref="Attempts"/> keeps the whole history.
        /// </summary>
        public int AttemptsSinceRetry => Math.Max(0, Attempts - AttemptsAtRetry);

        /// <summary>The last attempt's error message, if it failed (never a secret).</summary>
        public string? LastError { get; set; }

        /// <summary>The URN LinkedIn gave the post once it is published.</summary>
        public string? PostUrn { get; set; }

        /// <summary>When it was registered.</summary>
        public DateTimeOffset CreatedAt { get; set; }

        /// <summary>When the row last changed.</summary>
        public DateTimeOffset UpdatedAt { get; set; }

        /// <summary>The runner holding it (Claimed or Sending), or the last one that did.</summary>
        public string? ClaimedBy { get; set; }

        /// <summary>The current claim's token (Claimed or Sending only).</summary>
        public string? ClaimToken { get; set; }

        /// <summary>When the current claim's lease ends (Claimed or Sending only).</summary>
        public DateTimeOffset? LeaseUntil { get; set; }

        /// <summary>When LinkedIn created it.</summary>
        public DateTimeOffset? PublishedAt { get; set; }

        /// <summary>What became of its first comment (null: it has none, or it is not published yet).</summary>
        public FirstCommentState? FirstCommentState { get; set; }

        /// <summary>LinkedIn's URN of its first comment, once added.</summary>
        public string? FirstCommentUrn { get; set; }

        /// <summary>Why its first comment was not added, when that failed.</summary>
        public string? FirstCommentError { get; set; }

        /// <summary>The claim to present for changes, while the post is Claimed or Sending; otherwise null.</summary>
        public QueueClaim? Claim =>
            ClaimToken != null && LeaseUntil != null && (State == QueueState.Claimed || State == QueueState.Sending)
                ? new QueueClaim(Id, ClaimToken, ClaimedBy ?? string.Empty, LeaseUntil.Value)
                : null;

        /// <summary>When its first comment's call was begun: the commit that recorded it Published.</summary>
        public DateTimeOffset FirstCommentBegunAt => PublishedAt ?? UpdatedAt;

        /// <summary>
        /// True while a run may still be making its first comment's call (Adding, begun no more than
        /// <paramref name="runnerLease"/> before <paramref name="now"/>). Adding is committed (with Published, in one
        /// durable commit stamped published_at) right before the call, and the call is one request, never resent, so it
        /// ends within the client's request timeout (30 s), and its outcome is written within the queue's busy timeout
        /// after. The runner's lease is by design longer than a whole create call (two request timeouts and a pause),
        /// and a Sending post is taken over on the same reasoning once its lease has run out. So a comment begun more
        /// than one lease ago is no run's any more: strictly more, so that the edge stays quiet. The pre-flight and
        /// Set-LinkedInScheduledPost -FirstCommentAdded both go by it.
        /// </summary>
        public bool FirstCommentMayStillBeInFlight(DateTimeOffset now, TimeSpan runnerLease) =>
            FirstCommentState == Queue.FirstCommentState.Adding && now - FirstCommentBegunAt <= runnerLease;

        /// <inheritdoc />
        public override string ToString() => Key + " (" + State + ", " + ScheduledAtUtc.ToString("u") + ")";
    }
}
