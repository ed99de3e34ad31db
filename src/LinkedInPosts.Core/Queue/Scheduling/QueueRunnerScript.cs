using System.Collections.Generic;
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
        /// The queue file a script of <see cref="For"/> passes to Invoke-LinkedInPostQueue -Path; null when it passes none
        /// (the queue's default) or the text is not such a script. Quoted strings are read whole, so a path or
        /// module folder that happens to hold "-Path" is not mistaken for the parameter.
        /// </summary>
        internal static string? QueuePathIn(string script)
        {
            var words = Words(script);
            var invoke = words.FindIndex(word => !word.Quoted && word.Text == "Invoke-LinkedInPostQueue");
            for (var i = invoke + 1; invoke >= 0 && i < words.Count && !(words[i].Text == ";" && !words[i].Quoted); i++)
            {
                if (!words[i].Quoted && words[i].Text == "-Path" && i + 1 < words.Count && words[i + 1].Quoted)
                {
                    return words[i + 1].Text;
                }
            }
            return null;
        }

        // The script's words: single-quoted strings (their content), ';', and the bare runs between them.
        private static List<(string Text, bool Quoted)> Words(string script)
        {
            var words = new List<(string Text, bool Quoted)>();
            var bare = new StringBuilder();
            void EndBare()
            {
                if (bare.Length > 0)
                {
                    words.Add((bare.ToString(), false));
                    bare.Clear();
                }
            }
            for (var i = 0; i < script.Length; i++)
            {
                var character = script[i];
                if (IsSingleQuote(character))
                {
                    EndBare();
                    var text = new StringBuilder();
                    for (i++; i < script.Length; i++)
                    {
                        if (IsSingleQuote(script[i]))
                        {
                            if (i + 1 < script.Length && IsSingleQuote(script[i + 1]))
                            {
                                text.Append(script[i++]);
                                continue;
                            }
                            break;
                        }
                        text.Append(script[i]);
                    }
                    words.Add((text.ToString(), true));
                }
                else if (character == ' ' || character == ';')
                {
                    EndBare();
                    if (character == ';')
                    {
                        words.Add((";", false));
                    }
                }
                else
                {
                    bare.Append(character);
                }
            }
            EndBare();
            return words;
        }

        private static bool IsSingleQuote(char character) =>
            character == '\'' || character == '\u2018' || character == '\u2019' || character == '\u201A' || character == '\u201B';

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
                if (IsSingleQuote(character))
                {
                    quoted.Append(character);
                }
            }
            return quoted.Append('\'').ToString();
        }
    }
}
