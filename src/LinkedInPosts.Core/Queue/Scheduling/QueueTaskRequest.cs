using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// What a scheduled run of the queue is: how often, which PowerShell and module run it, which queue it
    /// works on, and the environment it needs. <see cref="QueueTaskDefinition"/> turns it into a Windows
    /// scheduled task, <see cref="CrontabEntry"/> into a crontab line.
    /// </summary>
    public sealed class QueueTaskRequest
    {
        /// <summary>The name used when none is given.</summary>
        public const string DefaultName = "LinkedInPosts queue";

        /// <summary>The field of name errors (ErrorId <c>LinkedInInvalidQueueTaskName</c>).</summary>
        public const string NameField = "QueueTaskName";

        // Names go into a crontab comment and a schtasks /TN argument, and must come back out of both
        // unchanged; these characters are safe in both (no quotes, no %, no path separators of schtasks).
        private static readonly Regex SafeName = new Regex(@"^[A-Za-z0-9 ._()-]{1,100}$", RegexOptions.CultureInvariant);

        /// <summary>The task's name; Unregister finds the task (or crontab line) by it.</summary>
        public string Name { get; set; } = DefaultName;

        /// <summary>The full path of the PowerShell executable that runs the queue (pwsh or powershell.exe).</summary>
        public string PowerShellPath { get; set; } = string.Empty;

        /// <summary>The full path of the module manifest the run imports (LinkedInPosts.psd1).</summary>
        public string ModuleManifestPath { get; set; } = string.Empty;

        /// <summary>The queue file passed to Invoke-LinkedInPostQueue -Path; null for its default.</summary>
        public string? QueuePath { get; set; }

        /// <summary>How often the queue runs (see <see cref="QueueTaskInterval"/> for the limits).</summary>
        public TimeSpan Interval { get; set; }

        /// <summary>Passed to Invoke-LinkedInPostQueue -MaxLateness; null keeps the cmdlet's default (24 h).</summary>
        public TimeSpan? MaxLateness { get; set; }

        /// <summary>Passed to Invoke-LinkedInPostQueue -MaxAttempts; null keeps the cmdlet's default (5).</summary>
        public int? MaxAttempts { get; set; }

        /// <summary>
        /// Environment variables the run needs and a scheduler would not give it (cron starts with an almost
        /// empty environment): LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS, LINKEDINPOSTS_HOME, LINKEDINPOSTS_QUEUE,
        /// LINKEDINPOSTS_API_VERSION (see <see cref="QueueTaskEnvironment"/>).
        /// Sorted, so the generated command is the same for the same request.
        /// </summary>
        public IDictionary<string, string> Environment { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>
        /// Checks the name, the interval and that the paths are full paths on <paramref name="platform"/>'s OS
        /// (a task is generated for its scheduler wherever the code runs); a bad name or interval is a
        /// <see cref="LinkedInValidationException"/>, a bad path an <see cref="ArgumentException"/>.
        /// </summary>
        public void Validate(QueueTaskPlatform platform)
        {
            if (!SafeName.IsMatch(Name ?? string.Empty) || Name!.Trim().Length != Name.Length)
            {
                throw new LinkedInValidationException(NameField,
                    $"'{Name}' cannot be a queue task name: use 1 to 100 letters, digits, spaces, '.', '_', '-', '(' or ')', not starting or ending with a space (e.g. '{DefaultName}').");
            }
            QueueTaskInterval.Check(Interval);
            if (MaxLateness.HasValue && MaxLateness.Value <= TimeSpan.Zero)
            {
                throw new LinkedInValidationException("MaxLateness", $"-MaxLateness must be positive (it was {MaxLateness.Value}), e.g. 6h.");
            }
            if (MaxAttempts.HasValue && (MaxAttempts.Value < 1 || MaxAttempts.Value > 100))
            {
                throw new LinkedInValidationException("MaxAttempts", $"-MaxAttempts must be 1 to 100 (it was {MaxAttempts.Value}).");
            }
            RequireRooted(platform, PowerShellPath, "the PowerShell executable");
            RequireRooted(platform, ModuleManifestPath, "the module manifest");
            if (QueuePath != null)
            {
                RequireRooted(platform, QueuePath, "the queue");
            }
            foreach (var variable in Environment)
            {
                if (!Regex.IsMatch(variable.Key, "^[A-Za-z_][A-Za-z0-9_]*$") || variable.Value.IndexOfAny(new[] { '\r', '\n', '\0' }) >= 0)
                {
                    throw new ArgumentException($"Environment variable '{variable.Key}' cannot be passed to a scheduled task.", nameof(Environment));
                }
                RefuseTaskSchedulerPercent(platform, variable.Value, variable.Key);
            }
        }

        // Task Scheduler expands %NAME% in an Exec action's command and arguments when the task runs, and
        // documents no escape for a literal %; a % in one value can also pair with one in another, since
        // all of them end up in the one arguments string. So a % is refused rather than rewritten at run time.
        private static void RefuseTaskSchedulerPercent(QueueTaskPlatform platform, string value, string what)
        {
            if (platform == QueueTaskPlatform.TaskScheduler && value.IndexOf('%') >= 0)
            {
                throw new ArgumentException(
                    $"'{value}' ({what}) has a '%': Task Scheduler expands %NAME% in a task's command line each time it runs, and has no escape for a literal '%'. Use a path without '%'.");
            }
        }

        private static readonly Regex WindowsFullPath = new Regex(@"^([A-Za-z]:\\|\\\\[^\\]+\\)", RegexOptions.CultureInvariant);

        private static void RequireRooted(QueueTaskPlatform platform, string path, string what)
        {
            // A scheduler starts the run in another working folder: only full paths mean the same thing there.
            var full = !string.IsNullOrWhiteSpace(path)
                && (platform == QueueTaskPlatform.TaskScheduler ? WindowsFullPath.IsMatch(path) : path.StartsWith("/", StringComparison.Ordinal));
            if (!full || path.IndexOfAny(new[] { '\r', '\n', '\0', '"' }) >= 0)
            {
                throw new ArgumentException($"The path of {what} must be a full path without quotes or line breaks: '{path}'.");
            }
            RefuseTaskSchedulerPercent(platform, path, "the path of " + what);
        }
    }
}
