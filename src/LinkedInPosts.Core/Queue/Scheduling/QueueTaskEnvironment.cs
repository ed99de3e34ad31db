using System;
using System.IO;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// What of the registering session's environment a scheduled run needs to see the same data folder,
    /// queue and LinkedIn API version. A scheduler starts the run with its own environment (cron's is almost
    /// empty), so anything that chose them here must go with the task.
    /// </summary>
    public static class QueueTaskEnvironment
    {
        /// <summary>
        /// Sets on <paramref name="request"/>: <c>LINKEDINPOSTS_HOME</c> always, as the data folder this session
        /// resolves (whatever chose it: LINKEDINPOSTS_HOME, XDG_DATA_HOME, HOME or LOCALAPPDATA, none of which
        /// the scheduler is sure to have); <c>LINKEDINPOSTS_QUEUE</c> as a full path when set and the request
        /// names no queue; <c>LINKEDINPOSTS_API_VERSION</c> when set (a user told to set it after a version was
        /// sunset would otherwise see every scheduled run still fail).
        /// </summary>
        /// <param name="request">The task being built; its <see cref="QueueTaskRequest.QueuePath"/> is read.</param>
        /// <param name="environment">This session's environment (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
        public static void CarryOver(QueueTaskRequest request, Func<string, string?> environment)
        {
            request.Environment[DataFolder.HomeVariable] = DataFolder.Resolve(environment);
            var queue = environment(QueueStoreOptions.QueueVariable);
            if (request.QueuePath == null && !string.IsNullOrWhiteSpace(queue))
            {
                request.Environment[QueueStoreOptions.QueueVariable] = Path.GetFullPath(queue!.Trim());
            }
            var version = environment(LinkedInApiVersion.EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(version))
            {
                // Trimmed, as LinkedInApiVersion.Resolve reads it; a malformed one fails the run as it fails here.
                request.Environment[LinkedInApiVersion.EnvironmentVariable] = version!.Trim();
            }
        }
    }
}
