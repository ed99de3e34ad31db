using System.Collections.Generic;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.PowerShell.Scheduling
{
    /// <summary>Windows Task Scheduler through schtasks.exe (present on every Windows since XP, in both PowerShell editions).</summary>
    internal static class Schtasks
    {
        /// <summary>The task's XML (schtasks /Query /XML); null when there is no task of that name.</summary>
        public static string? Xml(string name)
        {
            var result = Run(QueueTaskDefinition.XmlQueryArguments(name));
            return result.ExitCode == 0 ? result.Output : null;
        }

        /// <summary>The names of the tasks in Task Scheduler's root folder, where Register-LinkedInPostQueueTask puts its tasks.</summary>
        public static IReadOnlyList<string> RootTaskNames()
        {
            var result = Run(QueueTaskDefinition.ListArguments);
            Require(result, QueueTaskDefinition.SchtasksExecutable + " " + QueueTaskDefinition.ListArguments);
            return QueueTaskDefinition.RootTaskNames(result.Output);
        }

        public static void Create(QueueTaskDefinition task, string xmlPath, bool replace) =>
            Require(Run(task.CreateArguments(xmlPath, replace)), task.CreateCommandLine(xmlPath, replace));

        public static void Delete(string name) =>
            Require(Run(QueueTaskDefinition.DeleteArguments(name)), QueueTaskDefinition.DeleteCommandLine(name));

        private static ToolResult Run(string arguments) =>
            SchedulerTool.Run(QueueTaskDefinition.SchtasksExecutable, arguments)
            ?? throw new SchedulerToolException(QueueTaskDefinition.SchtasksExecutable + " cannot be run on this machine.", missing: true);

        private static void Require(ToolResult result, string commandLine)
        {
            if (result.ExitCode != 0)
            {
                throw new SchedulerToolException($"'{commandLine}' failed (exit code {result.ExitCode}): {result.Said}", missing: false);
            }
        }
    }
}
