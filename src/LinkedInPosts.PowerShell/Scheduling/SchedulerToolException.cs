using System;
using System.Management.Automation;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Scheduling
{
    /// <summary>schtasks.exe or crontab could not be run, or refused: becomes LinkedInQueueTaskSchedulerFailed.</summary>
    internal sealed class SchedulerToolException : Exception
    {
        public SchedulerToolException(string message, bool missing)
            : base(message)
        {
            Missing = missing;
        }

        /// <summary>The tool is not installed (ResourceUnavailable) rather than failing (InvalidResult).</summary>
        public bool Missing { get; }

        public ErrorRecord ToErrorRecord(object? target) =>
            new ErrorRecord(this, ErrorIds.QueueTaskSchedulerFailed, Missing ? ErrorCategory.ResourceUnavailable : ErrorCategory.InvalidResult, target);
    }
}
