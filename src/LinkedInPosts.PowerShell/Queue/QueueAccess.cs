using System;
using System.Management.Automation;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Queue
{
    /// <summary>
    /// What the scheduled-post cmdlets share about the queue file: where it is (-Path, relative to the
    /// PowerShell location; else LINKEDINPOSTS_QUEUE; else queue.db in the data folder) and opening it, where
    /// a queue that cannot be used stops the cmdlet (every further input would fail the same way).
    /// </summary>
    internal static class QueueAccess
    {
        /// <summary>The full path of the queue file -Path names (or the default one).</summary>
        public static string ResolvePath(PSCmdlet cmdlet, string? path) =>
            QueueStoreFactory.ResolvePath(new QueueStoreOptions
            {
                Path = string.IsNullOrWhiteSpace(path) ? null : cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path),
            });

        /// <summary>
        /// <paramref name="text"/> (a message or fix that suggests commands) with <c>-Path '&lt;queue&gt;'</c> after each queue
        /// command it names, when <paramref name="queuePath"/> is not the queue those commands open by default: copied as
        /// written, they must reach this queue, not another post with the same id in the default one.
        /// </summary>
        public static string ForQueue(PSCmdlet cmdlet, string text, string queuePath) =>
            string.Equals(ResolvePath(cmdlet, null), queuePath, StringComparison.Ordinal) ? text : SuggestedCommands.WithQueue(text, queuePath)!;

        /// <summary>
        /// Opens (creating when needed) the queue, for Register and for Export once it has checked the file exists;
        /// a queue that cannot be used is a terminating error. The other queue cmdlets open only an existing queue:
        /// <see cref="QueueFile.Open"/>.
        /// </summary>
        public static IQueueStore Open(PSCmdlet cmdlet, string? path)
        {
            var full = ResolvePath(cmdlet, path);
            try
            {
                return QueueStoreFactory.Open(new QueueStoreOptions { Path = full });
            }
            catch (LinkedInQueueException exception)
            {
                cmdlet.ThrowTerminatingError(LinkedInErrorRecords.From(exception, full));
                throw;
            }
            catch (System.IO.FileLoadException exception) when (DependencyConflict.From(exception) is { } conflict)
            {
                cmdlet.ThrowTerminatingError(conflict);
                throw;
            }
        }

        /// <summary>No post with this id in the queue.</summary>
        public static ErrorRecord NotFound(long id, string queuePath) =>
            new ErrorRecord(
                new ItemNotFoundException($"There is no scheduled post with id {id} in the queue {queuePath}. Get-LinkedInScheduledPost lists the posts (and -Path names another queue)."),
                ErrorIds.ScheduledPostNotFound,
                ErrorCategory.ObjectNotFound,
                id);

        /// <summary>
        /// A change the post's state refuses: Claimed/Sending (a runner has it) is Busy, anything else WrongState.
        /// <paramref name="named"/> makes the command it suggests name the queue (<see cref="ForQueue"/>).
        /// </summary>
        public static ErrorRecord Refused(long id, QueueState state, string what, string allowed, object? target, Func<string, string> named)
        {
            var busy = state == QueueState.Claimed || state == QueueState.Sending;
            var message = busy
                ? $"Scheduled post {id} is {state}: a queue runner is publishing it, or its create call's outcome is not known yet and a later run settles it by evidence, so it cannot be {what}. " +
                  named("Get-LinkedInScheduledPost -Id " + id + " shows its state and, in LastError, when a run looks again; try again once it is no longer " + state + ".")
                : $"Scheduled post {id} is {state}, so it cannot be {what}; only {allowed} posts can.";
            return new ErrorRecord(
                new InvalidOperationException(message),
                busy ? ErrorIds.ScheduledPostBusy : ErrorIds.ScheduledPostWrongState,
                busy ? ErrorCategory.ResourceBusy : ErrorCategory.InvalidOperation,
                target ?? id);
        }
    }
}
