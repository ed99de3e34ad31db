using System;
using System.Collections.Generic;
using System.Text;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// The crontab line that runs the queue on Linux and macOS, and the edits of a user's crontab that add,
    /// replace and remove it. Our line ends with a marker comment naming the task, so Unregister finds
    /// exactly our lines and every other line of the crontab is kept byte for byte.
    /// </summary>
    /// <remarks>
    /// cron hands the command to <c>/bin/sh</c> with an almost empty environment and no desktop session:
    /// paths are quoted for sh, <c>%</c> is escaped (cron turns it into a line break) and kept apart from a
    /// backslash before it (which cron would remove), the variables the
    /// run needs are set on the line itself (a Secret Service is reachable from cron only through a bus the
    /// line names, hence LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS when the user opted in, or DBUS_SESSION_BUS_ADDRESS:
    /// <see cref="CronTokenStoreAccess"/>), and the output goes to a log file
    /// in the data folder, because cron would otherwise mail it or drop it.
    /// </remarks>
    public sealed class CrontabEntry
    {
        /// <summary>The start of the marker comment that ends each of our lines.</summary>
        public const string MarkerPrefix = "# LinkedInPosts queue task: ";

        /// <summary>The log file's name in the data folder.</summary>
        public const string LogFileName = "queue-runner.log";

        /// <summary>Builds the line for <paramref name="request"/>, appending output to <paramref name="logPath"/>.</summary>
        public CrontabEntry(QueueTaskRequest request, string logPath)
        {
            request.Validate(QueueTaskPlatform.Cron);
            if (string.IsNullOrWhiteSpace(logPath) || !logPath.StartsWith("/", StringComparison.Ordinal))
            {
                throw new ArgumentException("The log path must be a full path.", nameof(logPath));
            }
            Name = request.Name;
            Schedule = QueueTaskInterval.ToCronSchedule(request.Interval);
            var command = new StringBuilder();
            foreach (var variable in request.Environment)
            {
                command.Append(variable.Key).Append('=').Append(CronQuoted(variable.Value)).Append(' ');
            }
            command.Append(CronQuoted(request.PowerShellPath))
                .Append(" -NoProfile -NonInteractive -Command ")
                .Append(CronDoubleQuoted(QueueRunnerScript.For(WithoutEnvironment(request))))
                .Append(" >> ").Append(CronQuoted(logPath)).Append(" 2>&1");
            Command = command.ToString();
            Line = Schedule + " " + EscapePercent(Command) + " " + Marker(Name);
        }

        /// <summary>The task's name, as in the marker.</summary>
        public string Name { get; }

        /// <summary>The five schedule fields, e.g. <c>*/5 * * * *</c>.</summary>
        public string Schedule { get; }

        /// <summary>The command as sh runs it (before cron's % escaping).</summary>
        public string Command { get; }

        /// <summary>The whole crontab line, marker included, without a line break.</summary>
        public string Line { get; }

        /// <summary>
        /// The longest command (as written in the crontab, after the schedule) that Vixie-derived crons keep: Debian's and
        /// Ubuntu's cron, macOS and the BSDs read at most 1,000 bytes of it, its end included, and drop the rest silently
        /// (cronie, on Fedora, RHEL and Arch, takes far more).
        /// </summary>
        public const int MaxCommandBytes = 999;

        /// <summary>
        /// A warning when the command before the marker is longer than <see cref="MaxCommandBytes"/> UTF-8 bytes: cut there,
        /// its closing quote or its log redirect is lost and sh fails every run, where nobody looks. Null when it fits.
        /// </summary>
        public string? LengthWarning
        {
            get
            {
                var bytes = Encoding.UTF8.GetByteCount(EscapePercent(Command));
                return bytes <= MaxCommandBytes
                    ? null
                    : "The crontab command is " + bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes, and the cron of Debian, Ubuntu, " +
                      "macOS and the BSDs keeps only the first " + MaxCommandBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                      " of a command: cut there, every run would fail (cronie, on Fedora, RHEL and Arch, takes it whole). Shorten the paths " +
                      "it names (the data folder, LINKEDINPOSTS_HOME, appears twice; -Path; the module's and PowerShell's folders).";
            }
        }

        /// <summary>
        /// A shell command that adds the line to the current user's crontab by hand, keeping what is there
        /// (for users who would rather not let the cmdlet edit it); run it once, as cron's user.
        /// </summary>
        public string InstallCommand => "(crontab -l 2>/dev/null; printf '%s\\n' " + ShQuoted(Line) + ") | crontab -";

        /// <summary>The marker comment that ends our line for the task <paramref name="name"/>.</summary>
        public static string Marker(string name) => MarkerPrefix + name;

        /// <summary>True when <paramref name="line"/> is ours for the task <paramref name="name"/>.</summary>
        public static bool IsEntryFor(string line, string name) =>
            !line.TrimStart().StartsWith("#", StringComparison.Ordinal)
            && line.TrimEnd(' ', '\t', '\r').EndsWith(" " + Marker(name), StringComparison.Ordinal);

        /// <summary>
        /// The crontab with <paramref name="entry"/> in it: where an older line of the same task was (every
        /// such line is replaced by the one new line), else at the end. Every other line stays as it was.
        /// </summary>
        public static string Merge(string? crontab, CrontabEntry entry, out bool replaced)
        {
            var lines = SplitLines(crontab ?? string.Empty);
            var merged = new StringBuilder();
            replaced = false;
            foreach (var line in lines)
            {
                if (IsEntryFor(line, entry.Name))
                {
                    if (!replaced)
                    {
                        merged.Append(entry.Line).Append('\n');
                        replaced = true;
                    }
                    continue;
                }
                merged.Append(line).Append('\n');
            }
            if (!replaced)
            {
                merged.Append(entry.Line).Append('\n');
            }
            return merged.ToString();
        }

        /// <summary>The crontab without any line of the task <paramref name="name"/>; <paramref name="removed"/> counts them.</summary>
        public static string Remove(string? crontab, string name, out int removed)
        {
            removed = 0;
            var kept = new StringBuilder();
            var text = crontab ?? string.Empty;
            foreach (var line in SplitLines(text))
            {
                if (IsEntryFor(line, name))
                {
                    removed++;
                    continue;
                }
                kept.Append(line).Append('\n');
            }
            // Nothing of ours: hand back the very same text, so nothing needs writing.
            return removed == 0 ? text : kept.ToString();
        }

        /// <summary>Our lines for the task <paramref name="name"/> in <paramref name="crontab"/>.</summary>
        public static IReadOnlyList<string> Find(string? crontab, string name)
        {
            var found = new List<string>();
            foreach (var line in SplitLines(crontab ?? string.Empty))
            {
                if (IsEntryFor(line, name))
                {
                    found.Add(line.TrimEnd('\r'));
                }
            }
            return found;
        }

        /// <summary>
        /// The lines without their '\n' (a '\r' stays part of its line, so CRLF files come back as they
        /// were); a last line without a line break is still a line, and gets one when written back, as
        /// cron requires.
        /// </summary>
        private static List<string> SplitLines(string text)
        {
            var lines = new List<string>(text.Split('\n'));
            if (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }
            return lines;
        }

        private static QueueTaskRequest WithoutEnvironment(QueueTaskRequest request) =>
            // On cron the variables are set by sh on the line, where a user reading the crontab sees them.
            new QueueTaskRequest
            {
                Name = request.Name,
                PowerShellPath = request.PowerShellPath,
                ModuleManifestPath = request.ModuleManifestPath,
                QueuePath = request.QueuePath,
                Interval = request.Interval,
                MaxLateness = request.MaxLateness,
                MaxAttempts = request.MaxAttempts,
            };

        /// <summary>A word sh takes literally: single-quoted, each ' written as '\''.</summary>
        internal static string ShQuoted(string value) => "'" + value.Replace("'", "'\\''") + "'";

        /// <summary>A double-quoted sh word: \ $ ` and " are escaped, everything else is literal.</summary>
        internal static string ShDoubleQuoted(string value)
        {
            var quoted = new StringBuilder(value.Length + 8).Append('"');
            foreach (var character in value)
            {
                if (character == '\\' || character == '$' || character == '`' || character == '"')
                {
                    quoted.Append('\\');
                }
                quoted.Append(character);
            }
            return quoted.Append('"').ToString();
        }

        /// <summary><see cref="ShQuoted"/> for the command cron runs (see <see cref="SeparateBackslashFromPercent"/>).</summary>
        internal static string CronQuoted(string value) => SeparateBackslashFromPercent(ShQuoted(value), "''");

        /// <summary><see cref="ShDoubleQuoted"/> for the command cron runs (see <see cref="SeparateBackslashFromPercent"/>).</summary>
        internal static string CronDoubleQuoted(string value) => SeparateBackslashFromPercent(ShDoubleQuoted(value), "\"\"");

        /// <summary>
        /// cron reads \% as an escaped % and removes the backslash, and no escape keeps that backslash: cron
        /// leaves \\ as it is and then takes the % bare, as a line break that cuts the command. So wherever sh
        /// should get a backslash right before a %, an empty quoted string (<paramref name="emptyQuotes"/>, ''
        /// or "", which sh drops) goes between them, and cron sees the backslash before a quote. In both
        /// quotings the backslash before a % is the last of its run, so this splits no escape of sh's.
        /// </summary>
        private static string SeparateBackslashFromPercent(string quoted, string emptyQuotes) =>
            quoted.Replace("\\%", "\\" + emptyQuotes + "%");

        /// <summary>
        /// cron turns an unescaped % in the command into a line break (the rest goes to stdin), so each is
        /// written \%; the command has no backslash right before a % (see <see cref="SeparateBackslashFromPercent"/>)
        /// that cron would otherwise take with it.
        /// </summary>
        private static string EscapePercent(string command) => command.Replace("%", "\\%");
    }
}
