using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>How an attempt ended.</summary>
    public enum AttemptOutcome
    {
        /// <summary>The create call is under way (or its run died; see <see cref="QueueState.Sending"/>).</summary>
        InProgress,

        /// <summary>LinkedIn created the post.</summary>
        Published,

        /// <summary>It failed and the post will be tried again later.</summary>
        Retry,

        /// <summary>It failed for good.</summary>
        Failed,

        /// <summary>Its outcome could not be known.</summary>
        Unknown,

        /// <summary>It was given up before any call because the post's time had passed too long ago.</summary>
        Missed,
    }

    /// <summary>What a runner reports about an attempt. Messages are cleaned of secrets before they are stored.</summary>
    public sealed class AttemptReport
    {
        /// <summary>When the attempt ended.</summary>
        public DateTimeOffset At { get; set; }

        /// <summary>The HTTP status LinkedIn answered with, when there was an answer.</summary>
        public int? HttpStatus { get; set; }

        /// <summary>A short kind, e.g. <c>Throttled</c>, <c>Validation</c>, <c>Network</c>, <c>Timeout</c>.</summary>
        public string? ErrorKind { get; set; }

        /// <summary>The module's ErrorId (e.g. <c>LinkedInThrottled</c>), when an error was raised.</summary>
        public string? ErrorId { get; set; }

        /// <summary>A message for the user (no token or secret: it is shown and stored).</summary>
        public string? Message { get; set; }

        /// <summary>Values that must not be stored even if they appear in <see cref="Message"/> (the access token, say).</summary>
        public string?[]? Secrets { get; set; }
    }

    /// <summary>One attempt row: one try at publishing a post.</summary>
    public sealed class QueueAttempt
    {
        /// <summary>The post it belongs to.</summary>
        public long PostId { get; set; }

        /// <summary>1 for the first attempt of the post, then 2, 3, ...</summary>
        public int Number { get; set; }

        /// <summary>The runner that made it.</summary>
        public string RunnerId { get; set; } = string.Empty;

        /// <summary>When it started.</summary>
        public DateTimeOffset StartedAt { get; set; }

        /// <summary>When it ended (null while in progress).</summary>
        public DateTimeOffset? FinishedAt { get; set; }

        /// <summary>How it ended.</summary>
        public AttemptOutcome Outcome { get; set; }

        /// <summary>The HTTP status, when LinkedIn answered.</summary>
        public int? HttpStatus { get; set; }

        /// <summary>
        /// The error's kind; while the attempt is in progress, what it is when it is not a runner's create call:
        /// <see cref="ReadBackKind"/> or <see cref="ResendKind"/>.
        /// </summary>
        public string? ErrorKind { get; set; }

        /// <summary>An open attempt that is a resolver's read-back: no create call has been made under it.</summary>
        public const string ReadBackKind = "ReadBack";

        /// <summary>An open attempt that is a resolver's duplicate-checked resend: a create call may be in flight, and an earlier one may have landed.</summary>
        public const string ResendKind = "Resend";

        /// <summary>A dead run's call closed by a resolver's resend (its outcome stays unknown).</summary>
        public const string SupersededKind = "Superseded";

        /// <summary>A call a read-back did not find (a Retry): probably not created, but a read-back can miss a post.</summary>
        public const string NotCreatedKind = "NotCreated";

        /// <summary>
        /// How long after a first try a resend may rely on LinkedIn's 422 DUPLICATE_POST to reveal it. LinkedIn does not
        /// say how far back its check looks (people report 24 to 48 hours, linkedin-api.md 6.3), so the low end, whatever
        /// MaxLateness a user sets: past it a resend could post a second copy, and the post is left to a person.
        /// </summary>
        public static readonly TimeSpan DuplicateCheckMemory = TimeSpan.FromHours(24);

        /// <summary>
        /// A try that ended before any create call (a token that would not refresh, a media upload that failed, a
        /// post too late to resend): recorded closed, with the error in ErrorId and Message. Nothing can have landed.
        /// </summary>
        public const string NotSentKind = "NotSent";

        /// <summary>A create LinkedIn refused for the connection's token (401; the error's kind).</summary>
        public const string AuthKind = "Auth";

        /// <summary>A create LinkedIn refused for the connection's API version (426; the error's kind).</summary>
        public const string VersionKind = "Version";

        /// <summary>
        /// Whether this try counts against MaxAttempts: every one but a create LinkedIn refused for the connection
        /// (<see cref="AuthKind"/>, <see cref="VersionKind"/>), which says nothing about the post and made nothing; the post
        /// is held until a person fixes the connection, and should not come back with its budget spent by the runs meanwhile.
        /// </summary>
        public bool CountsTowardMaxAttempts => !(Outcome == AttemptOutcome.Retry && (ErrorKind == AuthKind || ErrorKind == VersionKind));

        /// <summary>Whether a create call may have been made under this attempt while it is still open (false for a read-back).</summary>
        public bool MayHaveCalled => Outcome == AttemptOutcome.InProgress && ErrorKind != ReadBackKind;

        /// <summary>
        /// Whether a create call made under this attempt may have reached LinkedIn: it is open with a call, its outcome
        /// was unknown, it was settled as "not created" only by a read-back (which can miss a post), or it failed with no
        /// answer or a 5xx, which LinkedIn may send after storing the post. Never for a try that made no create call
        /// (<see cref="NotSentKind"/>: a 502 from a media upload says nothing about a post).
        /// </summary>
        public bool MayHaveLanded => ErrorKind != NotSentKind && (MayHaveCalled || Outcome == AttemptOutcome.Unknown
            || (Outcome == AttemptOutcome.Retry && (ErrorKind == NotCreatedKind || HttpStatus == null || HttpStatus >= 500)));

        /// <summary>
        /// When the first create call that may have reached LinkedIn was made since a person last re-armed the post
        /// (<see cref="MayHaveLanded"/>); null when none may have. A resend relies on LinkedIn's duplicate check to reveal
        /// that call only within a day of it (the runner's EvidenceResolver.DuplicateCheckMemory), and a change of what the
        /// post posts would slip past that check (the store's <see cref="RegistrationOutcome.MayAlreadyBePosted"/>).
        /// </summary>
        public static DateTimeOffset? FirstCallThatMayHaveLanded(IReadOnlyList<QueueAttempt> attempts, int attemptsAtRetry)
        {
            if (attempts == null)
            {
                throw new ArgumentNullException(nameof(attempts));
            }
            DateTimeOffset? first = null;
            foreach (var attempt in attempts)
            {
                if (attempt.Number > attemptsAtRetry && attempt.MayHaveLanded && (first == null || attempt.StartedAt < first))
                {
                    first = attempt.StartedAt;
                }
            }
            return first;
        }

        /// <summary>
        /// <see cref="FirstCallThatMayHaveLanded(IReadOnlyList{QueueAttempt}, int)"/> for <paramref name="post"/>: its
        /// attempts are read only when a run tried it since its last re-arm (null at once otherwise).
        /// </summary>
        public static DateTimeOffset? FirstCallThatMayHaveLanded(IQueueStore store, ScheduledPost post)
        {
            if (store == null)
            {
                throw new ArgumentNullException(nameof(store));
            }
            if (post == null)
            {
                throw new ArgumentNullException(nameof(post));
            }
            return post.AttemptsSinceRetry == 0 ? null : FirstCallThatMayHaveLanded(store.GetAttempts(post.Id), post.AttemptsAtRetry);
        }

        /// <summary>The module's ErrorId.</summary>
        public string? ErrorId { get; set; }

        /// <summary>The message (never a secret).</summary>
        public string? Message { get; set; }

        /// <summary>The post URN LinkedIn answered with, when it did.</summary>
        public string? PostUrn { get; set; }
    }
}
