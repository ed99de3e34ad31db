using System.Text.RegularExpressions;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>
    /// Makes the module's commands in a finding's fix name the queue that was checked. Without it, the fix for a queue
    /// given with <c>Test-LinkedInPostQueue -Path</c> ran against the default queue, where the same id is another post.
    /// </summary>
    internal static class SuggestedCommands
    {
        private static readonly Regex QueueCommand = new Regex(
            @"\b(?:(?:Get|Set|Unregister|Register|Export)-LinkedInScheduledPost|Invoke-LinkedInPostQueue|Test-LinkedInPostQueue)\b",
            RegexOptions.CultureInvariant);

        /// <summary><paramref name="fix"/> with <c>-Path '&lt;queue&gt;'</c> after each queue command it names.</summary>
        public static string? WithQueue(string? fix, string queuePath)
        {
            if (fix == null)
            {
                return null;
            }
            var path = " -Path '" + queuePath.Replace("'", "''") + "'";
            return QueueCommand.Replace(fix, match => match.Value + path);
        }
    }
}
