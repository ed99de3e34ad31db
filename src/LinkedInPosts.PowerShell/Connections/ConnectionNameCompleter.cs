using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace LinkedInPosts.PowerShell.Connections
{
    /// <summary>Tab completion for <c>-Connection</c>: the names of this session's connections.</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return ConnectionRegistry.Current.Names
                .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(name => new CompletionResult(
                    Quote(name),
                    name,
                    CompletionResultType.ParameterValue,
                    "LinkedIn connection '" + name + "'"))
                .ToList();
        }

        private static string Quote(string name) =>
            name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', '@', '#', ',' }) >= 0
                ? "'" + name.Replace("'", "''") + "'"
                : name;
    }
}
