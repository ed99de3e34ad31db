using System.Management.Automation;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// The queue cmdlets as a console and a script see them (review S13-F): the summary keeps its short view after the
/// results' table, the help's filter pipes on, and -From takes the module's own times.
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
