using System.Management.Automation;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Queue
{
    /// <summary>Opens the queue a cmdlet's -Path names, the way every queue cmdlet does.</summary>
    internal static class QueueFile
    {
        /// <summary>
        /// The queue at <paramref name="path"/> (relative to the current PowerShell location, not the
        /// process's directory), else LINKEDINPOSTS_QUEUE, else queue.db in the data folder. A queue that
        /// cannot be opened is a terminating error: nothing else can run.
        /// </summary>
        public static IQueueStore Open(LinkedInCmdlet cmdlet, string? path)
        {
            var full = string.IsNullOrWhiteSpace(path) ? null : cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            try
            {
                return QueueStoreFactory.Open(new QueueStoreOptions { Path = full });
            }
            catch (LinkedInQueueException exception)
            {
                cmdlet.ThrowTerminatingError(LinkedInErrorRecords.From(exception, full ?? QueueStoreFactory.ResolvePath()));
                throw;
            }
        }
    }
}
