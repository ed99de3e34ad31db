using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.PowerShell.Registration
{
    /// <summary>
    /// Tab completion from a fixed list of names, for Register-LinkedInScheduledPost's parameters that are strings
    /// only so that a CSV's blank cell binds (-Visibility, -PollDuration): the names New-LinkedInPost's enum
    /// parameters offer, checked per row by the same builder.
    /// </summary>
    public abstract class NameListCompleter : IArgumentCompleter
    {
        private readonly string[] _names;

        /// <summary>Completes <paramref name="names"/>, in this order.</summary>
        protected NameListCompleter(params string[] names) => _names = names;

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return _names
                .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name))
                .ToList();
        }
    }

    /// <summary>The visibilities a post can be given (New-LinkedInPost's ValidateSet).</summary>
    public sealed class VisibilityNameCompleter : NameListCompleter
    {
        /// <summary>Public, Connections, LoggedIn.</summary>
        public VisibilityNameCompleter()
            : base(nameof(PostVisibility.Public), nameof(PostVisibility.Connections), nameof(PostVisibility.LoggedIn))
        {
        }
    }

    /// <summary>How long a poll can stay open.</summary>
    public sealed class PollDurationNameCompleter : NameListCompleter
    {
        /// <summary>OneDay, ThreeDays, SevenDays, FourteenDays.</summary>
        public PollDurationNameCompleter()
            : base(Enum.GetNames(typeof(PollDuration)))
        {
        }
    }
}
