using System;
using System.Text.RegularExpressions;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// What a scheduled run imports. Install-Module (and Install-PSResource) put each version of a module in its own
    /// folder, <c>&lt;Modules&gt;/LinkedInPosts/&lt;version&gt;/LinkedInPosts.psd1</c>, and Update-Module adds the new one beside
    /// the old. Given the <c>LinkedInPosts</c> folder above them, Import-Module loads the newest version in it, so a task
    /// registered from an installed module runs the version the user updated to, with its fixes, instead of the one it
    /// was registered with for ever (and that older version refusing a queue the newer one has migrated). Any other
    /// layout (a build's output folder, a copy) is imported by its manifest, as it was registered.
    /// </summary>
    internal static class ModuleImportTarget
    {
        /// <summary>The module's name: the manifest's and its folder's.</summary>
        public const string ModuleName = "LinkedInPosts";

        private static readonly Regex WindowsPath = new Regex(@"^([A-Za-z]:\\|\\\\[^\\]+\\)", RegexOptions.CultureInvariant);

        /// <summary>
        /// The path to import for the manifest at <paramref name="manifestPath"/>: the folder that holds its version
        /// folder when it is laid out as an installed module, else the manifest itself.
        /// </summary>
        public static string For(string manifestPath)
        {
            if (string.IsNullOrEmpty(manifestPath))
            {
                return manifestPath;
            }
            // The target's own separators: a Windows task is generated from a Windows path on any machine the tests run on.
            var separators = WindowsPath.IsMatch(manifestPath) ? new[] { '\\', '/' } : new[] { '/' };
            var file = manifestPath.LastIndexOfAny(separators);
            if (file <= 0 || !string.Equals(manifestPath.Substring(file + 1), ModuleName + ".psd1", StringComparison.OrdinalIgnoreCase))
            {
                return manifestPath;
            }
            var version = manifestPath.LastIndexOfAny(separators, file - 1);
            var versionName = version <= 0 ? string.Empty : manifestPath.Substring(version + 1, file - version - 1);
            // PowerShell looks in <folder>/<Version.ToString()>: a folder it would not find ('01.0') keeps the manifest.
            if (!Version.TryParse(versionName, out var parsed) || parsed.ToString() != versionName)
            {
                return manifestPath;
            }
            var module = manifestPath.LastIndexOfAny(separators, version - 1);
            var moduleFolder = manifestPath.Substring(module + 1, version - module - 1);
            // Exactly as Install-Module names it: PowerShell then looks for <folder>/<version>/LinkedInPosts.psd1, and on Linux
            // a folder named otherwise (linkedinposts) would not lead it to this manifest.
            return module >= 0 && string.Equals(moduleFolder, ModuleName, StringComparison.Ordinal)
                ? manifestPath.Substring(0, version)
                : manifestPath;
        }
    }
}
