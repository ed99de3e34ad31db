using System.Diagnostics;
using System.Text;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// Paths with backslashes and % on the crontab line. cron turns a % into a line break unless a backslash is
/// before it, and removes that backslash; a backslash before anything else stays, with the character after
/// it (crontab(5); vixie cron and cronie read the command so). What is left must be, for sh, exactly the paths.
/// </summary>
public sealed class CrontabPercentTests
{
    private static QueueTaskRequest Unix(string? queue = null) => new()
    {
        PowerShellPath = "/opt/microsoft/powershell/7/pwsh",
        ModuleManifestPath = "/opt/LinkedInPosts/LinkedInPosts.psd1",
        QueuePath = queue,
        Interval = TimeSpan.FromMinutes(5),
    };

    /// <summary>The command cron hands to sh: the line's command field, read by cron's % rule.</summary>
    private static string AsCronRunsIt(CrontabEntry entry)
    {
        var field = entry.Line.Substring(entry.Schedule.Length + 1);
        var command = new StringBuilder();
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 1 < field.Length)
            {
                if (field[i + 1] != '%')
                {
                    command.Append('\\');
                }
                command.Append(field[++i]);
                continue;
            }
            if (field[i] == '%')
            {
                break; // the rest would be the command's standard input
            }
            command.Append(field[i]);
        }
        return command.ToString();
    }

    private static string Doubled(string path) => path.Replace("'", "''");

    [Theory]
    [InlineData(@"/a\%b", @"'/a\''%b'")]
    [InlineData(@"/a\\%b", @"'/a\\''%b'")]
    [InlineData(@"/a\b%c\", @"'/a\b%c\'")]
    public void A_backslash_before_a_percent_is_kept_apart_from_it_by_empty_quotes_and_cron_takes_only_its_own_escape(string value, string word)
    {
        Assert.Equal(word, CrontabEntry.CronQuoted(value));
        Assert.DoesNotContain("\\%", CrontabEntry.CronQuoted(value));
        Assert.DoesNotContain("\\%", CrontabEntry.CronDoubleQuoted(value));
    }

    [Fact]
    public void The_line_for_a_queue_path_with_a_backslash_before_a_percent_reaches_sh_whole()
    {
        var entry = new CrontabEntry(Unix(@"/srv/a\%b.db"), "/srv/log");

        Assert.Equal("\"/a\\\\\"\"%b\"", CrontabEntry.CronDoubleQuoted(@"/a\%b"));
        Assert.Contains("-Path '/srv/a\\\\\"\"\\%b.db'", entry.Line);
        Assert.Equal(entry.Command + " # LinkedInPosts queue task: LinkedInPosts queue", AsCronRunsIt(entry));
    }

    [Fact]
    public void Sh_runs_the_line_cron_reads_with_every_path_and_variable_exactly_as_given()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var folder = Path.Combine(Path.GetTempPath(), "lp-cron-" + Guid.NewGuid().ToString("N"), @"it's a\%b\\%c 100%");
        Directory.CreateDirectory(folder);
        try
        {
            // A stand-in for pwsh that writes what it got: its arguments and the variable set on the line.
            var pwsh = Path.Combine(folder, @"pw\%sh");
            File.WriteAllText(pwsh, "#!/bin/sh\nprintf '%s\\n' \"$LINKEDINPOSTS_HOME\" \"$@\"\n");
            File.SetUnixFileMode(pwsh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var request = Unix(Path.Combine(folder, @"q\%1.db"));
            request.PowerShellPath = pwsh;
            request.ModuleManifestPath = Path.Combine(folder, @"m\\%x%.psd1");
            request.Environment["LINKEDINPOSTS_HOME"] = folder + @"\";
            var log = Path.Combine(folder, @"log\%");
            var entry = new CrontabEntry(request, log);

            var sh = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", AsCronRunsIt(entry) } })!;
            sh.WaitForExit();

            Assert.Equal(0, sh.ExitCode);
            Assert.Equal(new[]
            {
                folder + @"\",
                "-NoProfile", "-NonInteractive", "-Command",
                $"Import-Module '{Doubled(request.ModuleManifestPath)}'; Invoke-LinkedInPostQueue -Path '{Doubled(request.QueuePath!)}'; exit [int](-not $?)",
            }, File.ReadAllText(log).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
