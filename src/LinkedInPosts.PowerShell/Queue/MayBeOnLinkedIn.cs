using System;
using System.Globalization;
using System.Management.Automation;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Queue
{
    /// <summary>
    /// A post a run tried since its last re-arm with a create call that may have reached LinkedIn (no answer, a 5xx, a
    /// read-back that found nothing). Only LinkedIn's duplicate check, which matches the same text within about a day,
    /// then stands between it and a second post: a change of what it posts (Set-LinkedInScheduledPost -Text, -Media,
    /// Register-LinkedInScheduledPost -Force) or a -Retry that counts the call as settled would slip past it, so they ask,
    /// or refuse, with what the person checks first.
    /// </summary>
    internal static class MayBeOnLinkedIn
    {
        /// <summary>The warning when -Force took it as checked that the post is not on LinkedIn (written once the change applied).</summary>
        public static string ForcedWarning(ScheduledPost post, DateTimeOffset firstCall, string outcome) =>
            "Scheduled post " + Id(post.Id) + ": -Force took it as checked that the post is not on LinkedIn (" + CallOf(firstCall) + "); " + outcome;

        /// <summary>The question before an edit of what the post posts (Set-LinkedInScheduledPost -Text, -Media, -AltText, -Title).</summary>
        public static string EditQuestion(ScheduledPost post, DateTimeOffset firstCall) =>
            Risk(post.Id, CallOf(firstCall)) +
            " Changed, it would go out a second time if it is there: LinkedIn's duplicate check recognizes the same text only. " +
            Check(post.Id, post.Author) + " Change it?";

        /// <summary>The question before a -Retry, which counts the earlier calls as settled.</summary>
        public static string RetryQuestion(ScheduledPost post, DateTimeOffset firstCall) =>
            Risk(post.Id, CallOf(firstCall)) +
            " Retried, it is sent as a new post, which LinkedIn's duplicate check (it remembers about a day) may not recognize. " +
            "Retry it only if you checked the recent posts of " + post.Author + " (Get-LinkedInPost -Author " + post.Author + ") and it is not there; " +
            "if it is, Set-LinkedInScheduledPost -Id " + Id(post.Id) + " -ConfirmPublished -PostUrn <its URN> records it as published. Retry it?";

        /// <summary>
        /// The warning after a move to a time more than a day after such a call: LinkedIn's duplicate check may then no longer
        /// reveal it, so the run at the new time marks the post Unconfirmed instead of sending it.
        /// </summary>
        public static string MovedPastDuplicateCheck(ScheduledPost post, DateTimeOffset firstCall) =>
            Risk(post.Id, CallOf(firstCall)) + " At its new time that call is more than " + DurationText.Describe(QueueAttempt.DuplicateCheckMemory) +
            " old, when LinkedIn's duplicate check may no longer reveal it, so the run then marks it Unconfirmed instead of sending it. " +
            "Look at the recent posts of " + post.Author + " (Get-LinkedInPost -Author " + post.Author + "): if it is there, Set-LinkedInScheduledPost -Id " +
            Id(post.Id) + " -ConfirmPublished -PostUrn <its URN>; if it is not, Set-LinkedInScheduledPost -Id " + Id(post.Id) + " -Resend once that run has marked it.";

        /// <summary>The warning for a post Export-LinkedInScheduledPost writes Unconfirmed, not in its state (<see cref="ScheduledPostColumns.From"/>).</summary>
        public static string ExportedUnconfirmed(ScheduledPost post, DateTimeOffset firstCall) =>
            "Scheduled post " + Id(post.Id) + " (" + post.Key + ") is exported as Unconfirmed, not " + post.State + ": " + CallOf(firstCall) +
            ", and registered from the export (without its attempts) it would be sent as a new post, which could go out twice. Register skips it. " +
            "Look at the recent posts of " + post.Author + " (Get-LinkedInPost -Author " + post.Author + "); only if it is not there, write " +
            post.State + " in its State cell (or clear it) before registering the file.";

        /// <summary>The warning after Unregister-LinkedInScheduledPost cancelled such a post: the queue no longer sends it, but it may be out.</summary>
        public static string CancelledWarning(ScheduledPost post, DateTimeOffset firstCall) =>
            Risk(post.Id, CallOf(firstCall)) + " Cancelled, it is not sent again, and not removed from LinkedIn if it is there: look at the recent posts of " +
            post.Author + " (Get-LinkedInPost -Author " + post.Author + ") before you post its text again (Remove-LinkedInPost removes one that is there; " +
            "Set-LinkedInScheduledPost -Id " + Id(post.Id) + " -ConfirmPublished -PostUrn <its URN> records it).";

        /// <summary>
        /// The store refused a change of what the post posts (<see cref="RegistrationOutcome.MayAlreadyBePosted"/>);
        /// <paramref name="why"/> is the store's reason, which says when the call was made.
        /// </summary>
        public static ErrorRecord NotUpdated(long id, string author, string? why, object? target, Func<string, string> named)
        {
            var (message, fix) = NotUpdatedText(id, author, why, named);
            return new ErrorRecord(new InvalidOperationException(message), ErrorIds.ScheduledPostMayBePosted, ErrorCategory.InvalidOperation, target ?? id)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = fix },
            };
        }

        /// <summary>The message and recommended action of <see cref="NotUpdated"/>, for a row error of Register-LinkedInScheduledPost -Force.</summary>
        /// <param name="id">The post.</param>
        /// <param name="author">Its author.</param>
        /// <param name="why">The store's reason.</param>
        /// <param name="named">Makes the commands it suggests name the queue (<see cref="QueueAccess.ForQueue"/>).</param>
        public static (string Message, string Fix) NotUpdatedText(long id, string author, string? why, Func<string, string> named)
        {
            var fix = Check(id, author) + " Only if it is not there: change its text, media, alt text or title with Set-LinkedInScheduledPost -Id " + Id(id) +
                " … -Force; for another connection, visibility or first comment, Unregister-LinkedInScheduledPost -Id " + Id(id) + " and register the row under a new Key.";
            var message = Risk(id, why ?? "a run's create call may have reached LinkedIn") +
                " Its new content was not stored: sent with another text, connection or content, it would go out a second time if it is there. " + fix;
            return (named(message), named(fix));
        }

        /// <summary>"a run's create call of &lt;time&gt; may have reached LinkedIn".</summary>
        public static string CallOf(DateTimeOffset at) => "a run's create call of " + Local(at) + " may have reached LinkedIn";

        private static string Risk(long id, string callMayHaveReached) =>
            "Scheduled post " + Id(id) + " may already be on LinkedIn: " + callMayHaveReached + ", and the run could not tell.";

        private static string Check(long id, string author) =>
            "Look at the recent activity of " + author + " on LinkedIn (Get-LinkedInPost -Author " + author + " lists it where the app was granted r_member_social). " +
            "If it is there, record it: Set-LinkedInScheduledPost -Id " + Id(id) + " -ConfirmPublished -PostUrn <its URN> (or leave the scheduled post as it is, " +
            "resumed if Held: the next run records it as published when LinkedIn names it a duplicate, or, a day after that call, marks it Unconfirmed). " +
            "Change the post on LinkedIn (Set-LinkedInPost) only once the scheduled post shows Published: changed before, the duplicate check no longer " +
            "recognizes it and a run posts it again.";

        private static string Local(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

        private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
    }
}
