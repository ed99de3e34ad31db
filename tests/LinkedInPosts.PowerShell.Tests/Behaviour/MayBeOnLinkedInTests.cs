using System.Management.Automation;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// Posts a run's create call may have reached already (a 503, then waiting to be sent again): Set-LinkedInScheduledPost
/// asks before an edit of what they post and before -Retry, and Register-LinkedInScheduledPost -Force refuses such a row,
/// since LinkedIn's duplicate check, the only guard left, recognizes the same text only.
/// </summary>
public sealed class MayBeOnLinkedInTests : ScheduledPostTestBase
{
    /// <summary>
    /// Plays a run through the store's own runner calls: a create call answered 503, so the post is Pending again
    /// ('Pending'), or, after a second try LinkedIn refused for good, Failed ('Failed'). $args = queue, id, state.
    /// </summary>
    private const string AfterA503 = @"
        $queue, $id, $state = $args
        $store = [LinkedInPosts.Core.Queue.QueueStoreFactory]::Open([LinkedInPosts.Core.Queue.QueueStoreOptions]@{ Path = $queue })
        try {
            $now = [DateTimeOffset]::UtcNow
            $lease = [TimeSpan]::FromMinutes(10)
            $null = $store.Reschedule($id, $now.AddMinutes(-1), 'Europe/Berlin', $now, 'Move')
            $claim = @($store.ClaimDue($now, 'test-runner', $lease, 100)).Where({ $_.Id -eq $id })[0].Claim
            $null = $store.MarkSending($claim, $now, $lease)
            $unclear = [LinkedInPosts.Core.Queue.AttemptReport]@{ At = $now; HttpStatus = 503; ErrorKind = 'Server'; ErrorId = 'LinkedInServerError'; Message = 'LinkedIn answered 503' }
            $null = $store.RetryLater($claim, $now.AddSeconds(-1), $unclear)
            if ($state -eq 'Failed') {
                $claim = @($store.ClaimDue($now, 'test-runner', $lease, 100)).Where({ $_.Id -eq $id })[0].Claim
                $null = $store.MarkSending($claim, $now, $lease)
                $refused = [LinkedInPosts.Core.Queue.AttemptReport]@{ At = $now; HttpStatus = 400; ErrorKind = 'Invalid'; ErrorId = 'LinkedInInvalidRequest'; Message = 'LinkedIn refused it' }
                $null = $store.MarkFailed($claim, $refused)
            }
            $store.Get($id).State.ToString()
        }
        finally { $store.Dispose() }";

    public MayBeOnLinkedInTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private long TriedOnce(string key, string text, string state = "Pending")
    {
        var run = PowerShell.Run($"Register-LinkedInScheduledPost -Key {key} -Text $args[0] -ScheduledAt '{Future(1)}' -TimeZone {Zone}", text);
        run.AssertNoErrors();
        var id = (long)Property(run.Output.Single(), "Id")!;
        var played = PowerShell.Run(AfterA503, Queue, id, state);
        played.AssertNoErrors();
        Assert.Equal(state, played.Output.Single().ToString());
        return id;
    }

    private PSObject Get(long id) => PowerShell.Run("Get-LinkedInScheduledPost -Id $args[0]", id).Output.Single();

    [Fact]
    public void AnEditOfItsTextAsksFirstAndHonoursTheAnswer()
    {
        Connect();
        var id = TriedOnce("p", "Patch night is Tuesday");

        PowerShell.Host.ChoiceAnswers.Enqueue("No");
        var declined = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Text 'Patch night is Wednesday' -Confirm:$false", id);
        declined.AssertNoErrors();
        var question = Assert.Single(PowerShell.Host.Prompts);
        Assert.Contains($"Scheduled post {id} may already be on LinkedIn", question);
        Assert.Contains("Get-LinkedInPost -Author urn:li:person:", question);
        // Changed on LinkedIn before the run records it, the duplicate check would no longer name it (review K).
        Assert.Contains("only once the scheduled post shows Published", question);
        Assert.Equal("Patch night is Tuesday", Property(Get(id), "Text"));

        PowerShell.Host.ChoiceAnswers.Enqueue("Yes");
        var accepted = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Text 'Patch night is Wednesday' -Confirm:$false -PassThru", id);
        accepted.AssertNoErrors();
        Assert.Equal(2, PowerShell.Host.Prompts.Count);
        Assert.Equal("Patch night is Wednesday", Property(accepted.Output.Single(), "Text"));
        // The person's check settles the earlier call, as -Resend does: the runner sends the new text as a first send.
        Assert.Equal(0, Property(accepted.Output.Single(), "AttemptsSinceRetry"));
    }

    [Fact]
    public void ForceSkipsTheQuestionAndWhatIfAndAMoveNeverAsk()
    {
        Connect();
        var id = TriedOnce("p", "Patch night is Tuesday");

        var preview = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Text 'Patch night is Wednesday' -WhatIf", id);
        preview.AssertNoErrors();
        var moved = PowerShell.Run($"Set-LinkedInScheduledPost -Id $args[0] -ScheduledAt '{Future(2)}' -PassThru", id);
        moved.AssertNoErrors();
        Assert.Empty(PowerShell.Host.Prompts);
        Assert.Equal("Patch night is Tuesday", Property(moved.Output.Single(), "Text"));
        Assert.Equal(1, Property(moved.Output.Single(), "AttemptsSinceRetry"));

        var forced = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Text 'Patch night is Wednesday' -Force -PassThru", id);
        forced.AssertNoErrors();
        Assert.Empty(PowerShell.Host.Prompts);
        Assert.Contains(forced.Warnings, w => w.StartsWith($"Scheduled post {id}: -Force took it as checked that the post is not on LinkedIn", StringComparison.Ordinal));
        Assert.Equal("Patch night is Wednesday", Property(forced.Output.Single(), "Text"));
    }

    [Fact]
    public async Task SuchAPostFoundOnLinkedInIsRecordedWithConfirmPublishedAndNoRunSendsIt()
    {
        // The question names the way to record it; -ConfirmPublished refused a Pending post before (review K).
        Connect();
        var id = TriedOnce("found", "Patch night is Tuesday");
        PowerShell.Host.ChoiceAnswers.Enqueue("No");
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Text 'Patch night is Wednesday' -Confirm:$false", id).AssertNoErrors();
        Assert.Contains($"record it: Set-LinkedInScheduledPost -Path '{Queue}' -Id {id} -ConfirmPublished -PostUrn <its URN>", Assert.Single(PowerShell.Host.Prompts));

        var confirmed = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -ConfirmPublished -PostUrn urn:li:share:7045020441609936898 -PassThru", id);
        confirmed.AssertNoErrors();
        Assert.Equal("Published", Property(confirmed.Output.Single(), "State")!.ToString());
        Assert.Equal("urn:li:share:7045020441609936898", Property(confirmed.Output.Single(), "PostUrn"));

        var before = (await Sandbox.Admin.GetPostsAsync()).Count;
        var run = PowerShell.Run("Invoke-LinkedInPostQueue -Path $args[0]", Queue);
        run.AssertNoErrors();
        Assert.Equal(before, (await Sandbox.Admin.GetPostsAsync()).Count);
        Assert.Equal("Published", Property(Get(id), "State")!.ToString());
    }

    [Fact]
    public void AMoveMoreThanADayPastSuchACallWarnsThatTheRunThenMarksItUnconfirmed()
    {
        // A move keeps the tries; at the new time the duplicate check may have forgotten the call, so the run will not send it (review S13-B).
        Connect();
        var id = TriedOnce("moved", "Patch night is Tuesday");

        var soon = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -ScheduledAt ([DateTimeOffset]::Now.AddHours(2))", id);
        soon.AssertNoErrors();
        Assert.Empty(soon.Warnings);

        var later = PowerShell.Run($"Set-LinkedInScheduledPost -Id $args[0] -ScheduledAt '{Future(3)}' -TimeZone {Zone} -PassThru", id);
        later.AssertNoErrors();
        var warning = Assert.Single(later.Warnings);
        Assert.Contains($"Scheduled post {id} may already be on LinkedIn: a run's create call of ", warning);
        Assert.Contains("the run then marks it Unconfirmed instead of sending it", warning);
        Assert.Contains($"Set-LinkedInScheduledPost -Path '{Queue}' -Id {id} -ConfirmPublished -PostUrn <its URN>", warning);
        Assert.Equal("Pending", Property(later.Output.Single(), "State")!.ToString());
    }

    [Fact]
    public void SeveralSuchPostsAreAskedAboutOnceEachOrOnceForAllWithYesToAll()
    {
        Connect();
        var first = TriedOnce("f1", "Patch night is Tuesday", "Failed");
        var second = TriedOnce("f2", "Backups moved", "Failed");
        var third = TriedOnce("f3", "Status page moved", "Failed");

        PowerShell.Host.ChoiceAnswers.Enqueue("No");
        PowerShell.Host.ChoiceAnswers.Enqueue("Yes to All");
        var retried = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0], $args[1], $args[2] -Retry -PassThru", first, second, third);

        retried.AssertNoErrors();
        // Two questions: No for the first, Yes to All for the second covers the third (review S13-E, 4).
        Assert.Equal(2, PowerShell.Host.Prompts.Count);
        Assert.Equal(new[] { second, third }, retried.Output.Select(p => (long)Property(p, "Id")!));
        Assert.Equal("Failed", Property(Get(first), "State")!.ToString());
    }

    [Fact]
    public void RegisterForceRefusesANewTextForSuchARowAndUpdatesTheOthers()
    {
        Connect();
        string[] header = { "Key", "Text", "ScheduledAt" };
        var first = Csv("v1.csv", header, new[] { new[] { "tried", "Patch night is Tuesday", Future(1) }, new[] { "fresh", "Backups moved", Future(2) } });
        Import(first).AssertNoErrors();
        var tried = (long)Property(QueuedPosts().Single(p => KeyOf(p) == "tried"), "Id")!;
        PowerShell.Run(AfterA503, Queue, tried, "Pending").AssertNoErrors();
        var second = Csv("v2.csv", header, new[] { new[] { "tried", "Patch night is Wednesday", Future(1) }, new[] { "fresh", "Backups moved to Friday", Future(2) } });

        // -WhatIf cannot tell whether the row changes what the post posts (that takes its media copied): it says when it would be refused.
        var preview = Import(second, "-Force -WhatIf");
        preview.AssertNoErrors();
        var warning = Assert.Single(preview.Warnings, w => w.Contains("may have reached LinkedIn", StringComparison.Ordinal));
        Assert.Contains($"Scheduled post {tried} (key 'tried'): a run's create call of ", warning);
        Assert.Contains("a row that changes any of them is refused (LinkedInScheduledPostMayBePosted)", warning);
        Assert.Contains(preview.Information, i => i.StartsWith("0 would be registered, 2 would be updated, 0 not updatable", StringComparison.Ordinal));

        var forced = Import(second, "-Force");

        var error = forced.SingleError();
        Assert.StartsWith("LinkedInScheduledPostMayBePosted,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("CSV line 2", Message(error));
        Assert.Contains($"Scheduled post {tried} may already be on LinkedIn: a run's create call of ", Message(error));
        Assert.Contains($"Set-LinkedInScheduledPost -Path '{Queue}' -Id {tried} … -Force", error.ErrorDetails!.RecommendedAction);
        Assert.Contains($"Unregister-LinkedInScheduledPost -Path '{Queue}' -Id {tried}", error.ErrorDetails.RecommendedAction);
        Assert.Equal(new[] { "Updated" }, forced.Output.Select(Outcome));
        Assert.Equal("Patch night is Tuesday", Property(QueuedPosts().Single(p => KeyOf(p) == "tried"), "Text"));
        Assert.Equal("Backups moved to Friday", Property(QueuedPosts().Single(p => KeyOf(p) == "fresh"), "Text"));

        // The same row again (a -Force re-import of an unchanged file) changes nothing it posts: no error.
        var unchanged = Import(first, "-Force");
        unchanged.AssertNoErrors();
        Assert.Equal(new[] { "Updated", "Updated" }, unchanged.Output.Select(Outcome));
    }

    [Fact]
    public void ExportWritesSuchAPostUnconfirmedSoAnotherQueueDoesNotSendItAsNew()
    {
        // Its attempts do not travel with the row: registered elsewhere as Pending, it would be a first send.
        Connect();
        var id = TriedOnce("p", "Patch night is Tuesday");
        PowerShell.Run($"Register-LinkedInScheduledPost -Key q -Text 'Backups moved' -ScheduledAt '{Future(2)}' -TimeZone {Zone}").AssertNoErrors();
        var csv = Path.Combine(Files.Folder, "moved.csv");
        var other = Path.Combine(Files.Folder, "other.db");

        var export = PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", csv);
        var import = PowerShell.Run("Import-Csv -LiteralPath $args[0] | Register-LinkedInScheduledPost -BasePath $args[0] -Path $args[1]", csv, other);

        export.AssertNoErrors();
        var warning = Assert.Single(export.Warnings, w => w.Contains("exported as Unconfirmed", StringComparison.Ordinal));
        Assert.StartsWith($"Scheduled post {id} (p) is exported as Unconfirmed, not Pending: a run's create call of ", warning);
        Assert.Contains("write Pending in its State cell", warning);
        import.AssertNoErrors();
        Assert.Equal(new[] { "q" }, import.Output.Select(KeyOf));
        Assert.Contains(import.Warnings, w => w.Contains("(Unconfirmed 1)", StringComparison.Ordinal));
    }

    [Fact]
    public void UnregisterSaysSuchAPostMayBeOutBeforeItsTextIsPostedAgain()
    {
        Connect();
        var id = TriedOnce("p", "Patch night is Tuesday");
        PowerShell.Run($"Register-LinkedInScheduledPost -Key q -Text 'Backups moved' -ScheduledAt '{Future(2)}' -TimeZone {Zone}").AssertNoErrors();
        var plain = (long)Property(QueuedPosts().Single(p => KeyOf(p) == "q"), "Id")!;

        var cancelled = PowerShell.Run("Unregister-LinkedInScheduledPost -Id $args[0], $args[1] -Confirm:$false", id, plain);

        cancelled.AssertNoErrors();
        var warning = Assert.Single(cancelled.Warnings);
        Assert.StartsWith($"Scheduled post {id} may already be on LinkedIn: a run's create call of ", warning);
        Assert.Contains("before you post its text again", warning);
        Assert.Equal("Cancelled", Property(Get(id), "State")!.ToString());
    }

    [Fact]
    public void RetryOfAFailedPostWhoseEarlierCallMayHaveLandedAsksFirst()
    {
        Connect();
        var id = TriedOnce("p", "Patch night is Tuesday", "Failed");

        PowerShell.Host.ChoiceAnswers.Enqueue("No");
        var declined = PowerShell.Run("Get-LinkedInScheduledPost -State Failed | Set-LinkedInScheduledPost -Retry", id);
        declined.AssertNoErrors();
        Assert.Contains("Retried, it is sent as a new post", Assert.Single(PowerShell.Host.Prompts));
        Assert.Equal("Failed", Property(Get(id), "State")!.ToString());

        var forced = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Retry -Force -PassThru", id);
        forced.AssertNoErrors();
        Assert.Single(PowerShell.Host.Prompts);
        Assert.Equal("Pending", Property(forced.Output.Single(), "State")!.ToString());
    }
}
