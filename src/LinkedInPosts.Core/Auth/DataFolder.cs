using System;
using System.IO;
using System.Runtime.InteropServices;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// The per-user folder where the module keeps its state (the token store's files, later the queue).
    /// <c>LINKEDINPOSTS_HOME</c> overrides it; otherwise it follows each system's convention.
    /// </summary>
    public static class DataFolder
    {
        /// <summary>The environment variable that overrides the folder (tests always set it, or pass a folder).</summary>
        public const string HomeVariable = "LINKEDINPOSTS_HOME";

        /// <summary>The folder's own name under the system's per-user data folder.</summary>
        public const string FolderName = "LinkedInPosts";

        /// <summary>
        /// The folder, without creating it: <c>LINKEDINPOSTS_HOME</c> when set; on Windows
        /// <c>%LOCALAPPDATA%\LinkedInPosts</c>; on macOS <c>~/Library/Application Support/LinkedInPosts</c>;
        /// elsewhere <c>$XDG_DATA_HOME/LinkedInPosts</c> or <c>~/.local/share/LinkedInPosts</c>.
        /// </summary>
        public static string Resolve() => Resolve(Environment.GetEnvironmentVariable);

        internal static string Resolve(Func<string, string?> environment)
        {
            var home = environment(HomeVariable);
            if (!string.IsNullOrWhiteSpace(home))
            {
                return Path.GetFullPath(home!.Trim());
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                var local = environment("LOCALAPPDATA");
                if (string.IsNullOrWhiteSpace(local))
                {
                    local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
                }
                return Path.Combine(RequireRoot(local, "%LOCALAPPDATA%"), FolderName);
            }

            var userHome = environment("HOME");
            if (string.IsNullOrWhiteSpace(userHome))
            {
                userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                return Path.Combine(RequireRoot(userHome, "$HOME"), "Library", "Application Support", FolderName);
            }

            // The XDG base directory rules ignore a relative XDG_DATA_HOME.
            var xdg = environment("XDG_DATA_HOME");
            if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
            {
                return Path.Combine(xdg, FolderName);
            }
            return Path.Combine(RequireRoot(userHome, "$HOME"), ".local", "share", FolderName);
        }

        /// <summary>
        /// Makes sure <paramref name="folder"/> exists. A folder this call creates is private to the
        /// account on Unix (mode 0700); an existing folder keeps its mode (it may be one the user chose
        /// with <c>LINKEDINPOSTS_HOME</c>), because the files in it carry their own 0600 mode.
        /// </summary>
        public static string Ensure(string folder)
        {
            if (string.IsNullOrWhiteSpace(folder))
            {
                throw new ArgumentException("The data folder is empty.", nameof(folder));
            }
            var full = Path.GetFullPath(folder);
            if (!Directory.Exists(full))
            {
                Directory.CreateDirectory(full);
                UnixFileModes.Set(full, UnixFileModes.OwnerOnlyFolder);
            }
            return full;
        }

        private static string RequireRoot(string? root, string what)
        {
            if (string.IsNullOrWhiteSpace(root))
            {
                throw new InvalidOperationException(
                    "Cannot find the per-user data folder: " + what + " is not set. Set " + HomeVariable + " to a folder of your own.");
            }
            return root!;
        }
    }
}
