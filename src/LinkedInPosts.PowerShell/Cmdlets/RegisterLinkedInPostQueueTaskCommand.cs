using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Scheduling;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Schedules Invoke-LinkedInPostQueue to run every few minutes as the current user, with this session's
    /// PowerShell and this module's files. On Windows it registers a Task Scheduler task (through
    /// schtasks.exe and Task Scheduler XML); on Linux and macOS it makes the crontab line, and with -Install
    /// adds it to the user's crontab, keeping every other line. Outputs the task it made or would make.
    /// </summary>
    /// <remarks>
    /// The Windows task runs only while the user is logged on (LogonType InteractiveToken): the connection's
    /// tokens are protected with DPAPI, which a task that runs without the user's logon (S4U) cannot read.
    /// A path with a '%' is refused there: Task Scheduler expands %NAME% in the task's command line.
    /// cron starts its runs outside the desktop session: -AllowPlainTextTokenFile puts
    /// LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS=1 on the line, and when this session's connections are in a Linux
    /// keyring the line names the per-user session bus (DBUS_SESSION_BUS_ADDRESS), so the runs reach the
    /// keyring while the user is logged in. A warning says when the runs would not find the connections.
    /// This session's data folder is always passed on as LINKEDINPOSTS_HOME (however it was chosen, e.g. by
    /// XDG_DATA_HOME), and LINKEDINPOSTS_QUEUE (without -Path) and LINKEDINPOSTS_API_VERSION when set, so the
    /// runs see the same data folder, queue and LinkedIn API version as this session.
    /// </remarks>
    /// <example>
    /// <code>Register-LinkedInPostQueueTask -Every 5m</code>
    /// <para>Windows: registers the task 'LinkedInPosts queue'. Linux/macOS: outputs the crontab line and the command that installs it.</para>
    /// </example>
    /// <example>
    /// <code>Register-LinkedInPostQueueTask -Every 15m -AllowPlainTextTokenFile -Install</code>
    /// <para>Linux without a Secret Service: adds the line to your crontab, with the plain-text token file opted in.</para>
    /// </example>
    /// <example>
    /// <code>Register-LinkedInPostQueueTask -Every 1h -Name 'Marketing queue' -Path /srv/marketing/queue.db -Install -Force</code>
    /// <para>A second queue on its own schedule; -Force replaces an earlier line or task of that name.</para>
    /// </example>
    /// <example>
    /// <code>Register-LinkedInPostQueueTask -Every 5m -WhatIf</code>
    /// <para>Shows the task (or crontab line) without registering anything.</para>
    /// </example>
    /// <seealso cref="InvokeLinkedInPostQueueCommand"/>
    [Cmdlet(VerbsLifecycle.Register, "LinkedInPostQueueTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(LinkedInPostQueueTask))]
    public sealed class RegisterLinkedInPostQueueTaskCommand : LinkedInCmdlet
    {
        /// <summary>The only parameter set.</summary>
        public const string DefaultSet = "Default";

        /// <summary>
        /// How often the queue runs: 5m, 15m, 1h, 1d, a TimeSpan, or a number of minutes (-Every 60 is hourly;
        /// unlike -MaxLateness, where a number is seconds); from 1 minute to 1 day, in whole minutes. Cron
        /// takes only intervals that repeat evenly: minutes that divide 60 (1m ... 30m) and hours that divide
        /// 24 (1h ... 24h).
        /// </summary>
        /// <example><code>-Every 5m</code></example>
        /// <example><code>-Every 15</code></example>
        /// <example><code>-Every (New-TimeSpan -Minutes 10)</code></example>
        [Parameter(Mandatory = true, Position = 0)]
        [DurationTransformation(Noun = "an interval", Examples = "5m, 15m, 1h or 1d", NumberIsMinutes = true)]
        public TimeSpan Every { get; set; }

        /// <summary>
        /// The task's name, which Unregister-LinkedInPostQueueTask takes to remove it. Letters, digits, spaces,
        /// '.', '_', '-', '(' and ')'. Default: 'LinkedInPosts queue'.
        /// </summary>
        /// <example><code>-Name 'Marketing queue'</code></example>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = QueueTaskRequest.DefaultName;

        /// <summary>
        /// The queue file the runs work on (passed to Invoke-LinkedInPostQueue -Path), relative to the current
        /// location. Default: the queue's own default (LINKEDINPOSTS_QUEUE, else queue.db in the data folder).
        /// </summary>
        /// <example><code>-Path ./marketing.db</code></example>
        [Parameter]
        [Alias("QueuePath")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>
        /// How late a post may go out before the runs mark it Missed instead (Invoke-LinkedInPostQueue
        /// -MaxLateness; e.g. 6h, 90m or a TimeSpan; a plain number is seconds, unlike -Every). Default:
        /// Invoke-LinkedInPostQueue's, 24 hours. Shorter than -Every it warns: a post due just after a run would be Missed.
        /// </summary>
        /// <example><code>-MaxLateness 6h</code></example>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? MaxLateness { get; set; }

        /// <summary>How many tries a retryable failure gets in the runs before the post is Failed (Invoke-LinkedInPostQueue -MaxAttempts). Default: Invoke-LinkedInPostQueue's, 5.</summary>
        /// <example><code>-MaxAttempts 3</code></example>
        [Parameter]
        [ValidateRange(1, 100)]
        public int? MaxAttempts { get; set; }

        /// <summary>
        /// Linux and macOS: adds the line to your crontab (read with crontab -l, written with crontab -),
        /// replacing an earlier line of the same name only with -Force. Without it the line is only output.
        /// On Windows the task is always registered, so this changes nothing there.
        /// </summary>
        /// <example><code>-Install</code></example>
        [Parameter]
        public SwitchParameter Install { get; set; }

        /// <summary>
        /// Sets LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS=1 for the runs, for a connection made with
        /// Connect-LinkedIn -AllowPlainTextTokenFile: where no keyring exists, or for runs that must not depend on
        /// your login (cron reaches a keyring only through your login's session bus).
        /// </summary>
        /// <example><code>-AllowPlainTextTokenFile</code></example>
        [Parameter]
        public SwitchParameter AllowPlainTextTokenFile { get; set; }

        /// <summary>Replaces a task or crontab line of the same name.</summary>
        /// <example><code>-Force</code></example>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// The PowerShell executable the runs use. Default: this session's (pwsh, or powershell.exe for Windows
        /// PowerShell). Give it to schedule PowerShell 7 from Windows PowerShell, or from a host that embeds PowerShell. A bare
        /// name (pwsh, pwsh.exe) is looked up on PATH; the file must exist (LinkedInPowerShellExecutableNotFound otherwise).
        /// </summary>
        /// <example><code>-PowerShellPath 'C:\Program Files\PowerShell\7\pwsh.exe'</code></example>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PowerShellPath { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var request = BuildRequest();
            if (MaxLateness is { } lateness && lateness < Every)
            {
                // A post due just after a run waits up to -Every for the next one; later than -MaxLateness by then, it is Missed.
                WriteWarning($"-MaxLateness {lateness} is shorter than -Every {Every}: a post due just after a run is more than -MaxLateness late " +
                    "when the next run starts, and is marked Missed instead of posted. Give -MaxLateness with a unit, at least the interval (a plain number is seconds there, minutes in -Every): -MaxLateness 2h.");
            }
            var platform = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? QueueTaskPlatform.TaskScheduler : QueueTaskPlatform.Cron;
            try
            {
                WriteObject(platform == QueueTaskPlatform.TaskScheduler ? RegisterWindowsTask(request) : RegisterCrontabLine(request));
            }
            catch (LinkedInValidationException exception)
            {
                // The value the error is about: the interval, the lateness or attempts limit, or else the task's name.
                object target = exception.Field switch
                {
                    QueueTaskInterval.Field => Every,
                    nameof(MaxLateness) => MaxLateness!,
                    nameof(MaxAttempts) => MaxAttempts!,
                    _ => Name,
                };
                ThrowTerminatingError(LinkedInErrorRecords.From(exception, target));
            }
            catch (ArgumentException exception)
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(ErrorIds.InvalidQueueTaskPath, nameof(Path), exception.Message, request.QueuePath ?? request.PowerShellPath, exception));
            }
            catch (SchedulerToolException exception)
            {
                ThrowTerminatingError(exception.ToErrorRecord(Name));
            }
        }

        /// <summary>
        /// The full path of -PowerShellPath: a bare name (pwsh, pwsh.exe) is looked up on PATH, as a shell finds a command,
        /// not taken for a file in the current folder; and it must exist, or every scheduled run would fail where nobody looks.
        /// </summary>
        private string GivenPowerShell(string given)
        {
            var bare = given.IndexOfAny(new[] { '/', '\\' }) < 0 && given != "." && given != "..";
            var path = bare
                ? InvokeCommand.GetCommand(given, CommandTypes.Application)?.Source
                : SessionState.Path.GetUnresolvedProviderPathFromPSPath(given);
            if (path == null || !File.Exists(path))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new FileNotFoundException(bare
                        ? $"-PowerShellPath '{given}' is not a command on PATH, so the scheduled runs could not start it. Give its full path (Get-Command pwsh | Select-Object Source)."
                        : $"-PowerShellPath '{path}' {(Directory.Exists(path) ? "is a folder, not the PowerShell executable" : "does not exist")}, so the scheduled runs could not start it. " +
                          "Give the full path of pwsh or powershell.exe (Get-Command pwsh | Select-Object Source).", path ?? given),
                    ErrorIds.PowerShellExecutableNotFound, ErrorCategory.ObjectNotFound, given));
            }
            return path!;
        }

        private QueueTaskRequest BuildRequest()
        {
            var powerShell = PowerShellPath != null ? GivenPowerShell(PowerShellPath) : QueueRunnerLocations.CurrentPowerShell(this);
            if (powerShell == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("This PowerShell host is not pwsh or powershell.exe, and $PSHOME has neither, so it is not known which PowerShell the scheduled runs should start. Give it with -PowerShellPath."),
                    ErrorIds.PowerShellExecutableNotFound, ErrorCategory.ObjectNotFound, null));
            }
            var manifest = QueueRunnerLocations.ModuleManifest(this);
            if (manifest == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"{QueueRunnerLocations.ManifestFileName} is not next to the loaded module, so a scheduled run could not import it. Import the module from its folder (Import-Module <folder>/{QueueRunnerLocations.ManifestFileName}) and register again."),
                    ErrorIds.ModuleManifestNotFound, ErrorCategory.ObjectNotFound, null));
            }
            var request = new QueueTaskRequest
            {
                Name = Name,
                PowerShellPath = powerShell!,
                ModuleManifestPath = manifest!,
                QueuePath = Path == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path),
                Interval = Every,
                MaxLateness = MaxLateness,
                MaxAttempts = MaxAttempts,
            };
            if (AllowPlainTextTokenFile.IsPresent)
            {
                request.Environment[ConnectionStoreOptions.AllowPlainTextVariable] = "1";
            }
            // A scheduler does not start with this session's environment: the data folder, queue and API
            // version chosen here are passed on, so the runs use the same ones.
            QueueTaskEnvironment.CarryOver(request, Environment.GetEnvironmentVariable);
            return request;
        }

        private LinkedInPostQueueTask RegisterWindowsTask(QueueTaskRequest request)
        {
            var now = ModuleClock.Current.GetLocalNow();
            // The first run is the next whole minute, so the task starts at once and on round times.
            var start = now.DateTime.AddTicks(-(now.DateTime.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(1);
            var task = new QueueTaskDefinition(request, OsAccount.Current, start);
            var result = new LinkedInPostQueueTask(task.Name, QueueTaskPlatform.TaskScheduler)
            {
                Every = task.Interval,
                Schedule = task.RepetitionInterval,
                CommandLine = task.CommandLine,
                TaskXml = task.ToXml().ToString(),
                InstallCommand = task.CreateCommandLine("<file with TaskXml>", Force.IsPresent),
                RunsAs = task.UserId,
                QueuePath = request.QueuePath,
            };
            var description = $"scheduled task '{task.Name}': {task.CommandLine}, every {Minutes(task.Interval)}, as {task.UserId} while logged on";
            if (!ShouldProcess(description, Force.IsPresent ? "Register (replacing a task of that name)" : "Register"))
            {
                return result;
            }
            var existing = Schtasks.Xml(task.Name);
            if (existing != null && InstalledQueueTask.FromTaskXml(task.Name, existing) == null)
            {
                // -Force replaces a queue task, never another program's task that happens to have the name.
                ThrowTerminatingError(Exists($"A scheduled task named '{task.Name}' exists and does not run Invoke-LinkedInPostQueue, so it was left alone, -Force or not. Choose another -Name."));
            }
            if (!Force.IsPresent && existing != null)
            {
                ThrowTerminatingError(Exists($"A scheduled task named '{task.Name}' exists already. Use -Force to replace it, or another -Name."));
            }
            var xmlPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "LinkedInPosts-task-" + Guid.NewGuid().ToString("N") + ".xml");
            try
            {
                File.WriteAllBytes(xmlPath, task.ToXmlFileBytes());
                Schtasks.Create(task, xmlPath, replace: Force.IsPresent);
            }
            finally
            {
                File.Delete(xmlPath);
            }
            WriteVerbose($"Scheduled task '{task.Name}' registered: {task.CommandLine}");
            result.Installed = true;
            return result;
        }

        private LinkedInPostQueueTask RegisterCrontabLine(QueueTaskRequest request)
        {
            var log = System.IO.Path.Combine(DataFolder.Resolve(), CrontabEntry.LogFileName);
            var access = TokenStoreAccess(request);
            if (access.SessionBusAddress != null)
            {
                request.Environment[SessionBus.Variable] = access.SessionBusAddress;
            }
            foreach (var warning in access.Warnings)
            {
                WriteWarning(warning);
            }
            var entry = new CrontabEntry(request, log);
            if (entry.LengthWarning != null)
            {
                WriteWarning(entry.LengthWarning);
            }
            var result = new LinkedInPostQueueTask(entry.Name, QueueTaskPlatform.Cron)
            {
                Every = request.Interval,
                Schedule = entry.Schedule,
                CommandLine = entry.Command,
                CrontabLine = entry.Line,
                InstallCommand = entry.InstallCommand,
                RunsAs = OsAccount.Current,
                QueuePath = request.QueuePath,
                LogPath = log,
            };
            if (!Install.IsPresent)
            {
                return result;
            }
            var crontab = UserCrontab.Read(toRewrite: true);
            var existing = CrontabEntry.Find(crontab, entry.Name);
            if (existing.Count == 1 && existing[0] == entry.Line)
            {
                WriteVerbose($"The crontab already has this line for '{entry.Name}'; nothing to change.");
                result.Installed = true;
                return result;
            }
            if (existing.Count > 0 && !Force.IsPresent)
            {
                ThrowTerminatingError(Exists($"The crontab has a line for '{entry.Name}' already: {existing[0]} Use -Force to replace it, or another -Name."));
            }
            var action = existing.Count > 0 ? $"Replace the line of '{entry.Name}' with: {entry.Line}" : "Add: " + entry.Line;
            if (!ShouldProcess($"the crontab of {OsAccount.Current}", action))
            {
                return result;
            }
            // The log's folder must exist, or sh cannot open the file and the run never starts.
            DataFolder.Ensure(System.IO.Path.GetDirectoryName(log)!);
            UserCrontab.Write(CrontabEntry.Merge(crontab, entry, out _));
            WriteVerbose($"Crontab line for '{entry.Name}' installed; each run appends its output to {log}.");
            result.Installed = true;
            return result;
        }

        /// <summary>
        /// Whether the runs will find this session's connections (see <see cref="CronTokenStoreAccess"/>):
        /// the store is opened as every cmdlet opens it, so a session that opted in to the plain file is seen as one.
        /// </summary>
        private CronTokenStoreAccess TokenStoreAccess(QueueTaskRequest request)
        {
            SessionTokenStore store;
            try
            {
                var opened = OpenStoreOrThrow();
                store = !opened.IsProtected ? SessionTokenStore.PlainFile
                    : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? SessionTokenStore.Keyring
                    : SessionTokenStore.OtherProtected;
            }
            catch (LinkedInTokenStoreException exception) when (exception.Failure == TokenStoreFailure.Unavailable)
            {
                store = SessionTokenStore.Unavailable;
            }
            catch (System.IO.FileLoadException exception) when (DependencyConflict.From(exception) is { } conflict)
            {
                ThrowTerminatingError(conflict);
                throw;
            }
            catch (Exception exception) when (exception is LinkedInTokenStoreException || exception is IOException || exception is UnauthorizedAccessException)
            {
                // Locked, unreadable, or a data folder that cannot be made: for the cmdlets that use the store to report,
                // not a reason to refuse the line.
                WriteVerbose("The token store could not be checked for the runs: " + exception.Message);
                return CronTokenStoreAccess.Unknown;
            }
            var plainFile = System.IO.Path.Combine(request.Environment[DataFolder.HomeVariable], PlainFileConnectionStore.FileName);
            return CronTokenStoreAccess.For(
                store,
                AllowPlainTextTokenFile.IsPresent,
                SessionBus.Address(Environment.GetEnvironmentVariable),
                SessionBus.CurrentUid(),
                plainFile,
                File.Exists(plainFile));
        }

        private ErrorRecord Exists(string message) =>
            new ErrorRecord(new InvalidOperationException(message), ErrorIds.QueueTaskExists, ErrorCategory.ResourceExists, Name);

        private static string Minutes(TimeSpan interval) =>
            interval.TotalMinutes.ToString(CultureInfo.InvariantCulture) + (interval.TotalMinutes == 1 ? " minute" : " minutes");
    }
}
