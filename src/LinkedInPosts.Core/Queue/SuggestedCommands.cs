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
        private static readonly Regex QueueCommand = new Regex(
            @"\b(?:(?:Get|Set|Unregister|Register|Export)-LinkedInScheduledPost|Invoke-LinkedInPostQueue|Test-LinkedInPostQueue)\b",
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
                throw new System.ArgumentNullException(nameof(queuePath));
            }
            var path = " -Path '" + queuePath.Replace("'", "''") + "'";
            return QueueCommand.Replace(text, match => match.Value + path);
        }
    }
}
