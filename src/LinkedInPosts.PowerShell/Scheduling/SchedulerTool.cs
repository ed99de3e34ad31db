using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace LinkedInPosts.PowerShell.Scheduling
{
    /// <summary>
    /// Runs a scheduler's command-line tool (schtasks.exe, crontab) and collects its exit code and output.
    /// The crontab executable can be replaced through <c>LINKEDINPOSTS_CRONTAB</c>: the tests point it at a
    /// fake script so they never touch the crontab of the machine they run on, and an administrator can point
    /// it at a wrapper.
    /// </summary>
    internal static class SchedulerTool
    {
        /// <summary>Overrides the crontab executable (a full path).</summary>
        public const string CrontabVariable = "LINKEDINPOSTS_CRONTAB";

        /// <summary>The crontab executable to run.</summary>
        public static string Crontab
        {
            get
            {
                var overridden = Environment.GetEnvironmentVariable(CrontabVariable);
                return string.IsNullOrWhiteSpace(overridden) ? "crontab" : overridden!.Trim();
            }
        }

        /// <summary>
        /// A tool's output as text. Strict (a crontab read to be written back): bytes that are not UTF-8 throw
        /// <see cref="DecoderFallbackException"/>, and a BOM stays as U+FEFF, so the table written back keeps its first bytes.
        /// Otherwise (only reading, schtasks' XML): such bytes become U+FFFD and a leading BOM is dropped.
        /// </summary>
        internal static string Decode(byte[] bytes, bool strict)
        {
            if (strict)
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            var text = new UTF8Encoding(false).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        }

        /// <summary>
        /// Runs <paramref name="executable"/>; null when it cannot be started (not installed). Its output is read as UTF-8;
        /// with <paramref name="strictOutput"/> bytes that are not UTF-8 throw <see cref="DecoderFallbackException"/>
        /// instead of becoming U+FFFD.
        /// </summary>
        public static ToolResult? Run(string executable, string arguments, string? input = null, bool strictOutput = false)
        {
            var start = new ProcessStartInfo(executable, arguments)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
                StandardErrorEncoding = Encoding.UTF8,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (Win32Exception)
            {
                return null;
            }
            using (process)
            {
                // Both streams are read at once, and to their end: a tool that fills one pipe while we wait on the other, or
                // that nobody reads any more, would hang. The output is kept as bytes and decoded once the tool has exited.
                var outputBytes = new MemoryStream();
                var output = process.StandardOutput.BaseStream.CopyToAsync(outputBytes);
                var error = process.StandardError.ReadToEndAsync();
                try
                {
                    if (input != null)
                    {
                        // crontab reads the new table as bytes: UTF-8 without a BOM, as the lines were given.
                        var bytes = new UTF8Encoding(false).GetBytes(input);
                        process.StandardInput.BaseStream.Write(bytes, 0, bytes.Length);
                    }
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The tool stopped reading (it refused the table and exited): its exit code and message
                    // below say why, which is what the user needs, rather than "broken pipe".
                }
                Task.WaitAll(output, error);
                process.WaitForExit();
                return new ToolResult(process.ExitCode, Decode(outputBytes.ToArray(), strictOutput), error.Result);
            }
        }
    }

    /// <summary>What a tool run produced.</summary>
    internal sealed class ToolResult
    {
        public ToolResult(int exitCode, string output, string error)
        {
            ExitCode = exitCode;
            Output = output;
            Error = error;
        }

        public int ExitCode { get; }

        public string Output { get; }

        public string Error { get; }

        /// <summary>What the tool said, for an error message.</summary>
        public string Said => (Error.Trim().Length > 0 ? Error : Output).Trim();
    }
}
