using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// The Windows scheduled task that runs the queue, as Task Scheduler XML (registered with
    /// <c>schtasks /Create /XML &lt;file&gt; /TN &lt;name&gt;</c>), built without Windows so it can be tested
    /// anywhere, and the exact schtasks command lines that create, query and delete it.
    /// </summary>
    /// <remarks>
    /// The task runs as the user who registers it with LogonType <c>InteractiveToken</c>: only while that
    /// user is logged on. That is deliberate. The connection's tokens are protected with DPAPI, whose
    /// per-user keys are unlocked by the user's logon. An S4U logon ("run whether the user is logged on or
    /// not" without a stored password) gets "no access to the network or to encrypted files", so it could
    /// neither read the tokens nor reach LinkedIn; a Password logon would work, but only by storing the
    /// user's Windows password with Task Scheduler, which this module will not ask for. A server that must
    /// post while nobody is logged on can re-register the task with a Password logon in Task Scheduler.
    /// </remarks>
    public sealed class QueueTaskDefinition
    {
        /// <summary>Task Scheduler's command-line tool.</summary>
        public const string SchtasksExecutable = "schtasks.exe";

        /// <summary>The logon type the task uses (see the remarks of this class for why).</summary>
        public const string LogonType = "InteractiveToken";

        private static readonly XNamespace Task = "http://schemas.microsoft.com/windows/2004/02/mit/task";

        // A run that hangs (a network that never answers) must not block every later run: the queue's
        // leases make a stopped run safe, so Task Scheduler may end it after this long.
        private const string ExecutionTimeLimit = "PT2H";

        /// <summary>Builds the task for <paramref name="request"/>, run as <paramref name="userId"/> from <paramref name="start"/> on.</summary>
        /// <param name="request">What runs and how often; validated here.</param>
        /// <param name="userId">The account that runs it, <c>DOMAIN\user</c> (the current user).</param>
        /// <param name="start">The first run; written as local wall time, as Task Scheduler expects.</param>
        public QueueTaskDefinition(QueueTaskRequest request, string userId, DateTime start)
        {
            request.Validate(QueueTaskPlatform.TaskScheduler);
            if (string.IsNullOrWhiteSpace(userId))
            {
                throw new ArgumentException("The user the task runs as is empty.", nameof(userId));
            }
            Name = request.Name;
            UserId = userId;
            Interval = request.Interval;
            Start = new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, start.Second, DateTimeKind.Unspecified);
            Executable = request.PowerShellPath;
            Arguments = "-NoProfile -NonInteractive -ExecutionPolicy Bypass -Command " + WindowsArgument(QueueRunnerScript.For(request));
        }

        /// <summary>The task's name (its path in Task Scheduler's root folder).</summary>
        public string Name { get; }

        /// <summary>The account the task runs as.</summary>
        public string UserId { get; }

        /// <summary>How often it repeats.</summary>
        public TimeSpan Interval { get; }

        /// <summary>The repetition as Task Scheduler writes it: PT5M, PT1H30M, P1D.</summary>
        public string RepetitionInterval => QueueTaskInterval.ToXmlDuration(Interval);

        /// <summary>The first run, local time.</summary>
        public DateTime Start { get; }

        /// <summary>The PowerShell executable the task starts.</summary>
        public string Executable { get; }

        /// <summary>Its command line arguments, exactly as Task Scheduler passes them.</summary>
        public string Arguments { get; }

        /// <summary>The whole command the task runs, as one line (for display).</summary>
        public string CommandLine => WindowsArgument(Executable) + " " + Arguments;

        /// <summary>schtasks arguments that register the task from the XML file; <paramref name="replace"/> adds /F.</summary>
        public string CreateArguments(string xmlPath, bool replace) =>
            "/Create /TN " + WindowsArgument(Name) + " /XML " + WindowsArgument(xmlPath) + (replace ? " /F" : string.Empty);

        /// <summary>The whole schtasks command that registers the task from <paramref name="xmlPath"/> (for display and by hand).</summary>
        public string CreateCommandLine(string xmlPath, bool replace) => SchtasksExecutable + " " + CreateArguments(xmlPath, replace);

        /// <summary>The whole schtasks command that deletes the task <paramref name="name"/>.</summary>
        public static string DeleteCommandLine(string name) => SchtasksExecutable + " " + DeleteArguments(name);

        /// <summary>schtasks arguments that write the task's XML (Get-LinkedInPostQueueTask reads it back: <see cref="InstalledQueueTask.FromTaskXml"/>).</summary>
        public static string XmlQueryArguments(string name) => "/Query /XML /TN " + WindowsArgument(name);

        /// <summary>schtasks arguments that list every task as CSV without a header row (its first field is the task's path).</summary>
        public const string ListArguments = "/Query /FO CSV /NH";

        /// <summary>
        /// The root folder's task names in schtasks' CSV list: the first field of each row, "\Name" (tasks in other folders
        /// are "\Folder\Name"). The other fields are in the machine's language and not read.
        /// </summary>
        public static IReadOnlyList<string> RootTaskNames(string csv)
        {
            var names = new List<string>();
            foreach (var row in csv.Split('\n'))
            {
                var line = row.TrimEnd('\r');
                if (!line.StartsWith("\"\\", StringComparison.Ordinal))
                {
                    continue;
                }
                var end = line.IndexOf('"', 2);
                var name = end < 0 ? null : line.Substring(2, end - 2);
                if (name != null && name.Length > 0 && name.IndexOf('\\') < 0 && !names.Contains(name))
                {
                    names.Add(name);
                }
            }
            return names;
        }

        /// <summary>schtasks arguments that delete the task; /F because the cmdlet has asked already (ShouldProcess).</summary>
        public static string DeleteArguments(string name) => "/Delete /TN " + WindowsArgument(name) + " /F";

        /// <summary>The Task Scheduler XML (schema 1.2, Windows 7 / Server 2008 R2 and later).</summary>
        public XDocument ToXml() =>
            new XDocument(
                new XDeclaration("1.0", "UTF-16", null),
                new XElement(Task + "Task", new XAttribute("version", "1.2"),
                    new XElement(Task + "RegistrationInfo",
                        new XElement(Task + "Description", $"Runs the LinkedInPosts queue (Invoke-LinkedInPostQueue) every {Interval.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes. Made by Register-LinkedInPostQueueTask; remove it with Unregister-LinkedInPostQueueTask."),
                        new XElement(Task + "URI", "\\" + Name)),
                    new XElement(Task + "Triggers",
                        new XElement(Task + "TimeTrigger",
                            // No Duration: the repetition goes on indefinitely.
                            new XElement(Task + "Repetition",
                                new XElement(Task + "Interval", RepetitionInterval),
                                new XElement(Task + "StopAtDurationEnd", "false")),
                            new XElement(Task + "StartBoundary", Start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
                            new XElement(Task + "Enabled", "true"))),
                    new XElement(Task + "Principals",
                        new XElement(Task + "Principal", new XAttribute("id", "Author"),
                            new XElement(Task + "UserId", UserId),
                            new XElement(Task + "LogonType", LogonType),
                            new XElement(Task + "RunLevel", "LeastPrivilege"))),
                    new XElement(Task + "Settings",
                        // Claims make overlapping runs safe, but piling them up helps nobody: a run still busy
                        // (a long video upload) makes the next start a no-op.
                        new XElement(Task + "MultipleInstancesPolicy", "IgnoreNew"),
                        new XElement(Task + "DisallowStartIfOnBatteries", "false"),
                        new XElement(Task + "StopIfGoingOnBatteries", "false"),
                        new XElement(Task + "AllowHardTerminate", "true"),
                        // After sleep or a shutdown, run as soon as possible instead of waiting for the next slot.
                        new XElement(Task + "StartWhenAvailable", "true"),
                        new XElement(Task + "RunOnlyIfNetworkAvailable", "false"),
                        new XElement(Task + "AllowStartOnDemand", "true"),
                        new XElement(Task + "Enabled", "true"),
                        new XElement(Task + "Hidden", "false"),
                        new XElement(Task + "ExecutionTimeLimit", ExecutionTimeLimit)),
                    new XElement(Task + "Actions", new XAttribute("Context", "Author"),
                        new XElement(Task + "Exec",
                            new XElement(Task + "Command", Executable),
                            new XElement(Task + "Arguments", Arguments)))));

        /// <summary>The XML as schtasks reads it best: UTF-16 with a byte order mark, declaration included.</summary>
        public byte[] ToXmlFileBytes()
        {
            var builder = new StringBuilder();
            using (var writer = new StringWriter(builder, CultureInfo.InvariantCulture))
            {
                ToXml().Save(writer);
            }
            var preamble = Encoding.Unicode.GetPreamble();
            var body = Encoding.Unicode.GetBytes(builder.ToString());
            var bytes = new byte[preamble.Length + body.Length];
            preamble.CopyTo(bytes, 0);
            body.CopyTo(bytes, preamble.Length);
            return bytes;
        }

        /// <summary>
        /// One argument for a Windows command line, as CommandLineToArgvW and .NET read it back: quoted when
        /// it has spaces (or is empty), with quotes escaped and the backslashes before them doubled.
        /// </summary>
        internal static string WindowsArgument(string value)
        {
            if (value.Length > 0 && value.IndexOfAny(new[] { ' ', '\t', '"' }) < 0)
            {
                return value;
            }
            var quoted = new StringBuilder(value.Length + 2).Append('"');
            var backslashes = 0;
            foreach (var character in value)
            {
                if (character == '\\')
                {
                    backslashes++;
                    continue;
                }
                quoted.Append('\\', character == '"' ? backslashes * 2 + 1 : backslashes);
                backslashes = 0;
                quoted.Append(character);
            }
            return quoted.Append('\\', backslashes * 2).Append('"').ToString();
        }
    }
}
