using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// What a scheduled run gets of the registering session's environment, and how it reaches the crontab line
/// and the Windows task: the run must see the same data folder and API version however the session chose them.
/// </summary>
public sealed class QueueTaskEnvironmentTests
{
    private const string Log = "/home/ada/.local/share/LinkedInPosts/queue-runner.log";

    private static QueueTaskRequest Unix(string? queue = null) => new()
    {
        PowerShellPath = "/opt/microsoft/powershell/7/pwsh",
        ModuleManifestPath = "/opt/LinkedInPosts/LinkedInPosts.psd1",
        QueuePath = queue,
        Interval = TimeSpan.FromMinutes(5),
    };

    private static Func<string, string?> Session(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    [Fact]
    public void A_data_folder_chosen_by_XDG_DATA_HOME_goes_to_the_crontab_line_as_LINKEDINPOSTS_HOME_with_the_API_version()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // XDG_DATA_HOME chooses the folder only on Linux
        }
        var request = Unix();

        QueueTaskEnvironment.CarryOver(request, Session(("HOME", "/home/ada"), ("XDG_DATA_HOME", "/srv/it's 100% data"), ("LINKEDINPOSTS_API_VERSION", " 202601 ")));

        Assert.Equal(new[] { "LINKEDINPOSTS_API_VERSION", "LINKEDINPOSTS_HOME" }, request.Environment.Keys);
        Assert.Equal("/srv/it's 100% data/LinkedInPosts", request.Environment["LINKEDINPOSTS_HOME"]);
        var entry = new CrontabEntry(request, Log);
        // sh reads the value back exactly: ' closed and reopened, and % escaped for cron only on the line.
        Assert.StartsWith("LINKEDINPOSTS_API_VERSION='202601' LINKEDINPOSTS_HOME='/srv/it'\\''s 100% data/LinkedInPosts' '/opt/", entry.Command);
        Assert.StartsWith("*/5 * * * * LINKEDINPOSTS_API_VERSION='202601' LINKEDINPOSTS_HOME='/srv/it'\\''s 100\\% data/LinkedInPosts' '/opt/", entry.Line);
    }

    [Fact]
    public void The_default_data_folder_is_carried_too_so_the_run_does_not_depend_on_the_schedulers_HOME()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var request = Unix();

        QueueTaskEnvironment.CarryOver(request, Session(("HOME", "/home/ada")));

        Assert.Equal("/home/ada/.local/share/LinkedInPosts", Assert.Single(request.Environment).Value);
    }

    [Fact]
    public void LINKEDINPOSTS_HOME_wins_and_the_queue_variable_goes_only_without_a_queue_path()
    {
        var home = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "lp home"));
        var queue = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "lp.db"));
        var session = Session(("LINKEDINPOSTS_HOME", " " + home + " "), ("XDG_DATA_HOME", "/srv/xdg"), ("LINKEDINPOSTS_QUEUE", queue));
        var withoutPath = Unix();
        var withPath = Unix("/srv/other.db");

        QueueTaskEnvironment.CarryOver(withoutPath, session);
        QueueTaskEnvironment.CarryOver(withPath, session);

        Assert.Equal(home, withoutPath.Environment["LINKEDINPOSTS_HOME"]);
        Assert.Equal(queue, withoutPath.Environment["LINKEDINPOSTS_QUEUE"]);
        Assert.False(withoutPath.Environment.ContainsKey("LINKEDINPOSTS_API_VERSION"));
        Assert.Equal(new[] { "LINKEDINPOSTS_HOME" }, withPath.Environment.Keys);
    }

    [Fact]
    public void The_Windows_task_sets_the_carried_variables_inside_its_one_quoted_Command_argument()
    {
        var request = new QueueTaskRequest
        {
            PowerShellPath = @"C:\Program Files\PowerShell\7\pwsh.exe",
            ModuleManifestPath = @"C:\Modules\LinkedInPosts\LinkedInPosts.psd1",
            Interval = TimeSpan.FromMinutes(5),
        };
        request.Environment["LINKEDINPOSTS_API_VERSION"] = "202601";
        request.Environment["LINKEDINPOSTS_HOME"] = @"C:\Users\O'Brien\AppData\Local\LinkedInPosts\";

        var task = new QueueTaskDefinition(request, @"CONTOSO\ada", new DateTime(2026, 12, 3, 12, 15, 0));

        Assert.Equal(
            "-NoProfile -NonInteractive -ExecutionPolicy Bypass -Command \"$env:LINKEDINPOSTS_API_VERSION = '202601'; $env:LINKEDINPOSTS_HOME = 'C:\\Users\\O''Brien\\AppData\\Local\\LinkedInPosts\\'; Import-Module 'C:\\Modules\\LinkedInPosts\\LinkedInPosts.psd1'; Invoke-LinkedInPostQueue; exit [int](-not $?)\"",
            task.Arguments);
    }
}
