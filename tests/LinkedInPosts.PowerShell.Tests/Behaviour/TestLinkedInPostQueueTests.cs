using System.Management.Automation;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>Test-LinkedInPostQueue: findings from the real token store and queue file; nothing is sent.</summary>
public sealed class TestLinkedInPostQueueTests : PostQueueTestBase
{
    public TestLinkedInPostQueueTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task AHealthyQueueHasNoErrorsAndQuietIsTrue()
    {
        ConnectQueue("-AccessTokenExpiresAt ([DateTime]::Now).AddDays(50)");
        Register(new[] { "Tomorrow morning" }, Now.AddHours(10));
        var before = await RequestCountAsync();

        var run = PowerShell.Run("Test-LinkedInPostQueue -Path $Queue -Horizon 24h; if ($?) { 'SUCCEEDED' } else { 'FAILED' }");

        run.AssertNoErrors();
        Assert.Equal("SUCCEEDED", run.Output[^1].ToString());
        // A token brought with -AccessToken does not record its scopes: that is information, not a problem.
        Assert.All(OfType(run, "LinkedInQueueFinding"), f => Assert.Equal("Info", Property(f, "Severity")!.ToString()));
        var quiet = PowerShell.Run("Test-LinkedInPostQueue -Path $Queue -Quiet");
        quiet.AssertNoErrors();
        Assert.Equal(true, Assert.Single(quiet.Output).BaseObject);
        Assert.Empty(await RequestsSinceAsync(before));
    }

    [Fact]
    public void ProblemsAreFindingsWithFixesAndOneErrorRecordMakesTheRunFail()
    {
        ConnectQueue("-AccessTokenExpiresAt ([DateTime]::Now).AddHours(2)");
        Register(new[] { "Before expiry" }, Now.AddHours(1), keyPrefix: "early");
        Register(new[] { "After expiry" }, Now.AddHours(5), keyPrefix: "late");
        Register(new[] { "No connection" }, Now.AddHours(3), connection: "nobody-" + TestName, keyPrefix: "orphan");
        Register(new[] { "Beyond the horizon" }, Now.AddDays(3), connection: "nobody-" + TestName, keyPrefix: "far");

        var run = PowerShell.Run("Test-LinkedInPostQueue -Path $Queue; if ($?) { 'SUCCEEDED' } else { 'FAILED' }");

        Assert.Equal("FAILED", run.Output[^1].ToString());
        var findings = OfType(run, "LinkedInQueueFinding");
        var token = Assert.Single(findings, f => (string)Property(f, "Check")! == "Token");
        Assert.Equal(("Error", "late0", ConnectionName), (Property(token, "Severity")!.ToString(), (string)Property(token, "Key")!, (string)Property(token, "Connection")!));
        Assert.Contains($"Connect-LinkedIn -Name {ConnectionName}", (string)Property(token, "Fix")!);
        var missing = Assert.Single(findings, f => (string)Property(f, "Check")! == "Connection");
        Assert.Equal(("Error", "orphan0", 1), (Property(missing, "Severity")!.ToString(), (string)Property(missing, "Key")!, (int)Property(missing, "Posts")!));
        Assert.Contains($"Connect-LinkedIn -Name nobody-{TestName}", (string)Property(missing, "Fix")!);
        Assert.IsType<DateTime>(Property(missing, "ScheduledAt"));
        Assert.DoesNotContain(findings, f => (string?)Property(f, "Key") == "far0");

        var error = run.SingleError();
        Assert.StartsWith("LinkedInQueuePreflightFailed,LinkedInPosts.PowerShell.Cmdlets.TestLinkedInPostQueueCommand", error.FullyQualifiedErrorId);
        Assert.Contains("2 error(s)", error.ToString());
        Assert.NotNull(error.ErrorDetails.RecommendedAction);

        var quiet = PowerShell.Run("Test-LinkedInPostQueue -Path $Queue -Quiet");
        quiet.AssertNoErrors();
        Assert.Equal(false, Assert.Single(quiet.Output).BaseObject);

        // Unquoted, 4d reaches the cmdlet as PowerShell's decimal 4: it is taken as days, as written.
        var wide = PowerShell.Run("Test-LinkedInPostQueue -Path $Queue -Horizon 4d");
        Assert.Contains(OfType(wide, "LinkedInQueueFinding"), f => (string)Property(f, "Check")! == "Connection" && (int)Property(f, "Posts")! == 2);
    }

    [Fact]
    public void AMissingQueueFileIsATerminatingErrorAndNoEmptyQueueIsCreated()
    {
        ConnectQueue();
        var wrong = Path.Combine(Path.GetDirectoryName(QueuePath)!, "elsewhere.db");

        var run = PowerShell.Run("Test-LinkedInPostQueue -Path $args[0]; $?", wrong);
        var quiet = PowerShell.Run("if (-not (Test-LinkedInPostQueue -Path $args[0] -Quiet)) { 'ALERT' }", wrong);

        var error = run.SingleError();
        Assert.StartsWith("LinkedInQueueNotFound,LinkedInPosts.PowerShell.Cmdlets.TestLinkedInPostQueueCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains(wrong, error.ToString());
        Assert.Equal(new object[] { false }, run.Output.Select(o => o.BaseObject));
        // -Quiet's answer is its value and it writes no error record: with no queue at all it is $false (and
        // a warning names the path), so the monitoring script's if alerts instead of being aborted.
        quiet.AssertNoErrors();
        Assert.Equal("ALERT", Assert.Single(quiet.Output).ToString());
        Assert.Contains(quiet.Warnings, w => w.Contains(wrong));
        Assert.False(File.Exists(wrong));
    }

    [Fact]
    public void QuietIsFalseWithAWarningNotAnErrorWhenTheQueueCannotBeOpened()
    {
        ConnectQueue();
        var notAQueue = Path.Combine(Path.GetDirectoryName(QueuePath)!, "notes.db");
        File.WriteAllText(notAQueue, "These are my notes, not a LinkedInPosts queue. They are long enough to look like a file of some size.");

        var loud = PowerShell.Run("Test-LinkedInPostQueue -Path $args[0]", notAQueue);
        var quiet = PowerShell.Run("if (-not (Test-LinkedInPostQueue -Path $args[0] -Quiet)) { 'ALERT' }", notAQueue);

        Assert.StartsWith("LinkedInQueue", loud.SingleError().FullyQualifiedErrorId);
        quiet.AssertNoErrors();
        Assert.Equal("ALERT", Assert.Single(quiet.Output).ToString());
        Assert.Contains(quiet.Warnings, w => w.Contains(notAQueue));
    }

    [Fact]
    public void PostsThatNeedAPersonAreErrorsWhateverTheirTime()
    {
        ConnectQueue();
        var stranger = "urn:li:person:someoneelse" + TestName;
        Register(new[] { "Will fail" }, Now.AddMinutes(-1), author: stranger, keyPrefix: "fails");
        PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue -ErrorAction SilentlyContinue | Out-Null");

        var run = PowerShell.Run("Test-LinkedInPostQueue -Path $Queue");

        var stuck = Assert.Single(OfType(run, "LinkedInQueueFinding"), f => (string)Property(f, "Check")! == "Stuck");
        Assert.Equal(("Error", "fails0"), (Property(stuck, "Severity")!.ToString(), (string)Property(stuck, "Key")!));
        Assert.StartsWith("LinkedInQueuePreflightFailed,", run.SingleError().FullyQualifiedErrorId);
    }
}
