using System.IO;
using System.Management.Automation;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Queue
{
    /// <summary>Opens the existing queue a cmdlet's -Path names: every queue cmdlet but Register, which creates it.</summary>
    internal static class QueueFile
    {
        /// <summary>
        /// The existing queue at <paramref name="path"/> (relative to the current PowerShell location, not
        /// the process's directory), else LINKEDINPOSTS_QUEUE, else queue.db in the data folder. A queue that
        /// cannot be opened is a terminating error: nothing else can run. So is a queue file that does not
        /// exist: only Register-LinkedInScheduledPost creates one, so that a scheduled task with a wrong
        /// -Path or LINKEDINPOSTS_HOME fails (and monitoring alerts) instead of running an empty new queue.
        /// </summary>
        public static IQueueStore Open(LinkedInCmdlet cmdlet, string? path, string parameter = "-Path")
        {
            var missing = Missing(cmdlet, path, parameter);
            if (missing != null)
            {
                cmdlet.ThrowTerminatingError(missing);
            }
            try
            {
                return OpenExisting(cmdlet, path);
            }
            catch (LinkedInQueueException exception)
            {
                var full = string.IsNullOrWhiteSpace(path) ? null : cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                cmdlet.ThrowTerminatingError(LinkedInErrorRecords.From(exception, QueueStoreFactory.ResolvePath(new QueueStoreOptions { Path = full })));
                throw;
            }
        }

        /// <summary>
        /// <see cref="Open"/> for a caller that reports a failure its own way (Test-LinkedInPostQueue -Quiet): the
        /// queue <paramref name="path"/> names, opened; a file that cannot be opened is a <see cref="LinkedInQueueException"/>.
        /// Check <see cref="Missing"/> first: this would create a queue that does not exist.
        /// </summary>
        public static IQueueStore OpenExisting(LinkedInCmdlet cmdlet, string? path)
        {
            var full = string.IsNullOrWhiteSpace(path) ? null : cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            return QueueStoreFactory.Open(new QueueStoreOptions { Path = full });
        }

        /// <summary>
        /// The LinkedInQueueNotFound record when the queue file <paramref name="path"/> names (or the default
        /// one) does not exist; null when it does. <paramref name="parameter"/> is how the message names the
        /// parameter that gave the path (Export's is -QueuePath).
        /// </summary>
        public static ErrorRecord? Missing(LinkedInCmdlet cmdlet, string? path, string parameter = "-Path")
        {
            var full = string.IsNullOrWhiteSpace(path) ? null : cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            var location = QueueStoreFactory.ResolvePath(new QueueStoreOptions { Path = full });
            return File.Exists(location) ? null : NotFound(location, full != null ? parameter : null);
        }

        /// <summary>The queue file does not exist: says which path was looked at, how it was chosen, and the fix.</summary>
        private static ErrorRecord NotFound(string location, string? parameter)
        {
            string how;
            if (parameter != null)
            {
                how = "named by " + parameter;
            }
            else if (!string.IsNullOrWhiteSpace(System.Environment.GetEnvironmentVariable(QueueStoreOptions.QueueVariable)))
            {
                how = $"named by the {QueueStoreOptions.QueueVariable} environment variable";
            }
            else if (!string.IsNullOrWhiteSpace(System.Environment.GetEnvironmentVariable(DataFolder.HomeVariable)))
            {
                how = $"{QueueStoreOptions.DefaultFileName} in the data folder named by {DataFolder.HomeVariable}";
            }
            else
            {
                how = $"{QueueStoreOptions.DefaultFileName} in this account's data folder (no -Path, {QueueStoreOptions.QueueVariable} or {DataFolder.HomeVariable} given)";
            }
            var message = $"There is no queue file {location} ({how}): no post was ever registered there, so there is nothing to read, change or run; no empty queue was created.";
            return new ErrorRecord(new ItemNotFoundException(message), ErrorIds.QueueNotFound, ErrorCategory.ObjectNotFound, location)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Register posts first (Register-LinkedInScheduledPost creates the queue), or correct the path: " + (parameter ?? "-Path") + ", " +
                        $"{QueueStoreOptions.QueueVariable} or {DataFolder.HomeVariable} as the account that registered them has it (the scheduled task's command line must match).",
                },
            };
        }
    }
}
