using System.Collections.Generic;
using System.Text;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Splits a Windows command line into its arguments as CommandLineToArgvW and .NET do, for reading back the
    /// Task Scheduler action this module writes (<see cref="QueueTaskDefinition.WindowsArgument"/> is the other
    /// direction): blanks separate arguments outside quotes; backslashes are literal except before a quote,
    /// where 2n of them give n and the quote opens or closes, and 2n + 1 give n and a literal quote.
    /// </summary>
    internal static class WindowsArguments
    {
        public static IReadOnlyList<string> Split(string commandLine)
        {
            var arguments = new List<string>();
            var argument = new StringBuilder();
            var inArgument = false;
            var quoted = false;
            for (var i = 0; i < commandLine.Length; i++)
            {
                var character = commandLine[i];
                if ((character == ' ' || character == '\t') && !quoted)
                {
                    if (inArgument)
                    {
                        arguments.Add(argument.ToString());
                        argument.Clear();
                        inArgument = false;
                    }
                    continue;
                }
                inArgument = true;
                if (character == '\\')
                {
                    var backslashes = 0;
                    while (i < commandLine.Length && commandLine[i] == '\\')
                    {
                        backslashes++;
                        i++;
                    }
                    if (i < commandLine.Length && commandLine[i] == '"')
                    {
                        argument.Append('\\', backslashes / 2);
                        if (backslashes % 2 == 1)
                        {
                            argument.Append('"');
                            continue;
                        }
                        quoted = !quoted;
                        continue;
                    }
                    argument.Append('\\', backslashes);
                    i--;
                    continue;
                }
                if (character == '"')
                {
                    quoted = !quoted;
                    continue;
                }
                argument.Append(character);
            }
            if (inArgument)
            {
                arguments.Add(argument.ToString());
            }
            return arguments;
        }
    }
}
