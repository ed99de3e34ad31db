using System;
using System.Text.RegularExpressions;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Makes the module's queue commands that a message or fix suggests name the queue it is about. Without it, the fix
    /// for a queue given with <c>-Path</c> (a finding of Test-LinkedInPostQueue, a run's error in a scheduled task's log)
    /// ran against the default queue, where the same id is another post.
    /// </summary>
    public static class SuggestedCommands
    {
        // A command name as advice writes it: not inside a word, a key or a quote (no letter, '-' or quote before it), followed
        // by its arguments or the end of a sentence, and without a queue of its own already.
        private static readonly Regex QueueCommand = new Regex(
            @"(?<![\w'-])(?:(?:Get|Set|Unregister|Register|Export)-LinkedInScheduledPost|Invoke-LinkedInPostQueue|Test-LinkedInPostQueue)(?=\s|[.;,](?:\s|$)|$)(?!\s+-(?:Path|QueuePath)\b)",
            RegexOptions.CultureInvariant);

        /// <summary><paramref name="text"/> with <c>-Path '&lt;queue&gt;'</c> after each queue command it names.</summary>
        public static string? WithQueue(string? text, string queuePath)
        {
            if (text == null)
            {
                return null;
            }
            if (queuePath == null)
            {
                throw new ArgumentNullException(nameof(queuePath));
            }
            var quoted = "'" + queuePath.Replace("'", "''") + "'";
            // Export's -Path is the file it writes: its queue is -QueuePath.
            return QueueCommand.Replace(text, match => match.Value + (match.Value.StartsWith("Export-", StringComparison.Ordinal) ? " -QueuePath " : " -Path ") + quoted);
        }
    }
}
