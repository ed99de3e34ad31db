using System;
using System.Globalization;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.PowerShell.Scheduling
{
    /// <summary>
    /// A scheduled run of the queue as Register- and Unregister-LinkedInPostQueueTask describe it: what runs,
    /// how often, as whom, and whether it is installed in the scheduler.
    /// </summary>
    public sealed class LinkedInPostQueueTask
    {
        internal LinkedInPostQueueTask(string name, QueueTaskPlatform platform)
        {
            Name = name;
            Platform = platform;
        }

        /// <summary>The task's name (Task Scheduler's task name, or the marker of the crontab line).</summary>
        public string Name { get; }

        /// <summary>TaskScheduler on Windows, Cron on Linux and macOS.</summary>
        public QueueTaskPlatform Platform { get; }

        /// <summary>How often the queue runs.</summary>
        public TimeSpan Every { get; internal set; }

        /// <summary>The schedule as the scheduler reads it: a crontab schedule (<c>*/5 * * * *</c>) or a Task Scheduler repetition (<c>PT5M</c>).</summary>
        public string? Schedule { get; internal set; }

        /// <summary>The command each run executes.</summary>
        public string? CommandLine { get; internal set; }

        /// <summary>The whole crontab line (Cron only).</summary>
        public string? CrontabLine { get; internal set; }

        /// <summary>The Task Scheduler XML (TaskScheduler only).</summary>
        public string? TaskXml { get; internal set; }

        /// <summary>How to install it by hand: the shell command that adds the crontab line, or the schtasks command.</summary>
        public string? InstallCommand { get; internal set; }

        /// <summary>The account the runs use.</summary>
        public string? RunsAs { get; internal set; }

        /// <summary>The queue file passed to Invoke-LinkedInPostQueue -Path; empty for its default.</summary>
        public string? QueuePath { get; internal set; }

        /// <summary>Where a cron run's output goes (Cron only).</summary>
        public string? LogPath { get; internal set; }

        /// <summary>True when the scheduler has it (after Register with the change made); false for a plan or after Unregister.</summary>
        public bool Installed { get; internal set; }

        /// <inheritdoc />
        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0}: every {1} ({2}, {3})", Name, Every, Platform, Installed ? "installed" : "not installed");
    }
}
