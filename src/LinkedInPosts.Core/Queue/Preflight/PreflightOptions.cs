using System;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>What the pre-flight looks at and the limits it judges by.</summary>
    public sealed class PreflightOptions
    {
        /// <summary>LinkedIn's published daily limit of calls per member and app (Share on LinkedIn: 150).</summary>
        public const int DefaultMemberDailyLimit = 150;

        /// <summary>The time the checks are made at.</summary>
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        /// <summary>Posts scheduled before <see cref="Now"/> + this are checked (default 24 hours).</summary>
        public TimeSpan Horizon { get; set; } = TimeSpan.FromHours(24);

        /// <summary>The runner's MaxLateness: a post overdue by more is marked Missed (default 24 hours).</summary>
        public TimeSpan MaxLateness { get; set; } = TimeSpan.FromHours(24);

        /// <summary>
        /// Published posts scheduled within this time before <see cref="Now"/> are checked for a first comment that
        /// failed or whose outcome is unknown (default 7 days: a weekly look still sees each one, and one a person has
        /// dealt with stops being listed after a week; a problem older than that has long been seen or is moot).
        /// <see cref="TimeSpan.Zero"/> skips the check.
        /// </summary>
        public TimeSpan FirstCommentLookBack { get; set; } = DefaultFirstCommentLookBack;

        /// <summary>The default <see cref="FirstCommentLookBack"/>: 7 days.</summary>
        public static readonly TimeSpan DefaultFirstCommentLookBack = TimeSpan.FromDays(7);

        /// <summary>
        /// Missed posts (a run found them more than MaxLateness past their time) scheduled within this time before
        /// <see cref="Now"/> are listed (default 7 days, as <see cref="FirstCommentLookBack"/>: a weekly look sees each
        /// one, and one a person has let go stops being listed). <see cref="TimeSpan.Zero"/> lists none.
        /// </summary>
        public TimeSpan MissedLookBack { get; set; } = TimeSpan.FromDays(7);

        /// <summary>
        /// The runner's lease (default <see cref="Runner.QueueRunOptions.DefaultLease"/>, what Invoke-LinkedInPostQueue
        /// uses): a first comment still Adding longer than this after its post was recorded Published is no longer
        /// being added by any run (<see cref="FirstCommentCheck"/>).
        /// </summary>
        public TimeSpan RunnerLease { get; set; } = Runner.QueueRunOptions.DefaultLease;

        /// <summary>
        /// How long after its time a run may send a post: the scheduled task's interval (a post due at 09:00 goes out
        /// with the first run at or after 09:00), with a video's upload in it. A token that cannot be refreshed must last
        /// that long past the post's time (default 15 minutes).
        /// </summary>
        public TimeSpan RunInterval { get; set; } = DefaultRunInterval;

        /// <summary>The default <see cref="RunInterval"/>: 15 minutes.</summary>
        public static readonly TimeSpan DefaultRunInterval = TimeSpan.FromMinutes(15);

        /// <summary>Calls LinkedIn allows one member per UTC day (default 150; the sandbox's default too).</summary>
        public int MemberDailyLimit { get; set; } = DefaultMemberDailyLimit;

        /// <summary>A day that uses more than this share of <see cref="MemberDailyLimit"/> is a warning (default 0.8).</summary>
        public double BudgetWarningShare { get; set; } = 0.8;

        /// <summary>A connection that ends (no refresh) within this time of now is a warning even if no post is hit yet (default 7 days, as the cmdlets warn).</summary>
        public TimeSpan ExpiryWarning { get; set; } = TimeSpan.FromDays(7);

        /// <summary>An API version whose estimated sunset is within this time of now is a warning (default 60 days: time to plan the connection's update).</summary>
        public TimeSpan VersionWarning { get; set; } = TimeSpan.FromDays(60);

        /// <summary>
        /// The command that makes a connection that does not exist yet, for the fix of a missing connection
        /// (the PowerShell layer gives its full Connect-LinkedIn line).
        /// </summary>
        public Func<string, string> ConnectCommandFor { get; set; } = name => "Connect-LinkedIn -Name " + name;

        /// <summary>
        /// The queue the user named (<c>-Path</c>), full path: the commands a finding's fix suggests name it too. Null for
        /// the default queue, whose commands need no <c>-Path</c>.
        /// </summary>
        public string? QueuePath { get; set; }

        /// <summary>The most posts read per state (a queue with more due within the horizon is reported as such).</summary>
        public int MaxPosts { get; set; } = 100_000;
    }
}
