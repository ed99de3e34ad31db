using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Scheduling;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Gets the scheduled runs of the queue that Register-LinkedInPostQueueTask made, as the scheduler holds them now:
    /// on Linux and macOS the lines of your crontab that end with this module's marker, on Windows the Task Scheduler
    /// tasks in the root folder whose action runs Invoke-LinkedInPostQueue. Each shows how often it runs, the command,
    /// the queue file (QueuePath; empty for the default queue), the account and, for cron, the log file.
    /// </summary>
    /// <remarks>
    /// A line or task changed by hand is shown as it is now: a crontab schedule that is no plain repetition (09:30 on
    /// weekdays, say) has no Every, only its Schedule. A crontab line that is commented out is not a task: cron does not
    /// run it. Nothing is changed; the crontab is read with crontab -l, Task Scheduler with schtasks /Query.
    /// </remarks>
    /// <example>
    /// <code>Get-LinkedInPostQueueTask</code>
    /// <para>Lists every scheduled run of the queue this account has, e.g. 'LinkedInPosts queue' every 5 minutes.</para>
    /// </example>
    /// <example>
    /// <code>Get-LinkedInPostQueueTask -Name 'Marketing*' | Select-Object Name, Every, QueuePath</code>
    /// <para>The tasks whose names start with 'Marketing', with the queue each one runs.</para>
    /// </example>
    /// <example>
    /// <code>if (-not (Get-LinkedInPostQueueTask -ErrorAction SilentlyContinue)) { Register-LinkedInPostQueueTask -Every 5m -Install }</code>
    /// <para>Schedules the queue once, on a machine that does not run it yet (for a provisioning script).</para>
    /// </example>
    /// <example>
    /// <code>Get-Content -Tail 20 (Get-LinkedInPostQueueTask).LogPath</code>
    /// <para>Linux and macOS: the end of the log that the cron runs append their output to.</para>
    /// </example>
    /// <seealso cref="RegisterLinkedInPostQueueTaskCommand"/>
    [Cmdlet(VerbsCommon.Get, "LinkedInPostQueueTask", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(LinkedInPostQueueTask))]
    public sealed class GetLinkedInPostQueueTaskCommand : LinkedInCmdlet
    {
        /// <summary>The only parameter set.</summary>
        public const string DefaultSet = "Default";

        /// <summary>
        /// The names of the tasks to get; wildcards are allowed (on Linux and macOS matched with case, as the crontab marker is). Default: all of them. A name without wildcards that
        /// matches no task is an error (LinkedInQueueTaskNotFound); a pattern that matches none is not. Also from the pipeline, as strings or by property name.
        /// </summary>
        /// <example><code>-Name 'Marketing queue'</code></example>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var names = Name ?? new[] { "*" };
            // Task Scheduler's names ignore case; a crontab marker is matched exactly, as Register- and Unregister- match it.
            var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var patterns = names.Select(name => new WildcardPattern(name, windows ? WildcardOptions.IgnoreCase : WildcardOptions.None)).ToList();
            IReadOnlyList<LinkedInPostQueueTask> tasks;
            try
            {
                tasks = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? WindowsTasks(names, patterns) : CrontabTasks();
            }
            catch (SchedulerToolException exception)
            {
                ThrowTerminatingError(exception.ToErrorRecord(string.Join(", ", names)));
                return;
            }
            foreach (var task in tasks.Where(task => patterns.Any(pattern => pattern.IsMatch(task.Name))))
            {
                WriteObject(task);
            }
            foreach (var name in names.Where(name => !WildcardPattern.ContainsWildcardCharacters(name)))
            {
                if (!tasks.Any(task => string.Equals(task.Name, name, windows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)))
                {
                    var where = windows
                        ? $"There is no scheduled task named '{name}' that runs the queue."
                        : $"The crontab of {Core.Auth.OsAccount.Current} has no line for '{name}' (a line that ends with '{CrontabEntry.Marker(name)}').";
                    WriteError(new ErrorRecord(new ItemNotFoundException(where + " Register-LinkedInPostQueueTask -Name '" + name + "' makes one."),
                        ErrorIds.QueueTaskNotFound, ErrorCategory.ObjectNotFound, name));
                }
            }
        }

        private IReadOnlyList<LinkedInPostQueueTask> CrontabTasks()
        {
            var tasks = InstalledQueueTask.FromCrontab(UserCrontab.Read(toRewrite: false));
            WriteVerbose($"The crontab has {tasks.Count} line(s) of queue tasks.");
            return tasks.Select(task => LinkedInPostQueueTask.FromScheduler(task, QueueTaskPlatform.Cron)).ToList();
        }

        // Task names without wildcards are asked for directly; a pattern needs the root folder's list.
        private IReadOnlyList<LinkedInPostQueueTask> WindowsTasks(IReadOnlyList<string> names, IReadOnlyList<WildcardPattern> patterns)
        {
            var candidates = names.All(name => !WildcardPattern.ContainsWildcardCharacters(name))
                ? names.Distinct(StringComparer.OrdinalIgnoreCase).ToList()
                : Schtasks.RootTaskNames().Where(task => patterns.Any(pattern => pattern.IsMatch(task))).ToList();
            var tasks = new List<LinkedInPostQueueTask>();
            foreach (var name in candidates)
            {
                var xml = Schtasks.Xml(name);
                if (xml != null && InstalledQueueTask.FromTaskXml(name, xml) is { } task)
                {
                    tasks.Add(LinkedInPostQueueTask.FromScheduler(task, QueueTaskPlatform.TaskScheduler));
                }
                else
                {
                    WriteVerbose($"'{name}' is no scheduled task that runs the queue.");
                }
            }
            return tasks;
        }
    }
}
