using System.Diagnostics;
using System.Management.Automation;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>Invoke-LinkedInPostQueue against the sandbox and a real queue file, as a scheduled task runs it.</summary>
public sealed class InvokeLinkedInPostQueueTests : PostQueueTestBase
{
    public InvokeLinkedInPostQueueTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    /// <summary>
    /// Moves this test's module clock (the queue's "now") ahead, as a scheduled run minutes later would see it;
    /// the module's test seam ModuleClock.SetOffset, reached by reflection (the tests do not compile against it).
    /// </summary>
    private void SetModuleClockOffset(TimeSpan offset)
    {
        var module = AppDomain.CurrentDomain.GetAssemblies()
            .Single(a => !a.IsDynamic && a.GetName().Name == "LinkedInPosts" && Path.GetFullPath(a.Location) == Path.GetFullPath(RepoPaths.ModuleAssembly));
        var clock = module.GetType("LinkedInPosts.PowerShell.Infrastructure.ModuleClock", throwOnError: true)!;
        clock.GetMethod("SetOffset", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!.Invoke(null, new object[] { PowerShell.Runspace, offset });
    }

    [Fact]
    public async Task PublishesEveryDuePostOnceWritingEachResultThenTheSummary()
    {
        ConnectQueue();
        var texts = new[] { "Patch night (Tuesday) went fine #ops", "Second post [2/4]", "Third post", "Fourth post *done*" };
        Register(texts, Now.AddMinutes(-2));
        Register(new[] { "Not yet" }, Now.AddHours(3), keyPrefix: "later");

        var run = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue; if ($?) { 'SUCCEEDED' } else { 'FAILED' }");

        run.AssertNoErrors();
        var results = OfType(run, "LinkedInQueueRunResult");
        Assert.Equal(4, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal("Published", Property(r, "Outcome")!.ToString());
            Assert.Equal("Published", Property(r, "State")!.ToString());
            Assert.StartsWith("urn:li:", (string)Property(r, "PostUrn")!);
            Assert.Equal(false, Property(r, "NeedsAttention"));
            Assert.IsType<DateTime>(Property(r, "ScheduledAt"));
        });
        var summary = Assert.Single(OfType(run, "LinkedInQueueRunSummary"));
        Assert.Same(summary, run.Output[^2]);
        Assert.Equal((4, 0, false, 0), ((int)Property(summary, "Published")!, (int)Property(summary, "Failed")!, (bool)Property(summary, "NeedsAttention")!, (int)Property(summary, "ExitCode")!));
        Assert.Equal("SUCCEEDED", run.Output[^1].ToString());
        Assert.Contains(run.Progress, p => p.Activity == "Publishing scheduled LinkedIn posts" && p.RecordType == ProgressRecordType.Processing);
        Assert.Contains(run.Progress, p => p.Activity == "Publishing scheduled LinkedIn posts" && p.RecordType == ProgressRecordType.Completed);

        // Each text went out once and whole: escaped as little text, nothing cut at a reserved character.
        var posts = await MemberPostsAsync();
        var escaped = new[] { @"Patch night \(Tuesday\) went fine #ops", @"Second post \[2/4\]", "Third post", @"Fourth post \*done\*" };
        Assert.Equal(escaped.OrderBy(t => t, StringComparer.Ordinal), posts.Select(p => p.Commentary).OrderBy(t => t, StringComparer.Ordinal));
        Assert.All(posts, p => Assert.Equal(p.SentCommentary, p.Commentary));
        var states = States();
        Assert.Equal("Pending", Property(states["later0"], "State"));
        Assert.Equal(posts.Select(p => p.Urn).OrderBy(u => u), states.Values.Select(s => Property(s, "PostUrn") as string).Where(u => u != null).OrderBy(u => u));

        // The next run (the task a few minutes later) finds nothing to do and posts nothing again.
        var again = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue");
        again.AssertNoErrors();
        Assert.Empty(OfType(again, "LinkedInQueueRunResult"));
        Assert.Equal(0, Property(Assert.Single(OfType(again, "LinkedInQueueRunSummary")), "Posts"));
        Assert.Equal(4, (await MemberPostsAsync()).Count);
    }

    [Fact]
    public async Task PublishedScheduledPostsPipeIntoGetAndRemoveLinkedInPostAndQueuePathNamesTheQueue()
    {
        ConnectQueue();
        Register(new[] { "Out, then taken down" }, Now.AddMinutes(-1));
        PowerShell.Run("Invoke-LinkedInPostQueue -QueuePath $Queue").AssertNoErrors();

        var read = PowerShell.Run("Get-LinkedInScheduledPost -QueuePath $Queue -State Published | Get-LinkedInPost -Connection $args[0]", ConnectionName);
        read.AssertNoErrors();
        Assert.Equal("Out, then taken down", Property(read.Output.Single(), "Commentary"));

        var removed = PowerShell.Run("Get-LinkedInScheduledPost -QueuePath $Queue -State Published | Remove-LinkedInPost -Connection $args[0] -Confirm:$false", ConnectionName);
        removed.AssertNoErrors();
        Assert.True(Assert.Single(await MemberPostsAsync()).Deleted);
        Assert.Equal("Published", Property(States()["p0"], "State")!.ToString());
    }

    [Fact]
    public async Task RunResultsAndFindingsPipeIntoTheCmdletsOfTheirOwnQueueAndPostsIntoGetLinkedInPostWithTheirConnection()
    {
        ConnectQueue();
        var stranger = await Sandbox.Admin.CreateMemberAsync("Someone Else");
        Register(new[] { "Posted as someone else" }, Now.AddMinutes(-1), author: stranger.Urn, keyPrefix: "stranger");
        Register(new[] { "Two days late" }, Now.AddDays(-2), keyPrefix: "late");
        Register(new[] { "On time" }, Now.AddMinutes(-1), keyPrefix: "fine");

        // A run's results carry their queue: the Missed one is cancelled in this queue, not looked for in the default one.
        var cancel = PowerShell.Run(
            "Invoke-LinkedInPostQueue -Path $Queue -ErrorAction SilentlyContinue | Where-Object Outcome -EQ Missed | Unregister-LinkedInScheduledPost -Confirm:$false");
        cancel.AssertNoErrors(); // the run's own Failed and Missed errors are silenced; Unregister's would show
        Assert.Equal("Cancelled", Property(States()["late0"], "State")!.ToString());

        // A finding carries its queue and post id (PostId): it pipes into Get-LinkedInScheduledPost.
        var found = PowerShell.Run("Test-LinkedInPostQueue -Path $Queue -ErrorAction SilentlyContinue | Where-Object Check -EQ Stuck | Get-LinkedInScheduledPost");
        Assert.Equal("stranger0", Property(Assert.Single(found.Output), "Key"));

        // A published scheduled post is read back with its own connection (no -Connection; there is no 'default' here).
        var read = PowerShell.Run("Get-LinkedInScheduledPost -Path $Queue -State Published | Get-LinkedInPost");
        read.AssertNoErrors();
        Assert.Equal("On time", Property(read.Output.Single(), "Commentary"));
    }

    [Fact]
    public async Task FailedAndMissedPostsWriteErrorsWithStableIdsAndTheRunIsNotSuccessful()
    {
        ConnectQueue();
        var stranger = await Sandbox.Admin.CreateMemberAsync("Someone Else");
        Register(new[] { "Posted as someone else" }, Now.AddMinutes(-1), author: stranger.Urn, keyPrefix: "stranger");
        Register(new[] { "Two days late" }, Now.AddDays(-2), keyPrefix: "late");
        Register(new[] { "On time" }, Now.AddMinutes(-1), keyPrefix: "fine");

        var run = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue; if ($?) { 'SUCCEEDED' } else { 'FAILED' }");

        Assert.Equal("FAILED", run.Output[^1].ToString());
        Assert.Equal(2, run.Errors.Count);
        var failed = Assert.Single(run.Errors, e => e.FullyQualifiedErrorId.StartsWith("LinkedInScheduledPostFailed,", StringComparison.Ordinal));
        Assert.EndsWith(",LinkedInPosts.PowerShell.Cmdlets.InvokeLinkedInPostQueueCommand", failed.FullyQualifiedErrorId);
        Assert.Equal("stranger0", Property(PSObject.AsPSObject(failed.TargetObject), "Key"));
        Assert.Contains("not published", failed.ToString());
        // A scheduled task's log is read in another shell: the fix names the queue (-Path), whatever that shell's default queue is.
        Assert.Contains($"Set-LinkedInScheduledPost -Path '{QueuePath}' -Id {Property(PSObject.AsPSObject(failed.TargetObject), "Id")} -Retry", failed.ErrorDetails.RecommendedAction);
        var missed = Assert.Single(run.Errors, e => e.FullyQualifiedErrorId.StartsWith("LinkedInScheduledPostMissed,", StringComparison.Ordinal));
        Assert.Equal(ErrorCategory.OperationTimeout, missed.CategoryInfo.Category);
        Assert.Equal("late0", Property(PSObject.AsPSObject(missed.TargetObject), "Key"));

        var summary = Assert.Single(OfType(run, "LinkedInQueueRunSummary"));
        Assert.Equal((1, 1, 1, true, 1), ((int)Property(summary, "Published")!, (int)Property(summary, "Failed")!, (int)Property(summary, "Missed")!,
            (bool)Property(summary, "NeedsAttention")!, (int)Property(summary, "ExitCode")!));
        // Shown, the summary lists what happened and leaves out the counts that are 0.
        PowerShell.ImportUtility();
        var shown = PowerShell.Run("$args[0] | Out-String", summary).Output.Single().ToString()!;
        Assert.Matches(@"Published\s+: 1", shown);
        Assert.Matches(@"Failed\s+: 1", shown);
        Assert.Matches(@"ExitCode\s+: 1", shown);
        Assert.DoesNotContain("Retrying", shown);
        Assert.DoesNotContain("RunnerId", shown);
        var states = States();
        Assert.Equal(("Failed", "Missed", "Published"), ((string)Property(states["stranger0"], "State")!, (string)Property(states["late0"], "State")!, (string)Property(states["fine0"], "State")!));
        Assert.Equal(new[] { "On time" }, (await MemberPostsAsync()).Select(p => p.Commentary));

        // Failed and Missed are final: they alert in the run that made them so, not in every run after it.
        var next = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue; if ($?) { 'SUCCEEDED' } else { 'FAILED' }");
        next.AssertNoErrors();
        Assert.Equal("SUCCEEDED", next.Output[^1].ToString());
    }

    [Fact]
    public async Task AnExpiredConnectionWithoutRefreshIsOneErrorNamingItAndItsPostsStayPending()
    {
        ConnectQueue("-AccessTokenExpiresAt ([DateTime]::Now).AddMinutes(-5)");
        Register(new[] { "One", "Two", "Three" }, Now.AddMinutes(-1));
        var before = await RequestCountAsync();

        var run = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue; if ($?) { 'SUCCEEDED' } else { 'FAILED' }");

        var error = run.SingleError();
        Assert.StartsWith("LinkedInAuthExpired,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Equal(ConnectionName, error.TargetObject);
        Assert.Contains($"Connection '{ConnectionName}'", error.ToString());
        Assert.Contains("3 posts stay Pending", error.ToString());
        Assert.Contains($"Connect-LinkedIn -Name {ConnectionName} -AccessToken", error.ErrorDetails.RecommendedAction);
        Assert.Equal("FAILED", run.Output[^1].ToString());
        Assert.All(OfType(run, "LinkedInQueueRunResult"), r => Assert.Equal("Held", Property(r, "Outcome")!.ToString()));
        var summary = Assert.Single(OfType(run, "LinkedInQueueRunSummary"));
        Assert.Equal(new[] { ConnectionName }, (string[])Property(summary, "ConnectionProblems")!);
        Assert.Equal(1, Property(summary, "ExitCode"));
        Assert.All(States().Values, s => Assert.Equal(("Pending", 0), ((string)Property(s, "State")!, (int)Property(s, "Attempts")!)));
        Assert.DoesNotContain(await RequestsSinceAsync(before), r => r.Path.StartsWith("/rest/posts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AConnectionMissingFromTheStoreIsOneErrorWithTheConnectCommand()
    {
        Register(new[] { "Nobody connected me" }, Now.AddMinutes(-1), connection: "nobody-" + TestName);

        var run = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue");

        var error = run.SingleError();
        Assert.StartsWith("LinkedInAuthMissing,", error.FullyQualifiedErrorId);
        Assert.Contains($"no connection named 'nobody-{TestName}'", error.ToString());
        Assert.Contains($"Connect-LinkedIn -Name nobody-{TestName}", error.ErrorDetails.RecommendedAction);
        Assert.Equal("Pending", Property(States()["p0"], "State"));
        Assert.Empty(await MemberPostsAsync());
    }

    [Fact]
    public async Task WhatIfShowsTheExactTextAndTheMissedPostsAndSendsAndClaimsNothing()
    {
        ConnectQueue();
        Register(new[] { "Patch night (Tuesday) went fine" }, Now.AddMinutes(-1), keyPrefix: "due");
        Register(new[] { "Far too late" }, Now.AddDays(-3), keyPrefix: "late");
        var before = await RequestCountAsync();

        var run = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue -WhatIf");

        run.AssertNoErrors();
        Assert.Contains("What if:", run.HostText);
        Assert.Contains(@"Patch night \(Tuesday\) went fine", run.HostText);
        Assert.Contains("Missed", run.HostText);
        var results = OfType(run, "LinkedInQueueRunResult").ToDictionary(r => (string)Property(r, "Key")!);
        Assert.Equal("WouldPublish", Property(results["due0"], "Outcome")!.ToString());
        Assert.Equal(@"Patch night \(Tuesday\) went fine", Property(results["due0"], "Commentary"));
        Assert.Equal("WouldMiss", Property(results["late0"], "Outcome")!.ToString());
        Assert.Empty(OfType(run, "LinkedInQueueRunSummary"));
        Assert.Empty(await RequestsSinceAsync(before));
        Assert.All(States().Values, s => Assert.Equal(("Pending", 0, null), ((string)Property(s, "State")!, (int)Property(s, "Attempts")!, Property(s, "ClaimedBy"))));
        Assert.Empty(await MemberPostsAsync());
    }

    [Fact]
    public async Task DebugIsRefusedBeforeAnythingIsDoneBecauseItWouldAskBeforeEveryWarningAndError()
    {
        ConnectQueue();
        Register(new[] { "Due now" }, Now.AddMinutes(-1));

        // -Debug makes PowerShell ask before each warning of a compiled cmdlet: a run must never ask.
        var invoke = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue -Debug");
        var test = PowerShell.Run("Test-LinkedInPostQueue -Path $Queue -Debug");

        foreach (var run in new[] { invoke, test })
        {
            var error = run.Terminating ?? run.SingleError();
            Assert.StartsWith("LinkedInDebugWouldPrompt,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("-Verbose", error.ErrorDetails.RecommendedAction);
        }
        Assert.Empty(await MemberPostsAsync());
        Assert.Equal("Pending", Property(States().Values.Single(), "State")!.ToString());

        // -Debug:$false (a wrapper passing its own switch on) is no -Debug: the run goes ahead.
        var chosen = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue -Debug:$false");
        chosen.AssertNoErrors();
        Assert.Single(await MemberPostsAsync());
    }

    [Fact]
    public void AMissingQueueFileIsATerminatingErrorNamingThePathAndNoEmptyQueueIsCreated()
    {
        // A cron line with a wrong -Path: before, it made a new empty queue and exited 0 every 5 minutes.
        ConnectQueue();
        var wrong = Path.Combine(Path.GetDirectoryName(QueuePath)!, "typo", "queue.db");

        var run = PowerShell.Run("Invoke-LinkedInPostQueue -Path $args[0]; $?", wrong);

        var error = run.SingleError();
        Assert.StartsWith("LinkedInQueueNotFound,LinkedInPosts.PowerShell.Cmdlets.InvokeLinkedInPostQueueCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains(wrong, error.ToString());
        Assert.Contains("named by -Path", error.ToString());
        Assert.Contains("Register-LinkedInScheduledPost", error.ErrorDetails.RecommendedAction);
        // Terminating: no results and no summary, only $? false (so the task's exit code is 1).
        Assert.Equal(new object[] { false }, run.Output.Select(o => o.BaseObject));
        Assert.False(File.Exists(wrong));
        Assert.False(Directory.Exists(Path.GetDirectoryName(wrong)));
    }

    [Fact]
    public void AFileThatIsNoQueueStopsEveryQueueCmdletWithTheSameIdAndCategory()
    {
        // One mapping for the queue's failures (it was NotSpecified for the runner cmdlets, InvalidData for the others).
        ConnectQueue();
        var notAQueue = Path.Combine(Path.GetDirectoryName(QueuePath)!, "notes.db");
        Directory.CreateDirectory(Path.GetDirectoryName(notAQueue)!);
        File.WriteAllText(notAQueue, "not a database");
        foreach (var command in new[] { "Invoke-LinkedInPostQueue", "Test-LinkedInPostQueue", "Get-LinkedInScheduledPost", $"Register-LinkedInScheduledPost -Text x -ScheduledAt 2031-01-01T09:00Z -Connection {ConnectionName}" })
        {
            var error = PowerShell.Run(command + " -Path $args[0]", notAQueue).SingleError();
            Assert.StartsWith("LinkedInQueueNotAQueue,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        }
        Assert.Equal("not a database", File.ReadAllText(notAQueue));
    }

    [Fact]
    public void NeverPromptsEvenWhenConfirmPreferenceIsLow()
    {
        ConnectQueue();
        Register(new[] { "No questions asked" }, Now.AddMinutes(-1));

        var run = PowerShell.Run("$ConfirmPreference = 'Low'; Invoke-LinkedInPostQueue -Path $Queue");

        run.AssertNoErrors();
        Assert.Equal("Published", Property(Assert.Single(OfType(run, "LinkedInQueueRunResult")), "Outcome")!.ToString());
    }

    [Fact]
    public void ShortDurationsBindAndABadOneIsRefused()
    {
        ConnectQueue();
        Register(new[] { "Three hours late" }, Now.AddHours(-3), keyPrefix: "late");
        Register(new[] { "Ten minutes late" }, Now.AddMinutes(-10), keyPrefix: "recent");

        // 90m and 2h are strings, 30s is PowerShell's short 30 and 2d its decimal 2: each means what it says.
        foreach (var (value, missed) in new[] { ("1h", true), ("30s", true), ("2d", false), ("'1h30m'", true) })
        {
            var plan = PowerShell.Run($"Invoke-LinkedInPostQueue -Path $Queue -MaxLateness {value} -WhatIf");
            plan.AssertNoErrors();
            var late = OfType(plan, "LinkedInQueueRunResult").Single(r => (string)Property(r, "Key")! == "late0");
            Assert.Equal(missed ? "WouldMiss" : "WouldPublish", Property(late, "Outcome")!.ToString());
        }
        var run = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue -MaxLateness 90m -MaxPosts 5");
        Assert.Equal(new[] { "Missed", "Published" }, OfType(run, "LinkedInQueueRunResult").Select(r => Property(r, "Outcome")!.ToString()).OrderBy(o => o));

        var bad = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue -MaxLateness 0");
        Assert.StartsWith("LinkedInInvalidTimeout,", bad.SingleError().FullyQualifiedErrorId);
    }
    [Fact]
    public async Task AFailedFirstCommentIsAnErrorButThePostIsPublishedOnce()
    {
        ConnectQueue();
        Register(new[] { "Posted, comment refused" }, Now.AddMinutes(-1), comment: "Questions below");
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/socialActions", Status = 403 });
        try
        {
            var run = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue; if ($?) { 'SUCCEEDED' } else { 'FAILED' }");

            var error = run.SingleError();
            Assert.StartsWith("LinkedInFirstCommentFailed,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Contains("do not post it again", error.ToString());
            var result = Assert.Single(OfType(run, "LinkedInQueueRunResult"));
            Assert.Equal(("Published", true), (Property(result, "Outcome")!.ToString(), (bool)Property(result, "NeedsAttention")!));
            Assert.Equal(1, Property(Assert.Single(OfType(run, "LinkedInQueueRunSummary")), "FirstCommentsFailed"));
            Assert.Equal("FAILED", run.Output[^1].ToString());
            Assert.Single(await MemberPostsAsync());
        }
        finally
        {
            await Sandbox.Admin.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task CtrlCStopsTheRunAtOnceAndNothingIsPostedTwice()
    {
        ConnectQueue();
        Register(new[] { "Slow one", "Never reached" }, Now.AddMinutes(-1));
        const int serverDelay = 5000;
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", DelayMilliseconds = serverDelay });
        try
        {
            using var shell = System.Management.Automation.PowerShell.Create();
            shell.Runspace = PowerShell.Runspace;
            shell.AddScript("Invoke-LinkedInPostQueue -Path $Queue");
            var running = shell.BeginInvoke();
            await Task.Delay(800);

            var watch = Stopwatch.StartNew();
            shell.Stop();
            Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(running));
            watch.Stop();

            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.True(watch.ElapsedMilliseconds < serverDelay / 2, $"Stopping took {watch.ElapsedMilliseconds} ms: the run waited for the call in flight.");
            // The post that was not reached was released by the runner, so the next run takes it at once.
            Assert.Equal("Pending", Property(States()["p1"], "State"));
        }
        finally
        {
            await Sandbox.Admin.ClearFaultsAsync();
        }
        await Task.Delay(serverDelay);
        Assert.True((await MemberPostsAsync()).Count <= 1);
    }
    [Fact]
    public async Task AnUnknownOutcomeWaitsForEvidenceWithoutAnErrorAndARunAfterItsLeasePublishesItOnce()
    {
        ConnectQueue();
        Register(new[] { "Did it go out? Later runs will know" }, Now.AddMinutes(-1));
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 503, Count = 2 });
        try
        {
            var run = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue; if ($?) { 'SUCCEEDED' } else { 'FAILED' }");

            run.AssertNoErrors();
            var result = Assert.Single(OfType(run, "LinkedInQueueRunResult"));
            Assert.Equal(("Retrying", "Sending", false), (Property(result, "Outcome")!.ToString(), Property(result, "State")!.ToString(), Property(result, "NeedsAttention")));
            Assert.Equal("LinkedInPostOutcomeUnknown", Property(result, "ErrorId"));
            Assert.Contains("not sent again blindly", (string)Property(result, "Message")!);
            var nextUtc = (DateTimeOffset)Property(result, "NextAttemptAtUtc")!;
            Assert.InRange(nextUtc, Now, Now.AddMinutes(2.5));
            var summary = Assert.Single(OfType(run, "LinkedInQueueRunSummary"));
            Assert.Equal((1, 0, 0), ((int)Property(summary, "Retrying")!, (int)Property(summary, "Unconfirmed")!, (int)Property(summary, "ExitCode")!));
            Assert.Equal("SUCCEEDED", run.Output[^1].ToString());
        }
        finally
        {
            await Sandbox.Admin.ClearFaultsAsync();
        }

        // While its lease lasts no run touches it, and Get-LinkedInScheduledPost says why it is Sending.
        var before = await RequestCountAsync();
        PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue").AssertNoErrors();
        Assert.DoesNotContain(await RequestsSinceAsync(before), r => r.Method == "POST" && r.Path.StartsWith("/rest/posts", StringComparison.Ordinal));
        var waiting = Assert.Single(PowerShell.Run("Get-LinkedInScheduledPost -Key p0 -Path $Queue").Output);
        Assert.Equal("Sending", Property(waiting, "State")!.ToString());
        Assert.Contains("it stays Sending, and a run after", (string)Property(waiting, "LastError")!);

        // A run after the lease settles it by evidence and publishes it exactly once.
        SetModuleClockOffset(TimeSpan.FromMinutes(3));
        var later = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue");
        later.AssertNoErrors();
        var published = Assert.Single(OfType(later, "LinkedInQueueRunResult"));
        Assert.Equal("Published", Property(published, "Outcome")!.ToString());
        Assert.Equal("Published", Property(States()["p0"], "State"));
        Assert.Single(await MemberPostsAsync(), p => p.Commentary == "Did it go out? Later runs will know");
        // Its table row shows the URN, not the long "settled by evidence" message cut at 120 columns (review S13-F).
        PowerShell.ImportUtility();
        var shown = PowerShell.Run("$args[0] | Out-String -Width 120", published).Output.Single().ToString()!;
        Assert.Contains((string)Property(published, "PostUrn")!, shown);
    }

    [Fact]
    public async Task APersonCanConfirmAPostThatWaitsForEvidenceAndNoLaterRunSendsIt()
    {
        ConnectQueue();
        Register(new[] { "Waiting, and then confirmed by hand" }, Now.AddMinutes(-1));
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 503, Count = 2 });
        try
        {
            PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue").AssertNoErrors();
        }
        finally
        {
            await Sandbox.Admin.ClearFaultsAsync();
        }
        Assert.Equal("Sending", Property(States()["p0"], "State"));

        var confirm = PowerShell.Run("Get-LinkedInScheduledPost -Key p0 -Path $Queue | Set-LinkedInScheduledPost -ConfirmPublished -PostUrn urn:li:share:7045020441609936898 -Confirm:$false");

        confirm.AssertNoErrors();
        Assert.Equal("Published", Property(States()["p0"], "State"));
        var before = await RequestCountAsync();
        SetModuleClockOffset(TimeSpan.FromHours(1));
        PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue").AssertNoErrors();
        Assert.DoesNotContain(await RequestsSinceAsync(before), r => r.Method == "POST" && r.Path.StartsWith("/rest/posts", StringComparison.Ordinal));
        Assert.Equal("urn:li:share:7045020441609936898", Property(Assert.Single(PowerShell.Run("Get-LinkedInScheduledPost -Key p0 -Path $Queue").Output), "PostUrn"));
    }

    [Fact]
    public async Task AnOutcomeStillUnknownWhenMaxAttemptsIsSpentIsUnconfirmedWithItsOwnErrorAndIsNeverSentAgain()
    {
        ConnectQueue();
        Register(new[] { "Did it go out?" }, Now.AddMinutes(-1));
        var id = (long)Property(Assert.Single(PowerShell.Run("Get-LinkedInScheduledPost -Path $Queue").Output), "Id")!;
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 503, Count = 2 });
        try
        {
            // One attempt allowed: the first unclear answer spends the budget for looking again.
            var run = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue -MaxAttempts 1; if ($?) { 'SUCCEEDED' } else { 'FAILED' }");

            Assert.Equal(2, run.Errors.Count);
            var error = Assert.Single(run.Errors, e => e.FullyQualifiedErrorId.StartsWith("LinkedInScheduledPostUnconfirmed,", StringComparison.Ordinal));
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains("-ConfirmPublished -PostUrn", error.ErrorDetails.RecommendedAction);
            // The queue's standing record counts it from this run on.
            Assert.Single(run.Errors, e => e.FullyQualifiedErrorId.StartsWith("LinkedInQueueNeedsAttention,", StringComparison.Ordinal));
            Assert.Contains("MaxAttempts 1", error.ToString());
            Assert.Equal("Unconfirmed", Property(Assert.Single(OfType(run, "LinkedInQueueRunResult")), "Outcome")!.ToString());
            Assert.Equal((1, 1), ((int)Property(Assert.Single(OfType(run, "LinkedInQueueRunSummary")), "Unconfirmed")!, (int)Property(OfType(run, "LinkedInQueueRunSummary")[0], "UnconfirmedInQueue")!));
            Assert.Equal("FAILED", run.Output[^1].ToString());
        }
        finally
        {
            await Sandbox.Admin.ClearFaultsAsync();
        }

        // A later run sends nothing, but is not successful either: the post still waits for a person.
        var before = await RequestCountAsync();
        SetModuleClockOffset(TimeSpan.FromHours(1));
        var later = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue; if ($?) { 'SUCCEEDED' } else { 'FAILED' }");
        Assert.DoesNotContain(await RequestsSinceAsync(before), r => r.Method == "POST" && r.Path.StartsWith("/rest/posts", StringComparison.Ordinal));
        Assert.Equal("Unconfirmed", Property(States()["p0"], "State"));
        var waiting = later.SingleError();
        Assert.Equal("LinkedInQueueNeedsAttention,LinkedInPosts.PowerShell.Cmdlets.InvokeLinkedInPostQueueCommand", waiting.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, waiting.CategoryInfo.Category);
        Assert.Equal(new[] { id }, (long[])waiting.TargetObject);
        Assert.Contains($"1 post in the queue {QueuePath} is Unconfirmed", waiting.ToString());
        Assert.Contains($"(id {id})", waiting.ToString());
        Assert.Contains("Get-LinkedInScheduledPost -State Unconfirmed", waiting.ErrorDetails.RecommendedAction);
        Assert.Contains("-ConfirmPublished -PostUrn", waiting.ErrorDetails.RecommendedAction);
        Assert.Contains("-Resend", waiting.ErrorDetails.RecommendedAction);
        var summary = Assert.Single(OfType(later, "LinkedInQueueRunSummary"));
        Assert.Equal((0, 0, 1, true, 1), ((int)Property(summary, "Posts")!, (int)Property(summary, "Unconfirmed")!, (int)Property(summary, "UnconfirmedInQueue")!,
            (bool)Property(summary, "NeedsAttention")!, (int)Property(summary, "ExitCode")!));
        Assert.StartsWith("Queue run: nothing due; 1 unconfirmed in the queue in ", summary.ToString());
        Assert.EndsWith("; NEEDS ATTENTION", summary.ToString());
        Assert.Equal("FAILED", later.Output[^1].ToString());

        // -WhatIf changes and fails nothing, but says so too.
        var preview = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue -WhatIf");
        preview.AssertNoErrors();
        Assert.Contains(preview.Warnings, w => w.Contains($"Unconfirmed and wait for a person (ids {id})", StringComparison.Ordinal));

        // The scheduled task's own command exits 1 for it too.
        var script = PowerShell.Run("[LinkedInPosts.Core.Queue.QueueRunnerScript]::For([LinkedInPosts.Core.Queue.QueueTaskRequest]@{ ModuleManifestPath = $args[0]; QueuePath = $Queue })", RepoPaths.ModuleManifest);
        script.AssertNoErrors();
        // Run as a script file: its exit then sets $LASTEXITCODE here, as pwsh -Command turns it into the process's exit code.
        var file = Path.Combine(Path.GetDirectoryName(QueuePath)!, "scheduled-run.ps1");
        File.WriteAllText(file, (string)script.Output.Single().BaseObject);
        var exit = PowerShell.Run("& $args[0] *> $null; $LASTEXITCODE", file);
        Assert.Equal(1, exit.Output.Single().BaseObject);

        // Once a person has settled it, runs are green again.
        PowerShell.Run("Set-LinkedInScheduledPost -Path $Queue -Id $args[0] -ConfirmPublished -PostUrn urn:li:share:7045020441609936898", id).AssertNoErrors();
        var settled = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue; if ($?) { 'SUCCEEDED' } else { 'FAILED' }");
        settled.AssertNoErrors();
        Assert.Equal((0, false), ((int)Property(Assert.Single(OfType(settled, "LinkedInQueueRunSummary")), "UnconfirmedInQueue")!, (bool)Property(OfType(settled, "LinkedInQueueRunSummary")[0], "NeedsAttention")!));
        Assert.Equal("SUCCEEDED", settled.Output[^1].ToString());
        Assert.Equal(0, PowerShell.Run("& $args[0] *> $null; $LASTEXITCODE", file).Output.Single().BaseObject);
    }

    [Fact]
    public async Task APersonsRetryGivesAFailedPostMaxAttemptsFreshTriesAndGetShowsTheWholeHistory()
    {
        ConnectQueue();
        Register(new[] { "Throttled every time" }, Now.AddMinutes(-1));
        var id = (long)Property(Assert.Single(PowerShell.Run("Get-LinkedInScheduledPost -Path $Queue").Output), "Id")!;
        var outcomes = new List<string>();
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 429, RetryAfterSeconds = 120, Count = 100 });
        try
        {
            var before = await RequestCountAsync();
            void RunOnce()
            {
                var run = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue -MaxAttempts 2");
                var result = Assert.Single(OfType(run, "LinkedInQueueRunResult"));
                outcomes.Add(Property(result, "Outcome")!.ToString()!);
                if (Property(result, "State")!.ToString() == "Pending")
                {
                    // Due again after the throttle: brought forward, as the next run would find it, with the same budget.
                    PowerShell.Run("Set-LinkedInScheduledPost -Path $Queue -Id $args[0] -ScheduledAt ([DateTimeOffset]::UtcNow.AddSeconds(-1)) -AllowPast -WarningAction SilentlyContinue", id).AssertNoErrors();
                }
            }

            RunOnce();
            RunOnce();
            var failed = Assert.Single(PowerShell.Run("Get-LinkedInScheduledPost -Path $Queue -Id $args[0]", id).Output);
            Assert.Equal(("Failed", 2, 2), (Property(failed, "State")!.ToString(), (int)Property(failed, "Attempts")!, (int)Property(failed, "AttemptsSinceRetry")!));

            var retried = PowerShell.Run("Set-LinkedInScheduledPost -Path $Queue -Id $args[0] -Retry -PassThru", id);
            retried.AssertNoErrors();
            Assert.Equal(("Pending", 2, 0), (Property(retried.Output.Single(), "State")!.ToString(), (int)Property(retried.Output.Single(), "Attempts")!, (int)Property(retried.Output.Single(), "AttemptsSinceRetry")!));

            RunOnce();
            RunOnce();

            Assert.Equal(new[] { "Retrying", "Failed", "Retrying", "Failed" }, outcomes);
            var post = Assert.Single(PowerShell.Run("Get-LinkedInScheduledPost -Path $Queue -Id $args[0]", id).Output);
            Assert.Equal(("Failed", 4, 2), (Property(post, "State")!.ToString(), (int)Property(post, "Attempts")!, (int)Property(post, "AttemptsSinceRetry")!));
            Assert.StartsWith("Gave up after 2 attempts (MaxAttempts 2).", (string)Property(post, "LastError")!);
            Assert.Equal(4, (await RequestsSinceAsync(before)).Count(r => r.Method == "POST" && r.Path == "/rest/posts"));
            var history = PowerShell.Run("""
                $store = [LinkedInPosts.Core.Queue.QueueStoreFactory]::Open([LinkedInPosts.Core.Queue.QueueStoreOptions]@{ Path = $Queue })
                try { $store.GetAttempts($args[0]) | ForEach-Object { "$($_.Number):$($_.Outcome)" } } finally { $store.Dispose() }
                """, id);
            history.AssertNoErrors();
            Assert.Equal(new[] { "1:Retry", "2:Failed", "3:Retry", "4:Failed" }, history.Output.Select(o => o.ToString()));
        }
        finally
        {
            await Sandbox.Admin.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task AThrottledPostIsRetriedLaterWithoutAnError()
    {
        ConnectQueue();
        Register(new[] { "Throttled for now" }, Now.AddMinutes(-1));
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 429, RetryAfterSeconds = 120 });
        try
        {
            var run = PowerShell.Run("Invoke-LinkedInPostQueue -Path $Queue; if ($?) { 'SUCCEEDED' } else { 'FAILED' }");

            run.AssertNoErrors();
            var result = Assert.Single(OfType(run, "LinkedInQueueRunResult"));
            Assert.Equal(("Retrying", "Pending"), (Property(result, "Outcome")!.ToString(), Property(result, "State")!.ToString()));
            Assert.IsType<DateTime>(Property(result, "NextAttemptAt"));
            var summary = Assert.Single(OfType(run, "LinkedInQueueRunSummary"));
            Assert.Equal((1, 0), ((int)Property(summary, "Retrying")!, (int)Property(summary, "ExitCode")!));
            Assert.Equal("SUCCEEDED", run.Output[^1].ToString());
        }
        finally
        {
            await Sandbox.Admin.ClearFaultsAsync();
        }
    }
}
