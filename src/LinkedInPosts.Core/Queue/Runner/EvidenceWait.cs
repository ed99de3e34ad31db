using System;
using System.Collections.Generic;
using System.Linq;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// What becomes of a post whose outcome is still unknown after a look (its own create, a read-back, a
    /// resend): it waits for evidence, Sending, with the retry backoff (or a later Retry-After) as its lease, while the
    /// budget lasts (MaxAttempts, MaxLateness), and is Unconfirmed for a person once it is spent.
    /// </summary>
    internal sealed class EvidenceWait
    {
        /// <summary>The stable id of an unknown outcome, on attempts and results.</summary>
        public static readonly string UnknownOutcomeId = new LinkedInUnknownOutcomeException(string.Empty).ErrorId;

        private readonly QueueRun _run;

        public EvidenceWait(QueueRun run)
        {
            _run = run;
        }

        /// <summary>
        /// A look at a post's outcome (its own create, a read-back, a resend) got no clear answer. While the budget
        /// lasts (attempts below MaxAttempts, its time no more than MaxLateness ago) it stays Sending with its lease
        /// set to the retry backoff, or to LinkedIn's Retry-After if that is later, so that a run after that settles
        /// it by evidence (reported Retrying, State Sending, NextAttemptAt the lease's end); once it is spent it is
        /// Unconfirmed, for a person.
        /// </summary>
        public void Unsettled(ScheduledPost post, QueueClaim claim, QueueConnection connection, LinkedInException error, string what)
        {
            var now = _run.Now;
            var attempts = _run.Store.GetAttempts(post.Id);
            // The open attempt is closed by the wait; without one, the look is recorded as an attempt of its own.
            // Counted since a person last re-armed the post (-Retry, -Resend), as for every other MaxAttempts.
            var attemptsAfter = attempts.Count(a => a.Number > post.AttemptsAtRetry && a.CountsTowardMaxAttempts) + (attempts.Any(a => a.Outcome == AttemptOutcome.InProgress) ? 0 : 1);
            var tried = connection.CanReadBackPosts
                ? "reading the author's posts back and, where that was refused, sending it once more for LinkedIn's duplicate check"
                : "sending it once more for LinkedIn's duplicate check";
            if (attemptsAfter >= _run.Options.MaxAttempts)
            {
                Unconfirmed(post, claim, what + " Settling it by evidence (" + tried + ") was given up after " + attemptsAfter +
                    " attempts (MaxAttempts " + _run.Options.MaxAttempts + ").");
                return;
            }
            if (IsTooLate(post, attempts, now))
            {
                Unconfirmed(post, claim, what + " It was scheduled " + DurationText.Describe(now - post.ScheduledAtUtc) + " ago, more than the " +
                    DurationText.Describe(_run.Options.MaxLateness) + " a post may be late (MaxLateness), so no run looks again.");
                return;
            }
            // Not before a Retry-After that came with the unclear answer (a 503's on the create, its check or the read-back).
            var until = QueueTime.Truncate(_run.Schedule.DueAt(now, attemptsAfter, error));
            if (!connection.CanReadBackPosts && ResendTooLateForDuplicateCheck(attempts, post.AttemptsAtRetry, until))
            {
                Unconfirmed(post, claim, what + " The next look would be a resend, later than " + DurationText.Describe(EvidenceResolver.DuplicateCheckMemory) +
                    " after its first try, when LinkedIn's duplicate check may no longer reveal it, so no run looks again.");
                return;
            }
            var next = connection.CanReadBackPosts
                ? "reads the author's posts back to look for it"
                : "sends it once more, and LinkedIn's duplicate check tells whether it is up already";
            var message = QueueMessages.Clean(what + " It is not sent again blindly: it stays Sending, and a run after " +
                until.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC " + next + ".", null);
            var waiting = _run.Store.AwaitEvidence(claim, until, new AttemptReport
            {
                At = now,
                HttpStatus = error.HttpStatus,
                ErrorKind = "Unknown",
                ErrorId = UnknownOutcomeId,
                Message = message,
            });
            if (!waiting.Applied)
            {
                // Its lease ran out during the call and a resolver took it over: that run settles it.
                var skipped = QueueRun.ResultFor(post, QueuePostOutcome.Skipped, waiting.State ?? QueueState.Sending, waiting.Attempts);
                skipped.ErrorId = QueueRunErrorIds.ClaimLost;
                skipped.Message = "The outcome was unclear, and another run had taken the post over meanwhile; that run settles it by evidence.";
                _run.Report(skipped);
                return;
            }
            var result = QueueRun.ResultFor(post, QueuePostOutcome.Retrying, QueueState.Sending, waiting.Attempts);
            result.ErrorId = UnknownOutcomeId;
            result.HttpStatus = error.HttpStatus;
            result.Message = message;
            result.NextAttemptAt = until;
            _run.Report(result);
        }

        /// <summary>
        /// Whether a post whose outcome is unknown is past settling by another look: its scheduled time, or the first
        /// of its tries still unsettled if that were earlier, is more than MaxLateness ago. The one lateness rule for
        /// waiting again and for a resolver's look. (A post is sent only once due, so its tries begin at or after its
        /// time; the earlier of the two is taken all the same, so that a try can never be older than the rule says.)
        /// </summary>
        public bool IsTooLate(ScheduledPost post, IReadOnlyList<QueueAttempt> attempts, DateTimeOffset now) =>
            IsTooLate(post, attempts, now, _run.Options.MaxLateness);

        /// <summary><see cref="IsTooLate(ScheduledPost, IReadOnlyList{QueueAttempt}, DateTimeOffset)"/> for a given MaxLateness (for the preview and the pre-flight).</summary>
        public static bool IsTooLate(ScheduledPost post, IReadOnlyList<QueueAttempt> attempts, DateTimeOffset now, TimeSpan maxLateness)
        {
            var firstTry = WindowStart(attempts, post.AttemptsAtRetry);
            var since = firstTry != null && firstTry.Value < post.ScheduledAtUtc ? firstTry.Value : post.ScheduledAtUtc;
            return now - since > maxLateness;
        }

        /// <summary>
        /// Whether the post has no little text (a reshare as it is): LinkedIn's duplicate check does not cover it, so a run
        /// never sends it again as a check, only a read-back can settle it. The one rule for the resolver, -WhatIf and the pre-flight.
        /// </summary>
        public static bool HasNoText(Content.PostDraft draft) => Api.PreparedPost.LittleTextOf(draft).Length == 0;

        /// <summary><see cref="HasNoText(Content.PostDraft)"/> for a queued post; an unreadable payload is the run's own error, not this.</summary>
        public static bool HasNoText(ScheduledPost post)
        {
            try
            {
                return HasNoText(QueuePayload.Read(post.PayloadJson).Draft);
            }
            catch (LinkedInException)
            {
                return false;
            }
        }

        /// <summary>
        /// Whether a run that finds this post Sending with its lease run out marks it Unconfirmed without sending it again
        /// as a check: it is past MaxLateness (<see cref="IsTooLate(ScheduledPost, IReadOnlyList{QueueAttempt}, DateTimeOffset, TimeSpan)"/>),
        /// or its first call that may have landed is older than LinkedIn's duplicate check is trusted to remember. Only a
        /// read-back, where the connection may make one, can still find it. The one rule for the resolver, -WhatIf and the pre-flight.
        /// </summary>
        public static bool TooLateForAnotherLook(ScheduledPost post, IReadOnlyList<QueueAttempt> attempts, DateTimeOffset now, TimeSpan maxLateness) =>
            IsTooLate(post, attempts, now, maxLateness) || ResendTooLateForDuplicateCheck(attempts, post.AttemptsAtRetry, now);

        /// <summary>Unconfirmed, with what was tried and what a person does next (the commands that settle it).</summary>
        public void Unconfirmed(ScheduledPost post, QueueClaim claim, string message)
        {
            var unconfirmed = _run.Store.MarkUnconfirmed(claim, new AttemptReport { At = _run.Now, ErrorKind = "Unknown", ErrorId = UnknownOutcomeId, Message = message });
            var result = QueueRun.ResultFor(post, QueuePostOutcome.Unconfirmed, unconfirmed.State ?? QueueState.Unconfirmed, unconfirmed.Attempts);
            var id = post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result.ErrorId = UnknownOutcomeId;
            // The reason may end without a full stop (LinkedIn's own text): the advice starts a sentence of its own.
            result.Message = QueueMessages.Clean(message.TrimEnd().TrimEnd('.') + ". Look at the author's recent activity on LinkedIn: if the post is there, Set-LinkedInScheduledPost -Id " + id +
                " -ConfirmPublished -PostUrn <its URN>; only if it is not, Set-LinkedInScheduledPost -Id " + id + " -Resend.", null);
            _run.Report(result);
        }

        /// <summary>Whether a resend now would rely on LinkedIn's duplicate check remembering a call older than it is trusted to.</summary>
        public static bool ResendTooLateForDuplicateCheck(IReadOnlyList<QueueAttempt> attempts, int attemptsAtRetry, DateTimeOffset at)
        {
            var first = QueueAttempt.FirstCallThatMayHaveLanded(attempts, attemptsAtRetry);
            return first != null && at - first.Value > EvidenceResolver.DuplicateCheckMemory;
        }

        /// <summary>
        /// When the calls that may have landed began: the earliest of the trailing attempts that are open or
        /// Unknown (a dead run's call, an unclear create, resends and checks after it) since a person last re-armed
        /// the post. Attempts before them were settled (by evidence, or by the person's -Resend, which asserts the
        /// post is not on LinkedIn), so the read-back need not look further back, nor count their age as this one's.
        /// </summary>
        public static DateTimeOffset? WindowStart(IReadOnlyList<QueueAttempt> attempts, int attemptsAtRetry)
        {
            DateTimeOffset? start = null;
            for (var i = attempts.Count - 1; i >= 0 && attempts[i].Number > attemptsAtRetry &&
                (attempts[i].Outcome == AttemptOutcome.InProgress || attempts[i].Outcome == AttemptOutcome.Unknown); i--)
            {
                start = start == null || attempts[i].StartedAt < start ? attempts[i].StartedAt : start;
            }
            return start;
        }
    }
}
