using System.Management.Automation;
using System.Text;
using LinkedInPosts.PowerShell.Tests.Hosting;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// Base of the scheduled-post tests: a real SQLite queue of the test's own (a file in its media folder,
/// made the default of every scheduled-post cmdlet through $PSDefaultParameterValues), the sandbox
/// connection, real files, and CSVs read by the real Import-Csv (Microsoft.PowerShell.Commands.Utility).
/// </summary>
public abstract class ScheduledPostTestBase : MediaTestBase
{
    /// <summary>Every test schedules in this zone, so nothing depends on the machine's own.</summary>
    protected const string Zone = "Europe/Berlin";

    protected ScheduledPostTestBase(SandboxFixture sandbox)
        : base(sandbox)
    {
        Queue = Path.Combine(Files.Folder, "queue", "queue.db");
    }

    /// <summary>The test's queue file.</summary>
    protected string Queue { get; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseQueue(PowerShell);
    }

    /// <summary>Makes <see cref="Queue"/> the default queue of the scheduled-post cmdlets in <paramref name="session"/>.</summary>
    protected void UseQueue(PowerShellSession session)
    {
        session.ImportUtility();
        session.Run(
            "$PSDefaultParameterValues['Register-LinkedInScheduledPost:Path'] = $args[0];" +
            "$PSDefaultParameterValues['Get-LinkedInScheduledPost:Path'] = $args[0];" +
            "$PSDefaultParameterValues['Set-LinkedInScheduledPost:Path'] = $args[0];" +
            "$PSDefaultParameterValues['Unregister-LinkedInScheduledPost:Path'] = $args[0];" +
            "$PSDefaultParameterValues['Export-LinkedInScheduledPost:QueuePath'] = $args[0]", Queue).AssertNoErrors();
    }

    /// <summary>Writes a CSV (header + rows, every cell quoted) into the test's folder and returns its path.</summary>
    protected string Csv(string name, string[] header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", header.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            Assert.Equal(header.Length, row.Length);
            text.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        }
        var path = Path.Combine(Files.Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"") + "\"";

    /// <summary>Imports <paramref name="csv"/> with Import-Csv into Register-LinkedInScheduledPost (-BasePath the CSV, -TimeZone <see cref="Zone"/>).</summary>
    protected PowerShellRun Import(string csv, string extra = "") =>
        PowerShell.Run($"Import-Csv -LiteralPath $args[0] | Register-LinkedInScheduledPost -BasePath $args[0] -TimeZone '{Zone}' {extra}", csv);

    /// <summary>Every post in the test's queue.</summary>
    protected IReadOnlyList<PSObject> QueuedPosts()
    {
        var run = PowerShell.Run("Get-LinkedInScheduledPost");
        run.AssertNoErrors();
        return run.Output;
    }

    /// <summary>A run's errors other than the plain-text token store's warnings (there are none: those are warnings).</summary>
    protected static string Message(ErrorRecord error) => error.ErrorDetails?.Message ?? error.Exception.Message;

    /// <summary>A time far enough ahead that no test run reaches it, as CSV text in <see cref="Zone"/>.</summary>
    protected static string Future(int dayOffset, int hour = 9, int minute = 30) =>
        new DateTime(2031, 1, 6, hour, minute, 0).AddDays(dayOffset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    protected static string KeyOf(PSObject post) => (string)Property(post, "Key")!;

    /// <summary>What Register-LinkedInScheduledPost did with the row (its output's RegistrationOutcome).</summary>
    protected static string Outcome(PSObject post) => Property(post, "RegistrationOutcome")!.ToString()!;
}
