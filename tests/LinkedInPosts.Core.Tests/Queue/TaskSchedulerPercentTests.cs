using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// Task Scheduler expands %NAME% in an Exec action's Command and Arguments when the task runs, and documents
/// no escape for a literal %: a path with a % is refused with its name instead of being rewritten at run time.
/// </summary>
public sealed class TaskSchedulerPercentTests
{
    private static QueueTaskRequest Windows() => new()
    {
        PowerShellPath = @"C:\Program Files\PowerShell\7\pwsh.exe",
        ModuleManifestPath = @"C:\Modules\LinkedInPosts\LinkedInPosts.psd1",
        Interval = TimeSpan.FromMinutes(5),
    };

    [Theory]
    [InlineData("PowerShellPath", @"C:\%TOOLS%\pwsh.exe", "the PowerShell executable")]
    [InlineData("ModuleManifestPath", @"C:\%USERNAME%\LinkedInPosts.psd1", "the module manifest")]
    [InlineData("QueuePath", @"D:\100% mine\queue.db", "the queue")]
    [InlineData("LINKEDINPOSTS_HOME", @"D:\%DATA%\LinkedInPosts", "LINKEDINPOSTS_HOME")]
    public void A_percent_in_any_path_of_the_task_is_refused_naming_the_path(string field, string path, string what)
    {
        var request = Windows();
        switch (field)
        {
            case "PowerShellPath": request.PowerShellPath = path; break;
            case "ModuleManifestPath": request.ModuleManifestPath = path; break;
            case "QueuePath": request.QueuePath = path; break;
            default: request.Environment[field] = path; break;
        }

        var e = Assert.Throws<ArgumentException>(() => new QueueTaskDefinition(request, @"CONTOSO\ada", new DateTime(2026, 12, 3, 12, 15, 0)));

        Assert.StartsWith($"'{path}' (", e.Message);
        Assert.Contains(what + ")", e.Message);
        Assert.Contains("Task Scheduler expands %NAME%", e.Message);
    }

    [Fact]
    public void Cron_keeps_a_percent_so_the_same_path_is_taken_there()
    {
        var request = new QueueTaskRequest
        {
            PowerShellPath = "/opt/pwsh",
            ModuleManifestPath = "/opt/%USER%/LinkedInPosts.psd1",
            Interval = TimeSpan.FromMinutes(5),
        };

        Assert.Contains("/opt/\\%USER\\%/LinkedInPosts.psd1", new CrontabEntry(request, "/srv/log").Line);
    }
}
