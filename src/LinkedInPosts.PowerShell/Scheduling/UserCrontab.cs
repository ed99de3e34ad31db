using System;

namespace LinkedInPosts.PowerShell.Scheduling
{
    /// <summary>The current user's crontab, read with <c>crontab -l</c> and written whole with <c>crontab -</c>.</summary>
    internal static class UserCrontab
    {
        /// <summary>
        /// The crontab's text; empty when the user has none yet. A crontab that is not UTF-8 (a Latin-1 comment, say) is
        /// refused when it is read to be written back (<paramref name="toRewrite"/>): its other lines would change, and
        /// they must stay byte for byte as they are. Only looking at it, such bytes read as U+FFFD.
        /// </summary>
        public static string Read(bool toRewrite)
        {
            ToolResult result;
            try
            {
                result = Run("-l", null, strictOutput: toRewrite);
            }
            catch (System.Text.DecoderFallbackException)
            {
                throw new SchedulerToolException(
                    $"The crontab ('{SchedulerTool.Crontab} -l') holds bytes that are not UTF-8 (another line written in another encoding), so it was not changed: " +
                    "written back, those lines would change. Add or remove the line yourself (crontab -e), or save the crontab as UTF-8 first.", missing: false);
            }
            if (result.ExitCode == 0)
            {
                return result.Output;
            }
            // Vixie cron, cronie and macOS all say "no crontab for <user>" and exit 1 for a user without one.
            if (result.Said.IndexOf("no crontab", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return string.Empty;
            }
            throw new SchedulerToolException($"'{SchedulerTool.Crontab} -l' failed (exit code {result.ExitCode}): {result.Said}", missing: false);
        }

        /// <summary>Replaces the crontab with <paramref name="text"/>.</summary>
        public static void Write(string text)
        {
            var result = Run("-", text, strictOutput: false);
            if (result.ExitCode != 0)
            {
                throw new SchedulerToolException($"'{SchedulerTool.Crontab} -' refused the new crontab (exit code {result.ExitCode}): {result.Said} The crontab was not changed.", missing: false);
            }
        }

        private static ToolResult Run(string arguments, string? input, bool strictOutput) =>
            SchedulerTool.Run(SchedulerTool.Crontab, arguments, input, strictOutput)
            ?? throw new SchedulerToolException(
                $"'{SchedulerTool.Crontab}' cannot be run: cron is not installed for this user (on Debian and Ubuntu: apt-get install cron). " +
                "Or add the line yourself: the output's InstallCommand does it.", missing: true);
    }
}
