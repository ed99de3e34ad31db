using System;
using System.Management.Automation;
using System.Runtime.InteropServices;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.PowerShell.Infrastructure;
using LinkedInPosts.PowerShell.Scheduling;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Removes the scheduled run of the queue that Register-LinkedInPostQueueTask made: the Task Scheduler
    /// task on Windows, or on Linux and macOS every crontab line that carries this task's marker (all other
    /// lines are written back exactly as they were). The queue and its posts are not touched.
    /// </summary>
    /// <remarks>
    /// ConfirmImpact Medium: it stops future runs, but loses nothing that Register-LinkedInPostQueueTask
    /// cannot make again, so it asks only with -Confirm; -WhatIf shows what would be removed.
    /// </remarks>
    /// <example>
    /// <code>Unregister-LinkedInPostQueueTask</code>
    /// <para>Removes the task (or crontab line) named 'LinkedInPosts queue'.</para>
    /// </example>
    /// <example>
    /// <code>Unregister-LinkedInPostQueueTask -Name 'Marketing queue' -WhatIf</code>
    /// <para>Shows which task or crontab lines would be removed.</para>
    /// </example>
    /// <example>
    /// <code>$task = Register-LinkedInPostQueueTask -Every 15m -Name 'Marketing queue' -Install; $task | Unregister-LinkedInPostQueueTask</code>
    /// <para>Removes the task piped in, by its Name.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Unregister, "LinkedInPostQueueTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(LinkedInPostQueueTask))]
    public sealed class UnregisterLinkedInPostQueueTaskCommand : LinkedInCmdlet
    {
        /// <summary>The only parameter set.</summary>
        public const string DefaultSet = "Default";

        /// <summary>The name the task was registered with (also from the pipeline: Register-LinkedInPostQueueTask's output). Default: 'LinkedInPosts queue'.</summary>
        /// <example><code>-Name 'Marketing queue'</code></example>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = QueueTaskRequest.DefaultName;

        /// <summary>Writes the removed task (Installed is then false).</summary>
        /// <example><code>-PassThru</code></example>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            try
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    RemoveWindowsTask();
                }
                else
                {
                    RemoveCrontabLines();
                }
            }
            catch (SchedulerToolException exception)
            {
                ThrowTerminatingError(exception.ToErrorRecord(Name));
            }
        }

        private void RemoveWindowsTask()
        {
            var xml = Schtasks.Xml(Name);
            if (xml == null)
            {
                WriteError(NotFound($"There is no scheduled task named '{Name}'."));
                return;
            }
            if (InstalledQueueTask.FromTaskXml(Name, xml) == null)
            {
                // The name is the only key on Windows (cron lines carry a marker): another program's task is never deleted.
                WriteError(NotFound($"The scheduled task named '{Name}' does not run Invoke-LinkedInPostQueue, so it is not a queue task and was left alone."));
                return;
            }
            if (!ShouldProcess($"scheduled task '{Name}'", "Unregister"))
            {
                return;
            }
            Schtasks.Delete(Name);
            WriteVerbose($"Scheduled task '{Name}' removed.");
            Removed(new LinkedInPostQueueTask(Name, QueueTaskPlatform.TaskScheduler) { RunsAs = OsAccount.Current });
        }

        private void RemoveCrontabLines()
        {
            var crontab = UserCrontab.Read(toRewrite: true);
            var lines = CrontabEntry.Find(crontab, Name);
            if (lines.Count == 0)
            {
                WriteError(NotFound($"The crontab of {OsAccount.Current} has no line for '{Name}' (lines that end with '{CrontabEntry.Marker(Name)}')."));
                return;
            }
            if (!ShouldProcess($"the crontab of {OsAccount.Current}", "Remove: " + string.Join(Environment.NewLine, lines)))
            {
                return;
            }
            UserCrontab.Write(CrontabEntry.Remove(crontab, Name, out var removed));
            WriteVerbose($"{removed} crontab line(s) of '{Name}' removed.");
            Removed(new LinkedInPostQueueTask(Name, QueueTaskPlatform.Cron) { CrontabLine = lines[0], RunsAs = OsAccount.Current });
        }

        private void Removed(LinkedInPostQueueTask task)
        {
            if (PassThru.IsPresent)
            {
                WriteObject(task);
            }
        }

        private ErrorRecord NotFound(string message) =>
            new ErrorRecord(new ItemNotFoundException(message + " Register-LinkedInPostQueueTask -Name '" + Name + "' makes one."), ErrorIds.QueueTaskNotFound, ErrorCategory.ObjectNotFound, Name);
    }
}
