using System.Management.Automation;
using LinkedInPosts.Sandbox;

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

    /// <summary>
    /// What a run that died during a post's first comment call leaves, through the store's own methods at
    /// <c>$At</c>: the post claimed, Sending, then Published with its comment begun (Adding), and nothing after.
    /// </summary>
    private const string DiedDuringCommentScript = """
        param($QueuePath, $At, $Urn)
        $store = [LinkedInPosts.Core.Queue.QueueStoreFactory]::Open([LinkedInPosts.Core.Queue.QueueStoreOptions]@{ Path = $QueuePath })
        try {
            $lease = [TimeSpan]::FromMinutes(10)
            $claim = @($store.ClaimDue([DateTimeOffset]$At, 'dead-run', $lease, 10))[0].Claim
            $null = $store.MarkSending($claim, [DateTimeOffset]$At, $lease)
            $store.MarkPublishedAndBeginFirstComment($claim, $Urn, [DateTimeOffset]$At, 201).Applied
        }
        finally { $store.Dispose() }
        """;

    [Fact]
    public async Task FirstCommentsThatNeedAPersonAreWarningsAndGetLinkedInScheduledPostFindsThem()
    {
        ConnectQueue("-AccessTokenExpiresAt ([DateTime]::Now).AddDays(50)");
        // A run an hour ago died during this post's comment call: its outcome is unknown.
        Register(new[] { "Posted, comment unknown" }, Now.AddHours(-1), comment: "Slides are in the comments", keyPrefix: "unknown");
        var died = PowerShell.Run(DiedDuringCommentScript, QueuePath, Now.AddHours(-1), "urn:li:share:7045020441609936898");
        died.AssertNoErrors();
        Assert.Equal(true, Assert.Single(died.Output).BaseObject);
        // A run now, whose comment LinkedIn refuses.
        Register(new[] { "Posted, comment refused" }, Now.AddMinutes(-1), comment: "Questions below", keyPrefix: "refused");
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/socialActions", Status = 403 });
        try
        {
            PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue -ErrorAction SilentlyContinue | Out-Null");
        }
        finally
        {
            await Sandbox.Admin.ClearFaultsAsync();
        }
        var refusedUrn = (string)Property(States()["refused0"], "PostUrn")!;

        var run = PowerShell.Run("Test-LinkedInPostQueue -Path $Queue; if ($?) { 'SUCCEEDED' } else { 'FAILED' }");

        // Warnings: the posts are out and nothing due is held up, so the check (and a monitoring job's exit code) passes.
        run.AssertNoErrors();
        Assert.Equal("SUCCEEDED", run.Output[^1].ToString());
        var findings = OfType(run, "LinkedInQueueFinding").Where(f => (string)Property(f, "Check")! == "FirstComment").ToList();
        Assert.Equal(new[] { "unknown0", "refused0" }, findings.Select(f => (string)Property(f, "Key")!));
        Assert.All(findings, f => Assert.Equal("Warning", Property(f, "Severity")!.ToString()));
        Assert.Contains("was added is not known", (string)Property(findings[0], "Message")!);
        Assert.Contains("https://www.linkedin.com/feed/update/urn:li:share:7045020441609936898", (string)Property(findings[0], "Fix")!);
        Assert.Contains("was not added", (string)Property(findings[1], "Message")!);
        Assert.StartsWith("Add it by hand as " + Member.Urn + " under the post, https://www.linkedin.com/feed/update/" + refusedUrn, (string)Property(findings[1], "Fix")!);
        // Checked with -Path, so the commands it suggests name that queue.
        Assert.Contains("Set-LinkedInScheduledPost -Path '" + QueuePath.Replace("'", "''") + "' -Id ", (string)Property(findings[1], "Fix")!);
        Assert.Equal(true, Assert.Single(PowerShell.Run("Test-LinkedInPostQueue -Path $Queue -Quiet").Output).BaseObject);

        var off = PowerShell.Run("Test-LinkedInPostQueue -Path $Queue -FirstCommentLookBack 0");
        off.AssertNoErrors();
        Assert.DoesNotContain(OfType(off, "LinkedInQueueFinding"), f => (string)Property(f, "Check")! == "FirstComment");
        var negative = PowerShell.Run("Test-LinkedInPostQueue -Path $Queue -FirstCommentLookBack -60");
        Assert.StartsWith("LinkedInInvalidTimeout,", negative.SingleError().FullyQualifiedErrorId);
        // A horizon of 0 is allowed (only what is due now), so a negative one is told so, not "must be positive" (review S14-D5).
        PowerShell.Run("Test-LinkedInPostQueue -Path $Queue -Horizon 0").AssertNoErrors();
        var behind = PowerShell.Run("Test-LinkedInPostQueue -Path $Queue -Horizon -60").SingleError();
        Assert.StartsWith("LinkedInInvalidTimeout,", behind.FullyQualifiedErrorId);
        Assert.StartsWith("-Horizon cannot be negative", behind.Exception.Message);

        var listed = PowerShell.Run("Get-LinkedInScheduledPost -Path $Queue -State Published -FirstCommentState Failed, Adding -From ([DateTime]::Now).AddDays(-7)");
        listed.AssertNoErrors();
        Assert.Equal(new[] { ("unknown0", "Adding"), ("refused0", "Failed") }, listed.Output.Select(p => ((string)Property(p, "Key")!, Property(p, "FirstCommentState")!.ToString()!)));
        Assert.Contains("first comment was not added", (string)Property(listed.Output[1], "FirstCommentError")!);
        Assert.Empty(PowerShell.Run("Get-LinkedInScheduledPost -Path $Queue -FirstCommentState Added").Output);

        // The person adds both by hand and says so: the warnings end, and the posts read Added.
        var settle = PowerShell.Run(
            "$posts = Get-LinkedInScheduledPost -Path $Queue -FirstCommentState Failed, Adding; " +
            "$posts[0] | Set-LinkedInScheduledPost -FirstCommentAdded -WhatIf; " +
            "$posts[0] | Set-LinkedInScheduledPost -FirstCommentAdded -FirstCommentUrn 'urn:li:share:1'; " +
            "$posts[0] | Set-LinkedInScheduledPost -FirstCommentAdded -FirstCommentUrn 'urn:li:comment:(urn:li:activity:7045020441609936898,1)' -PassThru; " +
            "$posts[1] | Set-LinkedInScheduledPost -FirstCommentAdded -PassThru; " +
            "$posts[1] | Set-LinkedInScheduledPost -FirstCommentAdded");
        Assert.True(settle.Errors.Count == 2, string.Join(" / ", settle.Errors.Select(e => e.Exception.Message)));
        var badUrn = settle.Errors[0];
        Assert.StartsWith("LinkedInInvalidUrn,", badUrn.FullyQualifiedErrorId);
        Assert.Contains("-FirstCommentUrn: 'urn:li:share:1' is not a comment URN", badUrn.Exception.Message);
        var twice = settle.Errors[1];
        Assert.StartsWith("LinkedInScheduledPostWrongState,", twice.FullyQualifiedErrorId);
        Assert.Contains("its first comment is recorded as added already", twice.Exception.Message);
        Assert.Equal(new[] { ("unknown0", "Added", "urn:li:comment:(urn:li:activity:7045020441609936898,1)"), ("refused0", "Added", (string?)null) },
            settle.Output.Select(p => ((string)Property(p, "Key")!, Property(p, "FirstCommentState")!.ToString()!, (string?)Property(p, "FirstCommentUrn"))));
        var after = PowerShell.Run("Test-LinkedInPostQueue -Path $Queue");
        after.AssertNoErrors();
        Assert.DoesNotContain(OfType(after, "LinkedInQueueFinding"), f => (string)Property(f, "Check")! == "FirstComment");
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
