using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.PowerShell.Connections
{
    /// <summary>
    /// Tab completion for <c>-Connection</c> and <c>-Name</c>: the names of this session's connections and
    /// of those in the OS account's token store (when it can be opened without prompting for anything).
    /// </summary>
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
                .Concat(StoredNames())
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
                .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(name => new CompletionResult(
                    Quote(name),
                    name,
                    CompletionResultType.ParameterValue,
                    "LinkedIn connection '" + name + "'"))
                .ToList();
        }

        private static IEnumerable<string> StoredNames()
        {
            try
            {
                return ConnectionStoreFactory.Open().Load().Select(c => c.Name).ToList();
            }
            catch (LinkedInException)
            {
                // No usable store (or it is locked): complete what this session has.
                return Enumerable.Empty<string>();
            }
        }

        private static string Quote(string name) =>
            name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', '@', '#', ',' }) >= 0
                ? "'" + name.Replace("'", "''") + "'"
                : name;
    }
}
