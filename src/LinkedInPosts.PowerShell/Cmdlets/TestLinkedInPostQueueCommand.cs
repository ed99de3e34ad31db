using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Queue.Preflight;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Queue;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// A pre-flight of the queue, for monitoring before the posts are due: for every Pending post scheduled
    /// within -Horizon (and every overdue one), every Claimed one and every Sending one (settled by evidence, with the
    /// connection's token), it checks that the post's connection is in this OS account's
    /// token store, that its token is still valid at the post's time (and -RunInterval after it) or can be refreshed, that its scopes
    /// and page role allow the post's author, that LinkedIn still serves its API version then, that the
    /// queue's copies of the media are intact, and that each member's posts of a UTC day fit LinkedIn's
    /// daily limit (per app, as LinkedIn counts).
    /// <para>It also lists the posts that need a person (Unconfirmed, Failed, Sending or Claimed from a run that died,
    /// Missed in the last 7 days), and, as
    /// Warnings, the Published posts scheduled in the last -FirstCommentLookBack (7 days) whose first comment failed
    /// (add it by hand) or whose outcome is unknown (look at the post first). It reads only: nothing is changed and
    /// LinkedIn is not called.</para>
    /// <para>Outputs one finding per problem; when any is an Error it also writes the error LinkedInQueuePreflightFailed,
    /// so $? is $false (a command line that ends in exit [int](-not $?) then exits 1). -Quiet outputs only $true (no
    /// errors) or $false. A queue file that does not exist (a wrong -Path, LINKEDINPOSTS_QUEUE or LINKEDINPOSTS_HOME)
    /// is the terminating error LinkedInQueueNotFound, and no empty queue is created; with -Quiet it is $false and a
    /// warning.</para>
    /// </summary>
    /// <example>
    /// <code>Test-LinkedInPostQueue</code>
    /// <para>Checks the posts due in the next 24 hours and lists what would stop them.</para>
    /// </example>
    /// <example>
    /// <code>Test-LinkedInPostQueue -Horizon 7d | Where-Object Severity -eq Error | Format-List Key, ScheduledAt, Message, Fix</code>
    /// <para>Everything that would fail in the coming week, with the fix for each.</para>
    /// </example>
    /// <example>
    /// <code>pwsh -NoProfile -NonInteractive -Command 'Test-LinkedInPostQueue -Horizon 24h; exit [int](-not $?)'</code>
    /// <para>For a monitoring job run from a shell (sh, bash, cron) or a PowerShell prompt: exits 1 when a post due within a day would not go out or posts need a person. (In Task Scheduler, give the -Command text without the single quotes.)</para>
    /// </example>
    /// <example>
    /// <code>Test-LinkedInPostQueue -FirstCommentLookBack 30d | Where-Object Check -eq FirstComment | Format-List Key, Message, Fix</code>
    /// <para>The first comments of the last 30 days' posts that failed or whose outcome is unknown, with the post's address for each.</para>
    /// </example>
    /// <example>
    /// <code>Test-LinkedInPostQueue -RunInterval 1h</code>
    /// <para>For a task that runs hourly (Get-LinkedInPostQueueTask shows its Every): a post due at 09:00 may go out with the 09:59 run, so each token must last that long past it.</para>
    /// </example>
    /// <example>
    /// <code>if (-not (Test-LinkedInPostQueue -Quiet)) { Send-MailMessage -Subject 'LinkedIn queue needs attention' ... }</code>
    /// <para>Alerts on $false; -Quiet writes no error record, the value is the answer.</para>
    /// </example>
    /// <seealso cref="InvokeLinkedInPostQueueCommand"/>
    /// <seealso cref="GetLinkedInScheduledPostCommand"/>
    [Cmdlet(VerbsDiagnostic.Test, "LinkedInPostQueue", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(LinkedInQueueFinding), typeof(bool))]
    public sealed class TestLinkedInPostQueueCommand : LinkedInCmdlet
    {
        /// <summary>The only parameter set.</summary>
        public const string DefaultSet = "Default";

        /// <summary>
        /// The queue file. Default: the LINKEDINPOSTS_QUEUE environment variable, else queue.db in the data
        /// folder (LINKEDINPOSTS_HOME or the per-user folder). Relative to the current location.
        /// </summary>
        [Parameter(ParameterSetName = DefaultSet, Position = 0)]
        [Alias("QueuePath")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>
        /// How far ahead to look: Pending posts scheduled before now plus this are checked (overdue ones
        /// too). A TimeSpan, a number of seconds, or 24h, 7d, 90m. Default: 24 hours.
        /// </summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [DurationTransformation]
        public TimeSpan Horizon { get; set; } = TimeSpan.FromHours(24);

        /// <summary>
        /// The -MaxLateness the scheduled task's Invoke-LinkedInPostQueue uses, so posts it would mark Missed
        /// are reported. Default: 24 hours, as Invoke-LinkedInPostQueue's.
        /// </summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [DurationTransformation]
        public TimeSpan MaxLateness { get; set; } = TimeSpan.FromHours(24);

        /// <summary>
        /// How far back to look for first comments that need a person: Published posts scheduled within this time
        /// before now whose first comment failed, or is still being added with no run making the call (outcome
        /// unknown), are Warnings. A TimeSpan, a number of seconds, or 7d, 24h. Default: 7 days; 0 skips the check.
        /// After you add a missing comment by hand, record it with Set-LinkedInScheduledPost -Id &lt;id&gt; -FirstCommentAdded
        /// and the warning stops; otherwise the post is listed until it is older than this.
        /// </summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [DurationTransformation]
        public TimeSpan FirstCommentLookBack { get; set; } = PreflightOptions.DefaultFirstCommentLookBack;

        /// <summary>
        /// How often the scheduled task runs the queue (Get-LinkedInPostQueueTask shows its Every): a post goes out with
        /// the first run at or after its time, up to this much later, so a token that cannot be refreshed must last that
        /// long past it. A TimeSpan, a number of minutes (as -Every), or 5m, 1h. Default: 15 minutes.
        /// </summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [DurationTransformation(NumberIsMinutes = true)]
        public TimeSpan RunInterval { get; set; } = PreflightOptions.DefaultRunInterval;

        /// <summary>Outputs only $true (no Error finding) or $false, and writes no error record.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        public SwitchParameter Quiet { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            UnattendedRun.RefuseDebug(this);
            if (Horizon < TimeSpan.Zero)
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(ErrorIds.InvalidTimeout, nameof(Horizon),
                    $"-Horizon cannot be negative (it was {Horizon}); 0 checks only the posts that are due now.", Horizon));
            }
            if (MaxLateness <= TimeSpan.Zero)
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(ErrorIds.InvalidTimeout, nameof(MaxLateness),
                    $"-MaxLateness must be positive (it was {MaxLateness}).", MaxLateness));
            }
            if (RunInterval < TimeSpan.Zero)
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(ErrorIds.InvalidTimeout, nameof(RunInterval),
                    $"-RunInterval cannot be negative (it was {RunInterval}); give the scheduled task's interval, as Get-LinkedInPostQueueTask shows it.", RunInterval));
            }
            if (FirstCommentLookBack < TimeSpan.Zero)
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(ErrorIds.InvalidTimeout, nameof(FirstCommentLookBack),
                    $"-FirstCommentLookBack cannot be negative (it was {FirstCommentLookBack}); 0 skips the first comment check.", FirstCommentLookBack));
            }

            if (Quiet.IsPresent)
            {
                // -Quiet's contract is "$true or $false, no error record": a script's `if (-not (Test-LinkedInPostQueue
                // -Quiet))` must alert, which a terminating error (aborting the if) would prevent. So a queue or token
                // store that cannot be used is $false with a warning that says why, not an error.
                var quiet = QuietReport();
                WriteObject(quiet != null && !quiet.HasErrors);
                return;
            }
            var store = OpenStore();
            WarnAboutStore(store);
            // The token store is read once, before the queue is opened; either failing is a terminating error (the runner
            // could not use it either).
            var connections = Describe(store, FromStore(store, s => s.Load(), null));
            var report = Preflight(QueueFile.Open(this, Path), connections);
            WriteVerbose($"{report.PostsChecked} post(s) to be sent or settled checked; {report.Findings.Count} finding(s).");

            var queuePath = QueueAccess.ResolvePath(this, Path);
            var findings = report.Findings.Select(f => new LinkedInQueueFinding(f, queuePath)).ToList();
            foreach (var finding in findings)
            {
                WriteObject(finding);
            }
            var errors = findings.Where(f => f.Severity == PreflightSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                WriteError(PreflightFailed(errors, report));
            }
        }

        /// <summary>The pre-flight over <paramref name="queue"/> (disposed here) against the stored connections.</summary>
        private PreflightReport Preflight(Core.Queue.IQueueStore queue, List<PreflightConnection> connections)
        {
            using (queue)
            {
                WriteVerbose($"Checking the queue {queue.Location} for posts due before now + {Horizon} against {connections.Count} stored connection(s), " +
                    (FirstCommentLookBack > TimeSpan.Zero ? $"and the first comments of posts scheduled in the last {FirstCommentLookBack}." : "without first comments (-FirstCommentLookBack 0)."));
                return QueuePreflight.Run(queue, connections, new PreflightOptions
                {
                    Now = ModuleClock.Current.GetUtcNow(),
                    Horizon = Horizon,
                    MaxLateness = MaxLateness,
                    FirstCommentLookBack = FirstCommentLookBack,
                    RunInterval = RunInterval,
                    ConnectCommandFor = Reconnect.CommandForNew,
                    QueuePath = Path == null ? null : queue.Location,
                });
            }
        }

        /// <summary>For -Quiet: the report, or null (with a warning saying why) when the queue or the token store cannot be used.</summary>
        private PreflightReport? QuietReport()
        {
            var missing = QueueFile.Missing(this, Path);
            if (missing != null)
            {
                WriteWarning(missing.Exception.Message);
                return null;
            }
            try
            {
                var store = OpenStoreOrThrow();
                WarnAboutStore(store);
                var connections = Describe(store, store.Load());
                return Preflight(QueueFile.OpenExisting(this, Path), connections);
            }
            catch (Core.Errors.LinkedInException exception)
            {
                WriteWarning(exception.Message);
                return null;
            }
            catch (System.IO.FileLoadException exception) when (DependencyConflict.From(exception) is { } conflict)
            {
                WriteWarning(conflict.ErrorDetails.Message + " " + conflict.ErrorDetails.RecommendedAction);
                return null;
            }
        }

        /// <summary>Every stored connection of this OS account, described without secrets.</summary>
        private static List<PreflightConnection> Describe(LockedConnectionStore store, IReadOnlyList<StoredConnection> stored)
        {
            var plainText = !store.IsProtected;
            var described = new List<PreflightConnection>();
            foreach (var connection in stored)
            {
                var preflight = PreflightConnection.FromStored(connection, EffectiveVersion(connection), Reconnect.CommandFor(connection, plainText));
                preflight.WhyCannotPostAs = author => LinkedInSession.WhyCannotPostAs(connection, author);
                described.Add(preflight);
            }
            return described;
        }

        /// <summary>The version the connection sends; a malformed override is passed on as is, for the check to report.</summary>
        private static string? EffectiveVersion(StoredConnection stored)
        {
            try
            {
                return LinkedInApiVersion.Resolve(stored.ApiVersion);
            }
            catch (ArgumentException)
            {
                return string.IsNullOrWhiteSpace(stored.ApiVersion) ? Environment.GetEnvironmentVariable(LinkedInApiVersion.EnvironmentVariable) : stored.ApiVersion;
            }
        }

        private static ErrorRecord PreflightFailed(IReadOnlyList<LinkedInQueueFinding> errors, PreflightReport report)
        {
            var first = errors[0];
            var message = $"The queue pre-flight found {errors.Count.ToString(CultureInfo.InvariantCulture)} error(s) among the {report.PostsChecked.ToString(CultureInfo.InvariantCulture)} post(s) due before " +
                report.HorizonEnd.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) + $" and the posts that need a person. First: {first.Message}";
            return new ErrorRecord(new InvalidOperationException(message), ErrorIds.QueuePreflightFailed, ErrorCategory.InvalidResult, errors.ToArray())
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = (first.Fix ?? "See the findings.") + " The findings (Severity Error) list every problem with its fix.",
                },
            };
        }
    }
}
