using System;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace LinkedInPosts.PowerShell.Scheduling
{
    /// <summary>
    /// Where the scheduled run finds PowerShell and the module: the same PowerShell and the same module
    /// files as the session that registers it, by full path, because a scheduler starts with neither the
    /// session's PATH nor its PSModulePath.
    /// </summary>
    internal static class QueueRunnerLocations
    {
        /// <summary>The manifest's file name in the module folder.</summary>
        public const string ManifestFileName = "LinkedInPosts.psd1";

        /// <summary>
        /// The executable of the current process when it is PowerShell (pwsh, or powershell.exe for Windows
        /// PowerShell 5.1); otherwise, in a host that embeds PowerShell (an editor, a service), the
        /// PowerShell found in $PSHOME; null when there is none.
        /// </summary>
        public static string? CurrentPowerShell(PSCmdlet cmdlet)
        {
            string? process = null;
            try
            {
                using (var current = Process.GetCurrentProcess())
                {
                    process = current.MainModule?.FileName;
                }
            }
            catch (InvalidOperationException)
            {
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
            if (process != null)
            {
                var name = Path.GetFileNameWithoutExtension(process);
                if (string.Equals(name, "pwsh", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "powershell", StringComparison.OrdinalIgnoreCase))
                {
                    return process;
                }
            }
            if (cmdlet.SessionState.PSVariable.GetValue("PSHOME") is string home && home.Length > 0)
            {
                var candidates = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                    ? new[] { "pwsh.exe", "powershell.exe" }
                    : new[] { "pwsh" };
                foreach (var candidate in candidates)
                {
                    var path = Path.Combine(home, candidate);
                    if (File.Exists(path))
                    {
                        return path;
                    }
                }
            }
            return null;
        }

        /// <summary>The manifest of the loaded module, or null when this assembly was not loaded from a module folder.</summary>
        public static string? ModuleManifest(PSCmdlet cmdlet)
        {
            var folders = new[]
            {
                cmdlet.MyInvocation.MyCommand.Module?.ModuleBase,
                Path.GetDirectoryName(typeof(QueueRunnerLocations).Assembly.Location),
            };
            foreach (var folder in folders)
            {
                if (!string.IsNullOrEmpty(folder))
                {
                    var manifest = Path.Combine(folder!, ManifestFileName);
                    if (File.Exists(manifest))
                    {
                        return Path.GetFullPath(manifest);
                    }
                }
            }
            return null;
        }
    }
}
