using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.PowerShell.Queue
{
    /// <summary>
    /// Tab completion for -Id of the scheduled-post cmdlets: the ids of the posts still to come (not Published or
    /// Cancelled), earliest first, from the queue the command line names (-Path, Export's -QueuePath, else the
    /// default queue), each with its time, state and text as the tooltip. It opens only a queue that exists: a path
    /// that names no file completes nothing, and no queue is created.
    /// </summary>
    public sealed class ScheduledPostIdCompleter : IArgumentCompleter
    {
        /// <summary>At most this many ids are offered.</summary>
        public const int MaxResults = 100;

        private static readonly QueueState[] StillToCome =
        {
            QueueState.Pending, QueueState.Held, QueueState.Claimed, QueueState.Sending, QueueState.Failed, QueueState.Missed, QueueState.Unconfirmed,
        };

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            // Completion must never get in the way of typing: a queue that cannot be read completes nothing.
            try
            {
                return Complete(commandName, wordToComplete ?? string.Empty, fakeBoundParameters);
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }

        private static IReadOnlyList<CompletionResult> Complete(string commandName, string typed, IDictionary bound)
        {
            var location = QueueStoreFactory.ResolvePath(new QueueStoreOptions { Path = QueuePathOf(commandName, bound) });
            if (!File.Exists(location))
            {
                return Array.Empty<CompletionResult>();
            }
            using (var store = QueueStoreFactory.Open(new QueueStoreOptions { Path = location }))
            {
                return store.Query(new QueueQuery { States = StillToCome, Limit = MaxResults })
                    .Select(post => LinkedInScheduledPost.From(post, location))
                    .Select(post => (Id: post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Post: post))
                    .Where(x => x.Id.StartsWith(typed.Trim('\'', '"'), StringComparison.Ordinal))
                    .Select(x => new CompletionResult(x.Id, x.Id + "  " + Describe(x.Post), CompletionResultType.ParameterValue, Describe(x.Post)))
                    .ToList();
            }
        }

        private static string Describe(LinkedInScheduledPost post)
        {
            var text = post.Text.Replace('\r', ' ').Replace('\n', ' ');
            return post.ScheduledAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " " + post.State + ": " +
                (text.Length > 60 ? text.Substring(0, 59) + "…" : text);
        }

        // Export's -Path is the file it writes; its queue is -QueuePath. The others' -Path is the queue.
        private static string? QueuePathOf(string commandName, IDictionary bound)
        {
            var name = bound.Contains("QueuePath") || commandName.StartsWith("Export-", StringComparison.OrdinalIgnoreCase) ? "QueuePath" : "Path";
            var value = bound.Contains(name) ? bound[name]?.ToString() : null;
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }
            if (Path.IsPathRooted(value))
            {
                return value;
            }
            // Relative to the PowerShell location, as the cmdlet itself resolves it. Completion runs inside the
            // pipeline of TabExpansion2, so the session is asked through a nested pipeline (its SessionStateProxy
            // refuses calls while a pipeline runs).
            using (var nested = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                nested.AddScript("$ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($args[0])").AddArgument(value);
                return nested.Invoke().Select(o => o?.ToString()).FirstOrDefault();
            }
        }
    }
}
