using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LinkedInPosts.PowerShell.Queue
{
    /// <summary>
    /// The folder beside an export that holds its media copies (posts.csv: posts.media/). An export written again to the same
    /// file keeps the copies it still names and removes the ones only an earlier export named, so a nightly export of a queue
    /// whose posts come and go does not grow for ever. Only files this cmdlet writes are touched: names that begin with
    /// twelve hex digits of the file's SHA-256 and a hyphen, and the temporary copies of a killed export; anything else a
    /// person put there stays.
    /// </summary>
    internal static class ExportMediaFolder
    {
        private const int HashPrefixLength = 12;

        /// <summary>Removes the copies in <paramref name="folder"/> that the export just written does not name; says each in <paramref name="verbose"/>.</summary>
        public static void RemoveUnnamed(string folder, ISet<string> named, Action<string> verbose)
        {
            if (!Directory.Exists(folder))
            {
                return;
            }
            foreach (var path in Directory.GetFiles(folder))
            {
                var name = Path.GetFileName(path);
                if (named.Contains(name) || !IsExportCopy(name))
                {
                    continue;
                }
                try
                {
                    File.Delete(path);
                    verbose($"Removed {path}: no post of this export shows it (an earlier export of this file did).");
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    // Held open or read-only: it costs disk space, not the export.
                    verbose($"Could not remove {path}, which no post of this export shows: {exception.Message}");
                }
            }
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }

        private static bool IsExportCopy(string name)
        {
            if (name.IndexOf(".tmp-", StringComparison.Ordinal) >= 0)
            {
                return true;
            }
            return name.Length > HashPrefixLength && name[HashPrefixLength] == '-'
                && name.Take(HashPrefixLength).All(Uri.IsHexDigit);
        }
    }
}
