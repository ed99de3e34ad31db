using System.Text;
using System.Xml.Linq;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// The scheduled runs of the queue as Windows Task Scheduler XML, schtasks command lines and crontab lines,
/// generated without either scheduler, and the crontab edits that must keep every other line intact.
/// </summary>
public sealed class QueueTaskTests
{
    private static readonly XNamespace T = "http://schemas.microsoft.com/windows/2004/02/mit/task";

    private static QueueTaskRequest Windows(string? queue = null) => new()
    {
        PowerShellPath = @"C:\Program Files\PowerShell\7\pwsh.exe",
        ModuleManifestPath = @"C:\Users\ada\Documents\PowerShell\Modules\LinkedInPosts\LinkedInPosts.psd1",
        QueuePath = queue,
        Interval = TimeSpan.FromMinutes(5),
    };

    private static QueueTaskRequest Unix(string? queue = null) => new()
    {
        PowerShellPath = "/opt/microsoft/powershell/7/pwsh",
        ModuleManifestPath = "/home/ada/.local/share/powershell/Modules/LinkedInPosts/LinkedInPosts.psd1",
        QueuePath = queue,
        Interval = TimeSpan.FromMinutes(5),
    };

    private const string Log = "/home/ada/.local/share/LinkedInPosts/queue-runner.log";

    [Fact]
    public void The_runner_script_imports_the_module_by_path_runs_the_queue_and_exits_non_zero_on_failure()
    {
        Assert.Equal(
            @"Import-Module 'C:\Users\ada\Documents\PowerShell\Modules\LinkedInPosts\LinkedInPosts.psd1'; Invoke-LinkedInPostQueue; exit [int](-not $?)",
            QueueRunnerScript.For(Windows()));
    }

    [Theory]
    // Installed (Install-Module, Install-PSResource): the folder of its versions, whose newest Import-Module loads.
    [InlineData(@"C:\Users\ada\Documents\PowerShell\Modules\LinkedInPosts\0.2.0\LinkedInPosts.psd1", @"C:\Users\ada\Documents\PowerShell\Modules\LinkedInPosts")]
    [InlineData(@"\\files\it\Modules\LinkedInPosts\1.10.3.7\LinkedInPosts.psd1", @"\\files\it\Modules\LinkedInPosts")]
    [InlineData("/opt/linkedinposts/0.2.0/LinkedInPosts.psd1", "/opt/linkedinposts/0.2.0/LinkedInPosts.psd1")]
    [InlineData("/opt/LinkedInPosts/01.0/LinkedInPosts.psd1", "/opt/LinkedInPosts/01.0/LinkedInPosts.psd1")]
    [InlineData("/home/ada/.local/share/powershell/Modules/LinkedInPosts/0.2.0/LinkedInPosts.psd1", "/home/ada/.local/share/powershell/Modules/LinkedInPosts")]
    [InlineData("/LinkedInPosts/1.0/LinkedInPosts.psd1", "/LinkedInPosts")]
    // Anything else: the manifest, as registered.
    [InlineData("/home/ada/src/LinkedInPosts/out/LinkedInPosts/LinkedInPosts.psd1", "/home/ada/src/LinkedInPosts/out/LinkedInPosts/LinkedInPosts.psd1")]
    [InlineData("/opt/tools/0.2.0/LinkedInPosts.psd1", "/opt/tools/0.2.0/LinkedInPosts.psd1")]
    [InlineData("/opt/LinkedInPosts/latest/LinkedInPosts.psd1", "/opt/LinkedInPosts/latest/LinkedInPosts.psd1")]
    [InlineData("/opt/LinkedInPosts/0.2.0-preview/LinkedInPosts.psd1", "/opt/LinkedInPosts/0.2.0-preview/LinkedInPosts.psd1")]
    [InlineData("/opt/LinkedInPosts/2/LinkedInPosts.psd1", "/opt/LinkedInPosts/2/LinkedInPosts.psd1")]
    [InlineData(@"/opt/Linked\InPosts/0.2.0/LinkedInPosts.psd1", @"/opt/Linked\InPosts/0.2.0/LinkedInPosts.psd1")] // a Unix name may hold '\'
    public void An_installed_module_is_imported_by_the_folder_of_its_versions_so_the_runs_follow_Update_Module(string manifest, string imported)
    {
        var request = manifest.StartsWith('/') ? Unix() : Windows();
        request.ModuleManifestPath = manifest;

        Assert.Equal("Import-Module '" + imported + "'; Invoke-LinkedInPostQueue; exit [int](-not $?)", QueueRunnerScript.For(request));
    }

    [Fact]
    public void MaxLateness_and_MaxAttempts_are_passed_to_the_run_and_impossible_ones_refused()
    {
        var request = Windows();
        request.MaxLateness = TimeSpan.FromHours(30);
        request.MaxAttempts = 3;

        Assert.EndsWith("Invoke-LinkedInPostQueue -MaxLateness '1.06:00:00' -MaxAttempts 3; exit [int](-not $?)", QueueRunnerScript.For(request));
        request.MaxLateness = TimeSpan.Zero;
        Assert.Equal("MaxLateness", Assert.Throws<LinkedInPosts.Core.Errors.LinkedInValidationException>(() => request.Validate(QueueTaskPlatform.TaskScheduler)).Field);
        request.MaxLateness = null;
        request.MaxAttempts = 0;
        Assert.Equal("MaxAttempts", Assert.Throws<LinkedInPosts.Core.Errors.LinkedInValidationException>(() => request.Validate(QueueTaskPlatform.TaskScheduler)).Field);
    }

    [Fact]
    public void Single_quotes_in_paths_are_doubled_including_typographic_ones()
    {
        var request = Windows(@"D:\O'Brien’s queue\queue.db");
        request.Environment["LINKEDINPOSTS_HOME"] = @"D:\it's";

        Assert.Equal(
            @"$env:LINKEDINPOSTS_HOME = 'D:\it''s'; Import-Module 'C:\Users\ada\Documents\PowerShell\Modules\LinkedInPosts\LinkedInPosts.psd1'; Invoke-LinkedInPostQueue -Path 'D:\O''Brien’’s queue\queue.db'; exit [int](-not $?)",
            QueueRunnerScript.For(request));
    }

    [Fact]
    public void The_Windows_task_runs_the_given_PowerShell_with_the_exact_arguments()
    {
        var task = new QueueTaskDefinition(Windows(@"D:\Queues\it's here.db"), @"CONTOSO\ada", new DateTime(2026, 12, 3, 12, 15, 0));

        Assert.Equal(QueueTaskRequest.DefaultName, task.Name);
        Assert.Equal(@"C:\Program Files\PowerShell\7\pwsh.exe", task.Executable);
        Assert.Equal(
            "-NoProfile -NonInteractive -ExecutionPolicy Bypass -Command \"Import-Module 'C:\\Users\\ada\\Documents\\PowerShell\\Modules\\LinkedInPosts\\LinkedInPosts.psd1'; Invoke-LinkedInPostQueue -Path 'D:\\Queues\\it''s here.db'; exit [int](-not $?)\"",
            task.Arguments);
        Assert.StartsWith("\"C:\\Program Files\\PowerShell\\7\\pwsh.exe\" -NoProfile ", task.CommandLine);
    }

    [Fact]
    public void The_task_XML_parses_back_with_the_trigger_principal_settings_and_action()
    {
        var task = new QueueTaskDefinition(Windows(), @"CONTOSO\ada", new DateTime(2026, 12, 3, 12, 15, 30));

        var xml = XDocument.Parse(task.ToXml().ToString());
        var root = xml.Root!;
        Assert.Equal(T + "Task", root.Name);
        Assert.Equal("1.2", (string?)root.Attribute("version"));
        Assert.Equal(@"\LinkedInPosts queue", (string?)root.Element(T + "RegistrationInfo")!.Element(T + "URI"));
        var trigger = root.Element(T + "Triggers")!.Element(T + "TimeTrigger")!;
        Assert.Equal("PT5M", (string?)trigger.Element(T + "Repetition")!.Element(T + "Interval"));
        Assert.Null(trigger.Element(T + "Repetition")!.Element(T + "Duration"));
        Assert.Equal("2026-12-03T12:15:30", (string?)trigger.Element(T + "StartBoundary"));
        var principal = root.Element(T + "Principals")!.Element(T + "Principal")!;
        Assert.Equal(@"CONTOSO\ada", (string?)principal.Element(T + "UserId"));
        Assert.Equal("InteractiveToken", (string?)principal.Element(T + "LogonType"));
        Assert.Equal("LeastPrivilege", (string?)principal.Element(T + "RunLevel"));
        var settings = root.Element(T + "Settings")!;
        Assert.Equal("IgnoreNew", (string?)settings.Element(T + "MultipleInstancesPolicy"));
        Assert.Equal("true", (string?)settings.Element(T + "StartWhenAvailable"));
        Assert.Equal("false", (string?)settings.Element(T + "DisallowStartIfOnBatteries"));
        var exec = root.Element(T + "Actions")!.Element(T + "Exec")!;
        Assert.Equal(task.Executable, (string?)exec.Element(T + "Command"));
        Assert.Equal(task.Arguments, (string?)exec.Element(T + "Arguments"));
        Assert.Equal((string?)principal.Attribute("id"), (string?)root.Element(T + "Actions")!.Attribute("Context"));
    }

    [Fact]
    public void The_task_file_is_UTF16_with_a_byte_order_mark_and_reads_back_the_same()
    {
        var task = new QueueTaskDefinition(Windows(@"D:\Müller & Söhne\q.db"), @"CONTOSO\ada", new DateTime(2026, 12, 3, 12, 15, 0));

        var bytes = task.ToXmlFileBytes();

        Assert.Equal(new byte[] { 0xFF, 0xFE }, bytes.Take(2));
        var text = Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-16\"?>", text);
        Assert.Contains("&amp;", text);
        var exec = XDocument.Parse(text).Root!.Element(T + "Actions")!.Element(T + "Exec")!;
        Assert.Equal(task.Arguments, (string?)exec.Element(T + "Arguments"));
    }

    [Theory]
    [InlineData(1, "PT1M")]
    [InlineData(90, "PT1H30M")]
    [InlineData(60, "PT1H")]
    [InlineData(1440, "P1D")]
    public void Task_intervals_are_XML_durations(int minutes, string duration)
    {
        var request = Windows();
        request.Interval = TimeSpan.FromMinutes(minutes);

        var xml = new QueueTaskDefinition(request, "ada", DateTime.Now).ToXml();

        Assert.Equal(duration, xml.Descendants(T + "Interval").Single().Value);
    }

    [Fact]
    public void The_schtasks_command_lines_are_exact()
    {
        var task = new QueueTaskDefinition(Windows(), "ada", DateTime.Now);

        Assert.Equal("/Create /TN \"LinkedInPosts queue\" /XML \"C:\\Temp\\my task.xml\"", task.CreateArguments(@"C:\Temp\my task.xml", replace: false));
        Assert.Equal("/Create /TN \"LinkedInPosts queue\" /XML C:\\Temp\\task.xml /F", task.CreateArguments(@"C:\Temp\task.xml", replace: true));
        Assert.Equal("/Delete /TN \"LinkedInPosts queue\" /F", QueueTaskDefinition.DeleteArguments("LinkedInPosts queue"));
        Assert.Equal("/Query /XML /TN nightly", QueueTaskDefinition.XmlQueryArguments("nightly"));
    }

    [Theory]
    [InlineData(@"C:\a b\", "\"C:\\a b\\\\\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\plain", @"C:\plain")]
    [InlineData("", "\"\"")]
    public void Windows_arguments_are_quoted_as_argv_reads_them_back(string value, string expected)
    {
        Assert.Equal(expected, QueueTaskDefinition.WindowsArgument(value));
    }

    [Fact]
    public void The_crontab_line_is_exact()
    {
        var entry = new CrontabEntry(Unix(), Log);

        Assert.Equal("*/5 * * * *", entry.Schedule);
        Assert.Equal(
            "*/5 * * * * '/opt/microsoft/powershell/7/pwsh' -NoProfile -NonInteractive -Command \"Import-Module '/home/ada/.local/share/powershell/Modules/LinkedInPosts/LinkedInPosts.psd1'; Invoke-LinkedInPostQueue; exit [int](-not \\$?)\" >> '/home/ada/.local/share/LinkedInPosts/queue-runner.log' 2>&1 # LinkedInPosts queue task: LinkedInPosts queue",
            entry.Line);
    }

    [Fact]
    public void The_crontab_line_sets_the_environment_cron_lacks_and_quotes_for_sh_and_cron()
    {
        var request = Unix("/srv/it's 100% mine/queue.db");
        request.PowerShellPath = "/opt/power shell/pwsh";
        request.Environment["LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS"] = "1";
        request.Environment["LINKEDINPOSTS_HOME"] = "/srv/linked in";

        var entry = new CrontabEntry(request, "/srv/linked in/queue-runner.log");

        Assert.Equal(
            "*/5 * * * * LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS='1' LINKEDINPOSTS_HOME='/srv/linked in' '/opt/power shell/pwsh' -NoProfile -NonInteractive -Command \"Import-Module '/home/ada/.local/share/powershell/Modules/LinkedInPosts/LinkedInPosts.psd1'; Invoke-LinkedInPostQueue -Path '/srv/it''s 100\\% mine/queue.db'; exit [int](-not \\$?)\" >> '/srv/linked in/queue-runner.log' 2>&1 # LinkedInPosts queue task: LinkedInPosts queue",
            entry.Line);
        // What sh runs, before cron's % escaping: the % is plain there.
        Assert.Contains("100% mine", entry.Command);
        Assert.DoesNotContain("$env:", entry.Line);
    }

    [Fact]
    public void A_single_quote_in_a_path_outside_the_command_is_closed_and_reopened_for_sh()
    {
        var request = Unix();
        request.PowerShellPath = "/home/o'brien/pwsh";

        Assert.StartsWith("*/5 * * * * '/home/o'\\''brien/pwsh' -NoProfile", new CrontabEntry(request, Log).Line);
    }

    [Theory]
    [InlineData(1, "* * * * *")]
    [InlineData(2, "*/2 * * * *")]
    [InlineData(15, "*/15 * * * *")]
    [InlineData(30, "*/30 * * * *")]
    [InlineData(60, "0 * * * *")]
    [InlineData(120, "0 */2 * * *")]
    [InlineData(360, "0 */6 * * *")]
    [InlineData(720, "0 */12 * * *")]
    [InlineData(1440, "0 0 * * *")]
    public void Cron_schedules_repeat_evenly(int minutes, string schedule)
    {
        var request = Unix();
        request.Interval = TimeSpan.FromMinutes(minutes);

        Assert.Equal(schedule, new CrontabEntry(request, Log).Schedule);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(45)]
    [InlineData(90)]
    [InlineData(300)]
    public void Cron_refuses_intervals_that_would_not_repeat_evenly_and_lists_the_valid_ones(int minutes)
    {
        var request = Unix();
        request.Interval = TimeSpan.FromMinutes(minutes);

        var e = Assert.Throws<LinkedInValidationException>(() => new CrontabEntry(request, Log));

        Assert.Equal("LinkedInInvalidQueueTaskInterval", e.ErrorId);
        Assert.Contains("1m, 2m, 3m, 4m, 5m, 6m, 10m, 12m, 15m, 20m, 30m, 1h, 2h, 3h, 4h, 6h, 8h, 12h, 24h", e.Message);
        // Task Scheduler repeats any whole number of minutes.
        var windows = Windows();
        windows.Interval = request.Interval;
        Assert.Equal(request.Interval, new QueueTaskDefinition(windows, "ada", DateTime.Now).Interval);
    }

    [Theory]
    [InlineData(90, "90s")]
    [InlineData(30, "30s")]
    [InlineData(0, "0s")]
    [InlineData(60 * 60 * 24 + 60, "1441m")]
    public void Intervals_under_a_minute_over_a_day_or_not_whole_minutes_are_refused(int seconds, string shown)
    {
        var e = Assert.Throws<LinkedInValidationException>(() => QueueTaskInterval.Check(TimeSpan.FromSeconds(seconds)));

        Assert.Equal(QueueTaskInterval.Field, e.Field);
        Assert.StartsWith($"Every {shown} cannot be scheduled", e.Message);
        Assert.Contains("every 1 minute to 1 day, in whole minutes", e.Message);
    }

    [Theory]
    [InlineData("5m", 300)]
    [InlineData("5 min", 300)]
    [InlineData("1h", 3600)]
    [InlineData("90s", 90)]
    [InlineData("1d", 86400)]
    [InlineData("1D", 86400)]
    [InlineData("00:15:00", 900)]
    public void Interval_text_is_read(string text, int seconds)
    {
        Assert.True(QueueTaskInterval.TryParse(text, out var interval));
        Assert.Equal(TimeSpan.FromSeconds(seconds), interval);
    }

    [Theory]
    [InlineData("5 minutes please")]
    [InlineData("m5")]
    [InlineData("")]
    public void Other_interval_text_is_not_read(string text)
    {
        Assert.False(QueueTaskInterval.TryParse(text, out _));
    }

    [Fact]
    public void Merge_appends_our_line_and_keeps_every_other_line_byte_for_byte()
    {
        var existing = "MAILTO=ops@example.com\r\n# backups\n0 3 * * * /usr/local/bin/backup --all  \n\n@reboot echo hi";
        var entry = new CrontabEntry(Unix(), Log);

        var merged = CrontabEntry.Merge(existing, entry, out var replaced);

        Assert.False(replaced);
        Assert.Equal(existing + "\n" + entry.Line + "\n", merged);
    }

    [Fact]
    public void Merge_replaces_our_older_line_in_place_and_only_the_one_of_that_name()
    {
        var old = new CrontabEntry(Unix(), Log);
        var otherRequest = Unix();
        otherRequest.Name = "second queue";
        var other = new CrontabEntry(otherRequest, Log);
        var existing = "0 3 * * * backup\n" + old.Line + "\n" + other.Line + "\n# LinkedInPosts queue task: LinkedInPosts queue (a note, not an entry)\n@hourly x\n";
        var newer = Unix("/srv/q.db");
        newer.Interval = TimeSpan.FromMinutes(15);
        var entry = new CrontabEntry(newer, Log);

        var merged = CrontabEntry.Merge(existing, entry, out var replaced);

        Assert.True(replaced);
        Assert.Equal("0 3 * * * backup\n" + entry.Line + "\n" + other.Line + "\n# LinkedInPosts queue task: LinkedInPosts queue (a note, not an entry)\n@hourly x\n", merged);
    }

    [Fact]
    public void Merge_into_an_empty_crontab_is_just_our_line()
    {
        var entry = new CrontabEntry(Unix(), Log);

        Assert.Equal(entry.Line + "\n", CrontabEntry.Merge(string.Empty, entry, out _));
        Assert.Equal(entry.Line + "\n", CrontabEntry.Merge(null, entry, out _));
    }

    [Fact]
    public void Merge_collapses_duplicates_of_our_line_into_one()
    {
        var entry = new CrontabEntry(Unix(), Log);

        var merged = CrontabEntry.Merge(entry.Line + "\nx\n" + entry.Line + "\r\n", entry, out _);

        Assert.Equal(entry.Line + "\nx\n", merged);
    }

    [Fact]
    public void Remove_takes_out_exactly_our_lines_and_keeps_the_rest()
    {
        var entry = new CrontabEntry(Unix(), Log);
        var otherRequest = Unix();
        otherRequest.Name = "Other LinkedInPosts queue";
        var other = new CrontabEntry(otherRequest, Log);
        var existing = "A=1\r\n" + entry.Line + "\n0 3 * * * backup\n" + other.Line + "\n" + entry.Line + "   \n";

        var left = CrontabEntry.Remove(existing, QueueTaskRequest.DefaultName, out var removed);

        Assert.Equal(2, removed);
        Assert.Equal("A=1\r\n0 3 * * * backup\n" + other.Line + "\n", left);
        Assert.Equal(new[] { other.Line }, CrontabEntry.Find(left, otherRequest.Name));
        Assert.Empty(CrontabEntry.Find(left, QueueTaskRequest.DefaultName));
    }

    [Fact]
    public void Remove_without_our_line_returns_the_text_unchanged()
    {
        var existing = "0 3 * * * backup"; // no final line break

        Assert.Same(existing, CrontabEntry.Remove(existing, QueueTaskRequest.DefaultName, out var removed));
        Assert.Equal(0, removed);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" padded")]
    [InlineData("50%")]
    [InlineData("a\"b")]
    [InlineData("folder\\task")]
    [InlineData("new\nline")]
    public void Names_that_cannot_round_trip_through_schtasks_and_crontab_are_refused(string name)
    {
        var request = Unix();
        request.Name = name;

        var e = Assert.Throws<LinkedInValidationException>(() => new CrontabEntry(request, Log));

        Assert.Equal("LinkedInInvalidQueueTaskName", e.ErrorId);
        Assert.Contains("LinkedInPosts queue", e.Message);
    }

    [Fact]
    public void Relative_paths_are_refused_because_the_scheduler_runs_elsewhere()
    {
        var request = Unix("queue.db");

        var e = Assert.Throws<ArgumentException>(() => new CrontabEntry(request, Log));

        Assert.Contains("the queue must be a full path", e.Message);
    }

    [Fact]
    public void A_command_past_the_999_bytes_Vixie_cron_keeps_gets_a_warning_and_a_usual_one_none()
    {
        // Cut there, the closing quote or the log redirect is lost and sh fails every run (review S13-D, 1).
        Assert.Null(new CrontabEntry(Unix(), Log).LengthWarning);
        var deep = "/home/ada/Nextcloud/" + string.Concat(Enumerable.Repeat("Εργασίες/", 30));
        var request = Unix(deep + "queue.db");
        request.Environment["LINKEDINPOSTS_HOME"] = deep;
        var entry = new CrontabEntry(request, deep + "queue-runner.log");

        var warning = entry.LengthWarning;

        Assert.NotNull(warning);
        Assert.Contains("keeps only the first 999", warning);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(entry.Line) > CrontabEntry.MaxCommandBytes);
    }
}
