using System.Diagnostics;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// Reading back the scheduled runs this module writes (Get-LinkedInPostQueueTask): every crontab line and Task
/// Scheduler task built by CrontabEntry and QueueTaskDefinition, with paths that need every kind of quoting,
/// reads back as what was registered; other lines and tasks are not taken for ours.
/// </summary>
public sealed class InstalledQueueTaskTests
{
    private const string Log = "/home/ada/.local/share/LinkedInPosts/queue-runner.log";

    // Paths that need each quoting the writers use: spaces (two in a row), ' and the typographic quotes, $ ` \ %, and a "-Path" of their own.
    public static TheoryData<string?> UnixQueues => new()
    {
        null,
        "/srv/queue.db",
        "/srv/it's  here/q.db",
        "/srv/$HOME `id` \\ 100% \\%x/q.db",
        "/srv/‘typographic’ ‚quotes‛/q.db",
        "/srv/Invoke-LinkedInPostQueue -Path 'x'/q.db",
    };

    private static QueueTaskRequest Unix(string? queue, string name = "LinkedInPosts queue", int minutes = 5) => new()
    {
        Name = name,
        PowerShellPath = "/opt/microsoft/powershell/7/pwsh",
        ModuleManifestPath = "/home/ada/.local/share/powershell/Modules/LinkedInPosts/LinkedInPosts.psd1",
        QueuePath = queue,
        Interval = TimeSpan.FromMinutes(minutes),
    };

    [Theory]
    [MemberData(nameof(UnixQueues))]
    public void A_crontab_line_reads_back_as_it_was_registered(string? queue)
    {
        var request = Unix(queue);
        request.Environment["LINKEDINPOSTS_HOME"] = "/home/ada/data it's";
        var entry = new CrontabEntry(request, Log + " 100%");

        var task = Assert.Single(InstalledQueueTask.FromCrontab("MAILTO=ops@example.com\n" + entry.Line + "\n0 3 * * * /usr/local/bin/backup\n"));

        Assert.Equal("LinkedInPosts queue", task.Name);
        Assert.Equal("*/5 * * * *", task.Schedule);
        Assert.Equal(TimeSpan.FromMinutes(5), task.Interval);
        Assert.Equal(entry.Command, task.CommandLine);
        Assert.Equal(entry.Line, task.CrontabLine);
        Assert.Equal("/opt/microsoft/powershell/7/pwsh", task.PowerShellPath);
        Assert.Equal(queue, task.QueuePath);
        Assert.Equal(Log + " 100%", task.LogPath);
        Assert.Null(task.TaskXml);
    }

    [Fact]
    public void The_words_read_from_a_line_are_the_words_sh_gives_the_program()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var request = Unix("/srv/$HOME `id` \\ it's ‘x’ 100% \\%x/q.db");
        request.PowerShellPath = "/bin/echo";
        request.Environment["LINKEDINPOSTS_HOME"] = "/home/ada/d $x";
        var entry = new CrontabEntry(request, Log);
        var task = InstalledQueueTask.FromCrontab(entry.Line).Single();
        // sh runs the command with a stand-in that prints each argument on its own line, and the output redirection removed.
        var command = task.CommandLine.Replace("'/bin/echo'", "printf '%s\\n'").Replace(" >> " + CrontabEntry.CronQuoted(Log) + " 2>&1", string.Empty);

        var sh = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command }, RedirectStandardOutput = true })!;
        var printed = sh.StandardOutput.ReadToEnd().Split('\n');
        sh.WaitForExit();

        Assert.Equal(0, sh.ExitCode);
        var script = printed[3];
        Assert.Equal(new[] { "-NoProfile", "-NonInteractive", "-Command" }, printed[..3]);
        Assert.Equal(request.QueuePath, QueueRunnerScript.QueuePathIn(script));
        Assert.Contains("Invoke-LinkedInPostQueue -Path '", script);
        // The splitter's words are sh's: the variable, the program, then what sh handed the program.
        var words = ShellWords.Split(task.CommandLine)!;
        Assert.Equal("LINKEDINPOSTS_HOME=/home/ada/d $x", words[0]);
        Assert.Equal(printed[..4], words.Skip(2).Take(4));
    }

    [Theory]
    [InlineData(1, "* * * * *")]
    [InlineData(15, "*/15 * * * *")]
    [InlineData(60, "0 * * * *")]
    [InlineData(360, "0 */6 * * *")]
    [InlineData(1440, "0 0 * * *")]
    public void Every_interval_cron_can_run_reads_back(int minutes, string schedule)
    {
        var entry = new CrontabEntry(Unix(null, "Marketing queue (EU)", minutes), Log);

        var task = Assert.Single(InstalledQueueTask.FromCrontab(entry.Line));

        Assert.Equal("Marketing queue (EU)", task.Name);
        Assert.Equal(schedule, task.Schedule);
        Assert.Equal(TimeSpan.FromMinutes(minutes), task.Interval);
    }

    [Fact]
    public void A_line_a_person_edited_shows_its_schedule_with_no_interval_and_commented_lines_and_others_are_not_tasks()
    {
        var ours = new CrontabEntry(Unix("/srv/q.db"), Log).Line;
        var crontab = string.Join("\n",
            "30 9 * * 1-5 " + ours.Substring("*/5 * * * * ".Length), // run at 09:30 on weekdays: edited by hand
            "# " + ours.Replace("LinkedInPosts queue task: LinkedInPosts queue", "LinkedInPosts queue task: paused"),
            "@hourly " + ours.Substring("*/5 * * * * ".Length).Replace("task: LinkedInPosts queue", "task: hourly"),
            "*/5 * * * * /usr/bin/other # not ours",
            "*/5 * * * * /usr/bin/other # LinkedInPosts queue task: ",
            "");

        var tasks = InstalledQueueTask.FromCrontab(crontab);

        Assert.Equal(new[] { "LinkedInPosts queue", "hourly" }, tasks.Select(t => t.Name));
        Assert.Equal("30 9 * * 1-5", tasks[0].Schedule);
        Assert.Null(tasks[0].Interval);
        Assert.Equal("/srv/q.db", tasks[0].QueuePath);
        Assert.Equal("@hourly", tasks[1].Schedule);
        Assert.Null(tasks[1].Interval);
        Assert.Equal(Log, tasks[1].LogPath);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(@"D:\Queues\it's here.db")]
    [InlineData(@"\\files\it\queues\trailing slash\")]
    [InlineData(@"D:\Queues\a ""-Path"" b\q.db")]
    public void A_Task_Scheduler_task_reads_back_from_its_XML_as_it_was_registered(string? queue)
    {
        var request = new QueueTaskRequest
        {
            Name = "LinkedInPosts queue",
            PowerShellPath = @"C:\Program Files\PowerShell\7\pwsh.exe",
            ModuleManifestPath = @"C:\Users\ada\Documents\PowerShell\Modules\LinkedInPosts\LinkedInPosts.psd1",
            QueuePath = queue?.Replace("\"", string.Empty),
            Interval = TimeSpan.FromMinutes(90),
        };
        request.Environment["LINKEDINPOSTS_HOME"] = @"D:\Data\";
        var definition = new QueueTaskDefinition(request, @"CONTOSO\ada", new DateTime(2026, 12, 3, 12, 15, 0));
        var xml = definition.ToXml().ToString();

        var task = InstalledQueueTask.FromTaskXml("LinkedInPosts queue", xml);

        Assert.NotNull(task);
        Assert.Equal("PT1H30M", task.Schedule);
        Assert.Equal(TimeSpan.FromMinutes(90), task.Interval);
        Assert.Equal(definition.CommandLine, task.CommandLine);
        Assert.Equal(@"C:\Program Files\PowerShell\7\pwsh.exe", task.PowerShellPath);
        Assert.Equal(request.QueuePath, task.QueuePath);
        Assert.Equal(@"CONTOSO\ada", task.UserId);
        Assert.Equal(xml, task.TaskXml);
        Assert.Null(task.CrontabLine);
    }

    [Theory]
    [InlineData("<Task xmlns='http://schemas.microsoft.com/windows/2004/02/mit/task'><Actions><Exec><Command>C:\\Windows\\notepad.exe</Command></Exec></Actions></Task>")]
    [InlineData("<Task xmlns='http://schemas.microsoft.com/windows/2004/02/mit/task'><Actions><Exec><Command>pwsh.exe</Command><Arguments>-Command \"Get-Date\"</Arguments></Exec></Actions></Task>")]
    [InlineData("not XML")]
    public void A_task_that_does_not_run_the_queue_is_not_taken_for_one(string xml)
    {
        Assert.Null(InstalledQueueTask.FromTaskXml("Other", xml));
    }

    [Theory]
    [InlineData("a b", new[] { "a", "b" })]
    [InlineData("\"C:\\Program Files\\x.exe\" -c", new[] { "C:\\Program Files\\x.exe", "-c" })]
    [InlineData("\"a\\\\\" b", new[] { "a\\", "b" })]
    [InlineData("\"say \\\"hi\\\"\"", new[] { "say \"hi\"" })]
    [InlineData("a\\\\b \\\\\\\"c", new[] { "a\\\\b", "\\\"c" })]
    public void Windows_arguments_split_as_CommandLineToArgvW_reads_them(string commandLine, string[] arguments)
    {
        Assert.Equal(arguments, WindowsArguments.Split(commandLine));
        // and every one of them written back by the writer reads back the same
        Assert.Equal(arguments, WindowsArguments.Split(string.Join(" ", arguments.Select(QueueTaskDefinition.WindowsArgument))));
    }

    [Fact]
    public void Schtasks_root_folder_names_are_read_from_its_CSV_list()
    {
        var csv = "\"\\LinkedInPosts queue\",\"07.12.2026 15:00:00\",\"Bereit\"\r\n" +
            "\"\\Microsoft\\Windows\\Defrag\\ScheduledDefrag\",\"N/A\",\"Ready\"\r\n" +
            "\"\\Marketing queue (EU)\",\"N/A\",\"Disabled\"\r\n\r\nINFO: something\r\n\"\\LinkedInPosts queue\",\"x\",\"y\"\r\n";

        Assert.Equal(new[] { "LinkedInPosts queue", "Marketing queue (EU)" }, QueueTaskDefinition.RootTaskNames(csv));
    }
}
