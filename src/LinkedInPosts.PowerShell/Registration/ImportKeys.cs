using System;
using System.Collections.Generic;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.PowerShell.Registration
{
    /// <summary>The keys one import has seen, so a key given twice (or an identical row) is refused naming the first row.</summary>
    internal sealed class ImportKeys
    {
        private readonly Dictionary<string, long> _first = new Dictionary<string, long>(StringComparer.Ordinal);

        /// <summary>
        /// Null the first time <paramref name="key"/> is seen (it is then remembered for row <paramref name="row"/>);
        /// afterwards, the error message naming the input that had it first.
        /// </summary>
        public string? Repeated(string key, long? row)
        {
            if (_first.TryGetValue(key, out var first))
            {
                var what = key.StartsWith(ScheduledPostKey.Prefix, StringComparison.Ordinal)
                    ? "the same post (author, text, time and media) as"
                    : $"the same Key '{key}' as";
                return $"This is {what} " + (first > 0 ? $"row {first}" : "an earlier input") + " of this import; a key names one post.";
            }
            _first[key] = row ?? 0;
            return null;
        }
    }
}
