using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// Tab completion from a list of names: those that start with what was typed (quotes ignored, case too),
    /// each quoted when PowerShell would otherwise read it as more than one word or as an expression.
    /// </summary>
    public abstract class NameCompleter : IArgumentCompleter
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
            return Names()
                .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, Describe(name)))
                .ToList();
        }

        /// <summary>The names to offer, in the order they are shown.</summary>
        protected abstract IEnumerable<string> Names();

        /// <summary>The tooltip of <paramref name="name"/>.</summary>
        protected virtual string Describe(string name) => name;

        private static string Quote(string name) =>
            name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', '@', '#', ',' }) >= 0
                ? "'" + name.Replace("'", "''") + "'"
                : name;
    }
}
