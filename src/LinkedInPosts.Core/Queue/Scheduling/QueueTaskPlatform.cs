namespace LinkedInPosts.Core.Queue
{
    /// <summary>The scheduler a queue task is made for.</summary>
    public enum QueueTaskPlatform
    {
        /// <summary>Windows Task Scheduler (schtasks.exe).</summary>
        TaskScheduler,

        /// <summary>cron, on Linux and macOS (the user's crontab).</summary>
        Cron,
    }
}
