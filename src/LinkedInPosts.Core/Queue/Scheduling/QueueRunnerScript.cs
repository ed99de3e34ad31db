using System.Text;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// The PowerShell text a scheduled run executes (its -Command): set the environment it needs, import
    /// the module by its full path (a scheduler's PSModulePath may not have it; an installed module by the folder of
    /// its versions, so the runs follow Update-Module: <see cref="ModuleImportTarget"/>), run the queue, and exit
    /// with 1 when the run failed so Task Scheduler's "last run result" and cron's mail show it.
    /// </summary>
    public static class QueueRunnerScript
    {
        /// <summary>The -Command text for <paramref name="request"/>.</summary>
        public static string For(QueueTaskRequest request)
        {
            var script = new StringBuilder();
            foreach (var variable in request.Environment)
            {
                script.Append("$env:").Append(variable.Key).Append(" = ").Append(SingleQuoted(variable.Value)).Append("; ");
            }
            script.Append("Import-Module ").Append(SingleQuoted(ModuleImportTarget.For(request.ModuleManifestPath))).Append("; Invoke-LinkedInPostQueue");
            if (request.QueuePath != null)
            {
                script.Append(" -Path ").Append(SingleQuoted(request.QueuePath));
            }
            if (request.MaxLateness.HasValue)
            {
                // TimeSpan's invariant form ('1.00:00:00'), which PowerShell converts to the parameter's TimeSpan.
                script.Append(" -MaxLateness ").Append(SingleQuoted(request.MaxLateness.Value.ToString("c", System.Globalization.CultureInfo.InvariantCulture)));
            }
            if (request.MaxAttempts.HasValue)
            {
                script.Append(" -MaxAttempts ").Append(request.MaxAttempts.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            script.Append("; exit [int](-not $?)");
            return script.ToString();
        }

        /// <summary>
        /// A PowerShell single-quoted string: nothing in it is expanded. PowerShell ends such a string at any
        /// of its single-quote characters (', and the typographic ‘ ’ ‚ ‛), so each is doubled.
        /// </summary>
        internal static string SingleQuoted(string value)
        {
            var quoted = new StringBuilder(value.Length + 2).Append('\'');
            foreach (var character in value)
            {
                quoted.Append(character);
                if (character == '\'' || character == '\u2018' || character == '\u2019' || character == '\u201A' || character == '\u201B')
                {
                    quoted.Append(character);
                }
            }
            return quoted.Append('\'').ToString();
        }
    }
}
