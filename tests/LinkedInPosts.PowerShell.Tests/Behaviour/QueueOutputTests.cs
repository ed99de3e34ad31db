using System.Management.Automation;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// The queue cmdlets as a console and a script see them (review S13-F): the summary keeps its short view after the
/// results' table, a post published on later evidence shows its URN, and -From takes the module's own times.
/// </summary>
public sealed class QueueOutputTests : PostQueueTestBase
{
    public QueueOutputTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        PowerShell.ImportUtility();
    }

    [Fact]
    public void TheSummaryKeepsItsShortViewAfterTheResultsTable()
    {
        ConnectQueue();
        Register(new[] { "one", "two" }, Now.AddMinutes(-1));
        // What a console shows for a plain `Invoke-LinkedInPostQueue`: the results, then the summary, in one stream.
        var shown = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue | Out-String -Width 150").Output.Single().ToString()!;
        Assert.Matches(@"Published\s+: 2", shown);
        Assert.DoesNotContain("RunnerId", shown);   // the view leaves it out, as FailedAndMissedPosts... checks for the summary alone
        Assert.DoesNotContain("Retrying", shown);   // a count of 0
    }

    private void SetModuleClockOffset(TimeSpan offset)
    {
        var module = AppDomain.CurrentDomain.GetAssemblies()
            .Single(a => !a.IsDynamic && a.GetName().Name == "LinkedInPosts" && Path.GetFullPath(a.Location) == Path.GetFullPath(RepoPaths.ModuleAssembly));
        var clock = module.GetType("LinkedInPosts.PowerShell.Infrastructure.ModuleClock", throwOnError: true)!;
        clock.GetMethod("SetOffset", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!.Invoke(null, new object[] { PowerShell.Runspace, offset });
    }

    [Fact]
    public async Task APostPublishedOnLaterEvidenceShowsItsUrnInTheResultsTable()
    {
        ConnectQueue();
        Register(new[] { "Did it go out? Later runs will know" }, Now.AddMinutes(-1));
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 503, Count = 2 });
        try
        {
            PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue").AssertNoErrors();
        }
        finally
        {
            await Sandbox.Admin.ClearFaultsAsync();
        }
        SetModuleClockOffset(TimeSpan.FromMinutes(3));
        var later = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue");
        later.AssertNoErrors();
        var result = Assert.Single(OfType(later, "LinkedInQueueRunResult"));
        Assert.Equal("Published", Property(result, "Outcome")!.ToString());
        var urn = (string)Property(result, "PostUrn")!;
        // A 120-column console, as Task Scheduler's and most terminals' default.
        var shown = PowerShell.Run("$args[0] | Out-String -Width 120", result).Output.Single().ToString()!;
        Assert.Contains(urn, shown);
    }

    [Fact]
    public void TheHelpsFilterForPostsThatNeedALookPipesOnWithoutTheSummary()
    {
        ConnectQueue();
        Register(new[] { "Two days late" }, Now.AddDays(-2), keyPrefix: "late");
        var run = PowerShell.Run(
            "Invoke-LinkedInPostQueue -Path $Queue -ErrorAction SilentlyContinue | Where-Object { $_.NeedsAttention -and $_.Id } | Get-LinkedInScheduledPost");
        Assert.Equal("late0", Property(Assert.Single(run.Output), "Key"));
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void FromTakesTheScheduledAtThatGetOutputsForGetAndExport()
    {
        ConnectQueue();
        Register(new[] { "first" }, new DateTimeOffset(2031, 1, 7, 8, 30, 0, 123, TimeSpan.Zero), keyPrefix: "a");
        Register(new[] { "second" }, new DateTimeOffset(2031, 1, 8, 8, 30, 0, TimeSpan.Zero), keyPrefix: "b");
        var run = PowerShell.Run("$p = Get-LinkedInScheduledPost -Path $Queue -Key a0; Get-LinkedInScheduledPost -Path $Queue -From $p.ScheduledAt | ForEach-Object Key");
        Assert.True(run.AllErrors.Count == 0, string.Join("\n", run.AllErrors.Select(e => e.ToString())));
        Assert.Equal(new[] { "a0", "b0" }, run.Output.Select(o => o.ToString()));
        var before = PowerShell.Run("$p = Get-LinkedInScheduledPost -Path $Queue -Key b0; Get-LinkedInScheduledPost -Path $Queue -To $p.ScheduledAt | ForEach-Object Key");
        Assert.Equal(new[] { "a0" }, before.Output.Select(o => o.ToString()));
        var export = Path.Combine(Path.GetDirectoryName(QueuePath)!, "from.csv");
        PowerShell.Run("$p = Get-LinkedInScheduledPost -Path $Queue -Key b0; Export-LinkedInScheduledPost -QueuePath $Queue -Path $args[0] -From $p.ScheduledAt", export).AssertNoErrors();
        Assert.Equal(new[] { "b0" }, PowerShell.Run("Import-Csv $args[0] | ForEach-Object Key", export).Output.Select(o => o.ToString()));
    }

}
