using System;
using System.Collections.Generic;
using System.Globalization;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>
    /// Posts no run will settle by itself: Unconfirmed (a create whose outcome the evidence could not
    /// settle: a person must look at the feed), Failed (LinkedIn refused it for good, or retries ran out),
    /// and Sending with its lease run out (a run died mid-call; the next run resolves it by evidence, so
    /// one still there means no run is happening), plus Pending posts overdue by more than MaxLateness,
    /// which the next run marks Missed. A Sending post whose lease still runs (a call under way, or an unclear
    /// outcome waiting for evidence) is only an Info finding: a later run settles it. Also Missed posts of the last
    /// <see cref="PreflightOptions.MissedLookBack"/> and Claimed ones whose run stopped before sending them (Warnings).
    /// </summary>
    internal static class StuckPostCheck
    {
        /// <param name="post">The post.</param>
        /// <param name="options">The pre-flight's options.</param>
        /// <param name="attempts">Its attempts, read only for a post a run tried since its last re-arm, as the run reads them: a try that may
        /// have reached LinkedIn makes a run mark a post too late Unconfirmed (not Missed), and one older than LinkedIn's duplicate check
        /// remembers keeps a run from sending it again.</param>
        public static PreflightFinding? Run(ScheduledPost post, PreflightOptions options, Func<IReadOnlyList<QueueAttempt>>? attempts = null)
        {
            var id = post.Id.ToString(CultureInfo.InvariantCulture);
            IReadOnlyList<QueueAttempt>? read = null;
            IReadOnlyList<QueueAttempt> Tries() => read ??= post.AttemptsSinceRetry > 0 && attempts != null ? attempts() : Array.Empty<QueueAttempt>();
            bool mayHaveLanded() => QueueAttempt.FirstCallThatMayHaveLanded(Tries(), post.AttemptsAtRetry) != null;
            switch (post.State)
            {
                case QueueState.Unconfirmed:
                    return new PreflightFinding(PreflightSeverity.Error, PreflightChecks.Stuck,
                        $"Post '{post.Key}' is Unconfirmed: its create call's outcome is unknown and LinkedIn's evidence did not settle it, so no run sends it again. {post.LastError}".TrimEnd(),
                        $"Look for it in the feed of {post.Author}. If it is there: Set-LinkedInScheduledPost -Id {id} -ConfirmPublished -PostUrn <its URN>; only if it is not: Set-LinkedInScheduledPost -Id {id} -Resend. Or cancel it: Unregister-LinkedInScheduledPost -Id {id}." +
                        FirstCommentNote(post, id))
                        .About(post);
                case QueueState.Failed:
                    return new PreflightFinding(PreflightSeverity.Error, PreflightChecks.Stuck,
                        $"Post '{post.Key}' Failed after {post.Attempts.ToString(CultureInfo.InvariantCulture)} attempt(s) and was not published: {post.LastError ?? "no error was recorded"}",
                        $"Fix what the error says, then retry it: Set-LinkedInScheduledPost -Id {id} -Retry [-ScheduledAt <time>]; or cancel it: Unregister-LinkedInScheduledPost -Id {id}.")
                        .About(post);
                case QueueState.Missed:
                    return new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.Stuck,
                        $"Post '{post.Key}' was Missed: a run found it more than its -MaxLateness past its time ({TokenCheck.Time(post.ScheduledAtUtc)}) and did not post it.",
                        $"To post it after all: Set-LinkedInScheduledPost -Id {id} -Retry [-ScheduledAt <time>]; to let it go: Unregister-LinkedInScheduledPost -Id {id}. If runs are often late, check that the scheduled task (Get-LinkedInPostQueueTask) runs.")
                        .About(post);
                case QueueState.Sending when post.LeaseUntil != null && post.LeaseUntil < options.Now
                        && Runner.EvidenceWait.TooLateForAnotherLook(post, Tries(), options.Now, options.MaxLateness):
                    return new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.Stuck,
                        $"Post '{post.Key}' is Sending and no run has held it since {TokenCheck.Time(post.LeaseUntil.Value)} (the run that sent it, {post.ClaimedBy}, stopped, or its wait for evidence is over): it may or may not be on LinkedIn, and it is too late to send it again as a check (LinkedIn's duplicate check is trusted within {Hours(Runner.EvidenceResolver.DuplicateCheckMemory)} of the first try; MaxLateness {Hours(options.MaxLateness)}). The next Invoke-LinkedInPostQueue marks it Unconfirmed, unless its connection may read the author's posts back and finds it there.",
                        $"Look for it in the feed of {post.Author}; after the next run, Set-LinkedInScheduledPost -Id {id} -ConfirmPublished -PostUrn <its URN> if it is there, or -Resend if it is not.")
                        .About(post);
                case QueueState.Sending when post.LeaseUntil != null && post.LeaseUntil < options.Now && Runner.EvidenceWait.HasNoText(post):
                    return new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.Stuck,
                        $"Post '{post.Key}' is Sending and no run has held it since {TokenCheck.Time(post.LeaseUntil.Value)} (the run that sent it, {post.ClaimedBy}, stopped, or its wait for evidence is over): it may or may not be on LinkedIn, and it has no text (a reshare as it is), which LinkedIn's duplicate check does not cover. The next Invoke-LinkedInPostQueue marks it Unconfirmed, unless its connection may read the author's posts back and finds it there.",
                        $"Look for it in the feed of {post.Author}; after the next run, Set-LinkedInScheduledPost -Id {id} -ConfirmPublished -PostUrn <its URN> if it is there, or -Resend if it is not.")
                        .About(post);
                case QueueState.Sending when post.LeaseUntil != null && post.LeaseUntil < options.Now:
                    return new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.Stuck,
                        $"Post '{post.Key}' is Sending and no run has held it since {TokenCheck.Time(post.LeaseUntil.Value)} (the run that sent it, {post.ClaimedBy}, stopped, or its wait for evidence is over): it may or may not be on LinkedIn. The next Invoke-LinkedInPostQueue settles it by evidence and never posts it twice.",
                        "Check that the scheduled task (Register-LinkedInPostQueueTask) runs; Invoke-LinkedInPostQueue settles the post.")
                        .About(post);
                case QueueState.Sending when post.LeaseUntil != null:
                    // A live lease: a run is making the call now, or its call got no clear answer and the post waits for
                    // evidence until then (its last error says so). Nothing for a person yet, but worth knowing why.
                    return new PreflightFinding(PreflightSeverity.Info, PreflightChecks.Stuck,
                        $"Post '{post.Key}' is Sending until {TokenCheck.Time(post.LeaseUntil.Value)}: a run ({post.ClaimedBy}) is sending it, or its create call got no clear answer and it waits for evidence. {post.LastError}".TrimEnd(),
                        $"Nothing to do: a run after {TokenCheck.Time(post.LeaseUntil.Value)} settles it by evidence (read-back or LinkedIn's duplicate check) and never posts it twice.")
                        .About(post);
                case QueueState.Pending or QueueState.Claimed when post.ScheduledAtUtc < options.Now - options.MaxLateness:
                    return Late(post, mayHaveLanded, id,
                        $"Post '{post.Key}' was due at {TokenCheck.Time(post.ScheduledAtUtc)}, more than {Hours(options.MaxLateness)} ago: the next run marks it ");
                case QueueState.Pending or QueueState.Claimed when post.DueAtUtc - post.ScheduledAtUtc > options.MaxLateness:
                    // Deferred (a spent daily limit) or backing off past MaxLateness: lateness counts from the scheduled
                    // time, so the run that takes it then marks it Missed.
                    return Late(post, mayHaveLanded, id,
                        $"Post '{post.Key}' was scheduled for {TokenCheck.Time(post.ScheduledAtUtc)} and is deferred to {TokenCheck.Time(post.DueAtUtc)}, more than {Hours(options.MaxLateness)} later: the run then marks it ");
                case QueueState.Pending or QueueState.Claimed when post.AttemptsSinceRetry > 0
                        && Runner.EvidenceWait.ResendTooLateForDuplicateCheck(Tries(), post.AttemptsAtRetry, post.DueAtUtc > options.Now ? post.DueAtUtc : options.Now):
                    // A move (-ScheduledAt) keeps the tries: at its new time the unclear one may be older than the duplicate check remembers.
                    return new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.Stuck,
                        $"Post '{post.Key}' was tried by a create call that may have reached LinkedIn (its answer was unclear, or a read-back found nothing) more than {Hours(Runner.EvidenceResolver.DuplicateCheckMemory)} before it is due again ({TokenCheck.Time(post.DueAtUtc > options.Now ? post.DueAtUtc : options.Now)}), when LinkedIn's duplicate check may no longer reveal it: the run then marks it Unconfirmed instead of sending it.",
                        $"Look for it in the feed of {post.Author}. If it is there: Set-LinkedInScheduledPost -Id {id} -ConfirmPublished -PostUrn <its URN>; if it is not, after that run: Set-LinkedInScheduledPost -Id {id} -Resend.")
                        .About(post);
                case QueueState.Claimed when post.LeaseUntil != null && post.LeaseUntil < options.Now:
                    return new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.Stuck,
                        $"Post '{post.Key}' is Claimed and no run has held it since {TokenCheck.Time(post.LeaseUntil.Value)} (the run that took it, {post.ClaimedBy}, stopped before sending it): it is not on LinkedIn. The next Invoke-LinkedInPostQueue takes it again; the checks above apply to it as to a Pending post.",
                        "Check that the scheduled task (Get-LinkedInPostQueueTask) runs; Invoke-LinkedInPostQueue sends the post.")
                        .About(post);
                default:
                    return null;
            }
        }

        /// <summary>The Lateness warning: Missed, or Unconfirmed when a try may have reached LinkedIn (then a new time does not help).</summary>
        private static PreflightFinding Late(ScheduledPost post, Func<bool> mayHaveLanded, string id, string start)
        {
            var finding = mayHaveLanded()
                ? new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.Lateness,
                    start + "Unconfirmed instead of posting it this late: an earlier try may have reached LinkedIn (its answer was unclear, or a read-back found nothing).",
                    $"Look for it in the feed of {post.Author}; after the next run, Set-LinkedInScheduledPost -Id {id} -ConfirmPublished -PostUrn <its URN> if it is there, or -Resend if it is not.")
                : new PreflightFinding(PreflightSeverity.Warning, PreflightChecks.Lateness,
                    start + "Missed instead of posting it this late.",
                    $"Give it a new time (Set-LinkedInScheduledPost -Id {id} -ScheduledAt <time>), or run Invoke-LinkedInPostQueue with a longer -MaxLateness to post it anyway.");
            return finding.About(post);
        }

        // A person's confirm leaves the first comment to them (no run adds it after a confirm); a resend adds it itself.
        private static string FirstCommentNote(ScheduledPost post, string id)
        {
            string? comment;
            try
            {
                comment = QueuePayload.Read(post.PayloadJson).FirstComment;
            }
            catch (Errors.LinkedInQueueException)
            {
                return string.Empty; // an unreadable payload is its own finding's business, not this one's
            }
            return comment == null
                ? string.Empty
                : $" It has a first comment: after -ConfirmPublished, look for it under the post and add it if it is missing (the text: (Get-LinkedInScheduledPost -Id {id}).FirstComment), then Set-LinkedInScheduledPost -Id {id} -FirstCommentAdded; a -Resend adds it with the post.";
        }

        private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h";
    }
}
