using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// A scheduled run of the queue as the scheduler holds it, read back from a crontab line that carries this module's
    /// marker or from the Task Scheduler XML of a task this module registered: what Get-LinkedInPostQueueTask shows.
    /// The reading undoes the quoting <see cref="CrontabEntry"/> and <see cref="QueueTaskDefinition"/> write (cron's %,
    /// sh's quotes, Windows' argument quoting, PowerShell's single quotes); what a person changed by hand is shown
    /// as it is, and a part that cannot be read (an edited schedule's interval, say) is null.
    /// </summary>
    public sealed class InstalledQueueTask
    {
        private static readonly XNamespace Task = "http://schemas.microsoft.com/windows/2004/02/mit/task";
        private static readonly Regex Assignment = new Regex("^[A-Za-z_][A-Za-z0-9_]*=", RegexOptions.CultureInvariant);

        private InstalledQueueTask(string name, string commandLine)
        {
            Name = name;
            CommandLine = commandLine;
        }

        /// <summary>The task's name: its marker in the crontab, or its name in Task Scheduler's root folder.</summary>
        public string Name { get; }

        /// <summary>The schedule as the scheduler has it: the crontab fields (<c>*/5 * * * *</c>) or the repetition (<c>PT5M</c>).</summary>
        public string? Schedule { get; private set; }

        /// <summary>How often it runs; null when the schedule is not a plain repetition.</summary>
        public TimeSpan? Interval { get; private set; }

        /// <summary>The command each run executes (for cron, as sh reads it).</summary>
        public string CommandLine { get; }

        /// <summary>The PowerShell executable the runs start.</summary>
        public string? PowerShellPath { get; private set; }

        /// <summary>The queue file the runs pass to Invoke-LinkedInPostQueue -Path; null for the queue's default.</summary>
        public string? QueuePath { get; private set; }

        /// <summary>The file a cron run's output is appended to.</summary>
        public string? LogPath { get; private set; }

        /// <summary>The whole crontab line (cron).</summary>
        public string? CrontabLine { get; private set; }

        /// <summary>The task's XML (Task Scheduler).</summary>
        public string? TaskXml { get; private set; }

        /// <summary>The account the task runs as (Task Scheduler).</summary>
        public string? UserId { get; private set; }

        /// <summary>Every line of <paramref name="crontab"/> that is one of this module's tasks (commented-out lines are not), in order.</summary>
        public static IReadOnlyList<InstalledQueueTask> FromCrontab(string? crontab)
        {
            var tasks = new List<InstalledQueueTask>();
            foreach (var raw in (crontab ?? string.Empty).Split('\n'))
            {
                var line = raw.TrimEnd(' ', '\t', '\r');
                var marker = line.LastIndexOf(" " + CrontabEntry.MarkerPrefix, StringComparison.Ordinal);
                if (marker < 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }
                var name = line.Substring(marker + 1 + CrontabEntry.MarkerPrefix.Length);
                if (name.Length > 0)
                {
                    tasks.Add(FromCrontabLine(name, line, line.Substring(0, marker)));
                }
            }
            return tasks;
        }

        private static InstalledQueueTask FromCrontabLine(string name, string line, string scheduleAndCommand)
        {
            var text = scheduleAndCommand.TrimStart();
            // "@hourly" and the like are one field; a schedule otherwise has five.
            var end = 0;
            for (var field = 0; field < (text.StartsWith("@", StringComparison.Ordinal) ? 1 : 5) && end < text.Length; field++)
            {
                while (end < text.Length && (text[end] == ' ' || text[end] == '\t'))
                {
                    end++;
                }
                while (end < text.Length && text[end] != ' ' && text[end] != '\t')
                {
                    end++;
                }
            }
            var schedule = string.Join(" ", text.Substring(0, end).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries));
            // cron turns \% into %; no backslash we write stands right before a % (see CrontabEntry).
            var command = text.Substring(end).Trim(' ', '\t').Replace("\\%", "%");
            var task = new InstalledQueueTask(name, command)
            {
                Schedule = schedule,
                Interval = QueueTaskInterval.FromCronSchedule(schedule),
                CrontabLine = line,
            };
            var words = ShellWords.Split(command);
            if (words == null)
            {
                return task;
            }
            task.PowerShellPath = words.FirstOrDefault(word => !Assignment.IsMatch(word));
            task.QueuePath = WordAfter(words, "-Command") is { } script ? QueueRunnerScript.QueuePathIn(script) : null;
            task.LogPath = WordAfter(words, ">>");
            return task;
        }

        /// <summary>
        /// The task read from its Task Scheduler XML (<c>schtasks /Query /TN name /XML</c>); null when it is not one
        /// this module registered (its action does not run Invoke-LinkedInPostQueue) or the XML cannot be read.
        /// </summary>
        public static InstalledQueueTask? FromTaskXml(string name, string xml)
        {
            XDocument document;
            try
            {
                document = XDocument.Parse(xml);
            }
            catch (XmlException)
            {
                return null;
            }
            var exec = document.Descendants(Task + "Exec").FirstOrDefault();
            var executable = exec?.Element(Task + "Command")?.Value;
            var arguments = exec?.Element(Task + "Arguments")?.Value ?? string.Empty;
            var script = WordAfter(WindowsArguments.Split(arguments), "-Command");
            if (executable == null || script == null || script.IndexOf("Invoke-LinkedInPostQueue", StringComparison.Ordinal) < 0)
            {
                return null;
            }
            var repetition = document.Descendants(Task + "Repetition").Elements(Task + "Interval").FirstOrDefault()?.Value;
            return new InstalledQueueTask(name, QueueTaskDefinition.WindowsArgument(executable) + " " + arguments)
            {
                Schedule = repetition,
                Interval = QueueTaskInterval.FromXmlDuration(repetition),
                PowerShellPath = executable,
                QueuePath = QueueRunnerScript.QueuePathIn(script),
                TaskXml = xml,
                UserId = document.Descendants(Task + "UserId").FirstOrDefault()?.Value,
            };
        }

        // The word after the first word equal to flag.
        private static string? WordAfter(IReadOnlyList<string> words, string flag)
        {
            for (var i = 0; i + 1 < words.Count; i++)
            {
                if (words[i] == flag)
                {
                    return words[i + 1];
                }
            }
            return null;
        }
    }
}
