using System.IO;
using System.Linq;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Registration
{
    /// <summary>A media path as a CSV cell holds it: the quotes people paste with it, and characters no path can have.</summary>
    internal static class PathCell
    {
        /// <summary>
        /// The path trimmed, without one pair of surrounding double quotes: Explorer's "Copy as path" gives
        /// <c>"C:\pics\a.jpg"</c>, and no Windows file name can start or end with a quote.
        /// </summary>
        public static string Unquoted(string path)
        {
            var trimmed = path.Trim();
            return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[trimmed.Length - 1] == '"'
                ? trimmed.Substring(1, trimmed.Length - 2).Trim()
                : trimmed;
        }

        /// <summary>
        /// Refuses a path holding a character this platform's paths cannot (Path.GetInvalidPathChars(): NUL everywhere;
        /// on Windows also " &lt; &gt; | and control characters), as that row's error rather than the ArgumentException
        /// .NET Framework's Path methods throw.
        /// </summary>
        /// <exception cref="MediaPathException">The path holds such a character.</exception>
        public static void Check(string path)
        {
            var bad = path.IndexOfAny(Path.GetInvalidPathChars());
            if (bad < 0)
            {
                return;
            }
            var shown = new string(path.Select(c => char.IsControl(c) ? '?' : c).ToArray());
            var character = path[bad];
            var named = char.IsControl(character) ? $"U+{(int)character:X4}" : $"'{character}'";
            throw new MediaPathException(path,
                $"The path '{shown}' holds {named}, which cannot be in a path. Write the path without it (a path in double quotes is read without them).");
        }
    }
}
