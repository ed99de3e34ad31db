using System;
using System.Globalization;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.PowerShell.Scheduling
{
    /// <summary>
    /// A scheduled run of the queue as Register-, Get- and Unregister-LinkedInPostQueueTask describe it: what runs,
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

        /// <summary>How often the queue runs; null for a task whose schedule was changed by hand to something other than a repetition.</summary>
        public TimeSpan? Every { get; internal set; }

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

        /// <summary>True when the scheduler has it (after Register with the change made, and from Get); false for a plan or after Unregister.</summary>
        public bool Installed { get; internal set; }

        /// <summary>The task as Get-LinkedInPostQueueTask reads it back from the scheduler.</summary>
        internal static LinkedInPostQueueTask FromScheduler(InstalledQueueTask task, QueueTaskPlatform platform) =>
            new LinkedInPostQueueTask(task.Name, platform)
            {
                Every = task.Interval,
                Schedule = task.Schedule,
                CommandLine = task.CommandLine,
                CrontabLine = task.CrontabLine,
                TaskXml = task.TaskXml,
                RunsAs = task.UserId ?? OsAccount.Current,
                QueuePath = task.QueuePath,
                LogPath = task.LogPath,
                Installed = true,
            };

        /// <inheritdoc />
        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0}: {1} ({2}, {3})", Name, Every is { } every ? "every " + every.ToString("c", CultureInfo.InvariantCulture) : Schedule, Platform, Installed ? "installed" : "not installed");
    }
}
