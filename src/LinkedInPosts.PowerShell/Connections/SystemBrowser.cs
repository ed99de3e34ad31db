using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace LinkedInPosts.PowerShell.Connections
{
    /// <summary>
    /// Opens a URL in the user's browser: ShellExecute on Windows, <c>open</c> on macOS, <c>xdg-open</c>
    /// on Linux and other Unix systems with a desktop. A session with no desktop (SSH, cron, a container)
    /// is never handed to a console browser: the caller prints the URL in every case.
    /// </summary>
    internal static class SystemBrowser
    {
        /// <summary>Tries to open <paramref name="url"/>; null when it did, else why not (for a verbose line).</summary>
        public static string? TryOpen(Uri url)
        {
            try
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    using (Process.Start(new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true }))
                    {
                    }
                    return null;
                }
                if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
                {
                    return Launch("open", url);
                }
                if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
                {
                    return "this session has no desktop (neither DISPLAY nor WAYLAND_DISPLAY is set)";
                }
                return Launch("xdg-open", url);
            }
            catch (Win32Exception exception)
            {
                return exception.Message;
            }
            catch (InvalidOperationException exception)
            {
                return exception.Message;
            }
            catch (IOException exception)
            {
                return exception.Message;
            }
        }

        private static string? Launch(string program, Uri url)
        {
            // AbsoluteUri percent-encodes quotes and spaces, so one quoted argument is the whole URL.
            var start = new ProcessStartInfo(program, "\"" + url.AbsoluteUri + "\"")
            {
                UseShellExecute = false,
                // Its chatter must not land in the PowerShell console; nobody reads it.
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };
            var process = Process.Start(start);
            if (process == null)
            {
                return program + " did not start";
            }
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.EnableRaisingEvents = true;
            process.Exited += (_, _) => process.Dispose();
            return null;
        }
    }
}
