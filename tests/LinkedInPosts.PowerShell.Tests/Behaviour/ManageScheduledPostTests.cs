using System.Management.Automation;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>Get-, Set-, Unregister- and Export-LinkedInScheduledPost on a real queue, and Export → Register round trips.</summary>
public sealed class ManageScheduledPostTests : ScheduledPostTestBase
{
    /// <summary>
    /// Moves a post into a runner's state through the store's own runner calls (as a queue run would),
    /// from the module's Core assembly loaded in the session: $args = queue, id, state.
    /// </summary>
    private const string ForceState = @"
        $queue, $id, $state = $args
        $store = [LinkedInPosts.Core.Queue.QueueStoreFactory]::Open([LinkedInPosts.Core.Queue.QueueStoreOptions]@{ Path = $queue })
        try {
            $now = [DateTimeOffset]::UtcNow
            $null = $store.Reschedule($id, $now.AddMinutes(-1), 'Europe/Berlin', $now, 'Move')
            $post = @($store.ClaimDue($now, 'test-runner', [TimeSpan]::FromMinutes(10), 100)).Where({ $_.Id -eq $id })[0]
            $claim = $post.Claim
            $report = [LinkedInPosts.Core.Queue.AttemptReport]@{ At = $now; ErrorId = 'LinkedInServerError'; Message = 'LinkedIn answered 500 five times' }
            switch ($state) {
                'Claimed' { }
                'Missed' { $null = $store.MarkMissed($claim, $report) }
                default {
                    $null = $store.MarkSending($claim, $now, [TimeSpan]::FromMinutes(10))
                    switch ($state) {
                        'Failed' { $null = $store.MarkFailed($claim, $report) }
                        'Unconfirmed' { $null = $store.MarkUnconfirmed($claim, $report) }
                        'Published' { $null = $store.MarkPublished($claim, 'urn:li:share:7045020441609936898', $now, 201) }
                    }
                }
            }
            $store.Get($id).State.ToString()
        }
        finally { $store.Dispose() }";

    public ManageScheduledPostTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private long Register(string key, string text, int day, string extra = "")
    {
        var run = PowerShell.Run($"Register-LinkedInScheduledPost -Key {key} -Text $args[0] -ScheduledAt '{Future(day)}' -TimeZone {Zone} {extra}", text);
        run.AssertNoErrors();
        return (long)Property(run.Output.Single(), "Id")!;
    }

    private void MoveTo(long id, string state)
    {
        var run = PowerShell.Run(ForceState, Queue, id, state);
        run.AssertNoErrors();
        Assert.Equal(state, run.Output.Single().ToString());
    }

    private PSObject Get(long id)
    {
        var run = PowerShell.Run("Get-LinkedInScheduledPost -Id $args[0]", id);
        run.AssertNoErrors();
        return run.Output.Single();
    }

    private static string StateOf(PSObject post) => Property(post, "State")!.ToString()!;

    [Fact]
    public void GetFiltersByStateConnectionTimeAndKeyAndPages()
    {
        Connect();
        var a = Register("a", "First", 1);
        var b = Register("b", "Second", 2);
        var c = Register("c", "Third", 3);
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Hold", b).AssertNoErrors();

        Assert.Equal(new[] { "a", "b", "c" }, PowerShell.Run("Get-LinkedInScheduledPost").Output.Select(KeyOf));
        Assert.Equal(new[] { "b" }, PowerShell.Run("Get-LinkedInScheduledPost -State Held").Output.Select(KeyOf));
        Assert.Equal(new[] { "a", "c" }, PowerShell.Run("Get-LinkedInScheduledPost -State Pending").Output.Select(KeyOf));
        Assert.Equal(new[] { "c" }, PowerShell.Run("Get-LinkedInScheduledPost -Key c").Output.Select(KeyOf));
        Assert.Equal(new[] { "a", "b", "c" }, PowerShell.Run("Get-LinkedInScheduledPost -Connection default").Output.Select(KeyOf));
        Assert.Empty(PowerShell.Run("Get-LinkedInScheduledPost -Connection other").Output);
        var range = PowerShell.Run("Get-LinkedInScheduledPost -From ([DateTime]::SpecifyKind('2031-01-07T00:00:00', 'Utc')) -To ([DateTime]::SpecifyKind('2031-01-09T00:00:00', 'Utc'))");
        range.AssertNoErrors();
        Assert.Equal(new[] { "a", "b" }, range.Output.Select(KeyOf));
        Assert.Equal(new[] { "b" }, PowerShell.Run("Get-LinkedInScheduledPost -First 1 -Skip 1").Output.Select(KeyOf));
        Assert.Equal(new[] { "a", "b", "c" }, PowerShell.Run("Get-LinkedInScheduledPost -Connection DEFAULT").Output.Select(KeyOf)); // names match ignoring case
        // The total counts every match, not only the page written, and says it is exact.
        // (Each item as text inside the session: the total's ToString is a script method that needs its runspace.)
        const string AsText = " | ForEach-Object { if ($_.PSObject.Properties['Key']) { $_.Key } else { $_.ToString() } }";
        Assert.Equal(new[] { "a", "Total count: 3" }, PowerShell.Run("Get-LinkedInScheduledPost -First 1 -IncludeTotalCount" + AsText).Output.Select(o => o.ToString()));
        Assert.Equal(new[] { "Total count: 3" }, PowerShell.Run("Get-LinkedInScheduledPost -Skip 10 -IncludeTotalCount" + AsText).Output.Select(o => o.ToString()));
        // [datetime]::MaxValue as a bound is no bound, wherever the machine's zone is.
        var unbounded = PowerShell.Run("Get-LinkedInScheduledPost -From ([datetime]::MinValue) -To ([datetime]::MaxValue)");
        unbounded.AssertNoErrors();
        Assert.Equal(new[] { "a", "b", "c" }, unbounded.Output.Select(KeyOf));
        Assert.Equal(new[] { "c", "a" }, PowerShell.Run("Get-LinkedInScheduledPost -Id $args[0], $args[1]", c, a).Output.Select(KeyOf));

        // The default view is a table of what a person scans the queue for, not a list of every property.
        var table = PowerShell.Run("Get-LinkedInScheduledPost | Out-String -Width 200").Output.Single().ToString()!;
        Assert.Matches(@"Id\s+State\s+ScheduledAt\s+Connection\s+Attempts\s+Key\s+Text", table);
        Assert.DoesNotContain("AttemptsSinceRetry", table);
        Assert.Contains("Held", table);

        var post = Get(a);
        Assert.Equal(0, Property(post, "Attempts"));
        // Instants are DateTimeOffsets, so a filter against Get-Date is right whatever this computer's zone.
        var created = Assert.IsType<DateTimeOffset>(Property(post, "CreatedAt"));
        Assert.Equal(TimeSpan.Zero, created.Offset);
        Assert.Equal(3, PowerShell.Run("Get-LinkedInScheduledPost | Where-Object CreatedAt -gt (Get-Date).AddHours(-1)").Output.Count);
        Assert.Null(Property(post, "PostUrn"));
        Assert.Equal(Queue, Property(post, "QueuePath"));

        var missing = PowerShell.Run("Get-LinkedInScheduledPost -Id 999999");
        var error = missing.SingleError();
        Assert.StartsWith("LinkedInScheduledPostNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Fact]
    public void SetTakesSeveralIdsAndAnErrorAboutOneLeavesTheOthersChanged()
    {
        Connect();
        var a = Register("a", "First", 1);
        var b = Register("b", "Second", 2);

        var held = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0], 999999, $args[1] -Hold -PassThru", a, b);

        Assert.StartsWith("LinkedInScheduledPostNotFound,", held.SingleError().FullyQualifiedErrorId);
        Assert.Equal(new[] { a, b }, held.Output.Select(p => (long)Property(p, "Id")!));
        Assert.All(new[] { a, b }, id => Assert.Equal("Held", Property(Get(id), "State")!.ToString()));
        // Resumed together too, one of them refused as not Held.
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Resume", a).AssertNoErrors();
        var resumed = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0], $args[1] -Resume", a, b);
        Assert.StartsWith("LinkedInScheduledPostWrongState,", resumed.SingleError().FullyQualifiedErrorId);
        Assert.Equal("Pending", Property(Get(b), "State")!.ToString());
    }

    [Fact]
    public void OneUrnIsRecordedForOnePostOnlyWhetherTheIdsAreGivenOrPiped()
    {
        // -Id a, b -ConfirmPublished -PostUrn X recorded both as the one post X, for good (review S13-E, 3).
        Connect();
        var a = Register("a", "First", 1);
        var b = Register("b", "Second", 2);

        var both = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0], $args[1] -ConfirmPublished -PostUrn urn:li:share:7045020441609936898", a, b);

        var error = both.SingleError();
        Assert.StartsWith("LinkedInInvalidUrn,", error.FullyQualifiedErrorId);
        Assert.Contains($"was recorded for scheduled post {a} in this command already", error.Exception.Message);
        Assert.Equal("Published", Property(Get(a), "State")!.ToString());
        Assert.Equal("Pending", Property(Get(b), "State")!.ToString());
        // Piped, the same; a URN of its own is fine.
        var piped = PowerShell.Run("Get-LinkedInScheduledPost -Id $args[0] | Set-LinkedInScheduledPost -ConfirmPublished -PostUrn urn:li:share:7045020441609936899 -PassThru", b);
        piped.AssertNoErrors();
        Assert.Equal("urn:li:share:7045020441609936899", Property(piped.Output.Single(), "PostUrn"));
    }

    [Fact]
    public void SetReschedulesEditsTextAndMediaAndHoldsAndResumes()
    {
        Connect();
        var first = Files.Png("first.png");
        var second = Files.Png("second.png");
        var id = Register("edit-me", "Original text", 1, "-Media $args[1] -AltText 'First chart'".Replace("$args[1]", $"'{first}'"));

        var moved = PowerShell.Run($"Set-LinkedInScheduledPost -Id $args[0] -ScheduledAt '{Future(2, 11)}' -PassThru", id);
        moved.AssertNoErrors();
        Assert.Equal(new DateTimeOffset(2031, 1, 8, 10, 30, 0, TimeSpan.Zero), Property(moved.Output.Single(), "ScheduledAtUtc"));

        var zone = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -TimeZone America/New_York -PassThru", id);
        zone.AssertNoErrors();
        Assert.Equal("America/New_York", Property(zone.Output.Single(), "TimeZone"));
        Assert.Equal(new DateTimeOffset(2031, 1, 8, 16, 30, 0, TimeSpan.Zero), Property(zone.Output.Single(), "ScheduledAtUtc"));   // 11:30 stays 11:30, New York time

        var text = PowerShell.Run("Get-LinkedInScheduledPost -Id $args[0] | Set-LinkedInScheduledPost -Text 'Corrected text (v2)' -PassThru", id);
        text.AssertNoErrors();
        var edited = text.Output.Single();
        Assert.Equal("Corrected text (v2)", Property(edited, "Text"));
        Assert.Equal("Media", Property(edited, "Kind"));
        Assert.Equal("edit-me", KeyOf(edited));
        Assert.Equal(id, Property(edited, "Id"));

        var media = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Media $args[1], $args[2] -PassThru", id, first, second);
        media.AssertNoErrors();
        Assert.Equal("MultiImage", Property(media.Output.Single(), "Kind"));
        Assert.Equal(2, Property(media.Output.Single(), "MediaCount"));

        var tooLong = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Text ('x' * 3001)", id);
        Assert.StartsWith("LinkedInInvalidCommentary,", tooLong.SingleError().FullyQualifiedErrorId);
        Assert.Equal("Corrected text (v2)", Property(Get(id), "Text"));

        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Hold", id).AssertNoErrors();
        Assert.Equal("Held", StateOf(Get(id)));
        var again = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Hold", id);
        var error = again.SingleError();
        Assert.StartsWith("LinkedInScheduledPostWrongState,", error.FullyQualifiedErrorId);
        Assert.Contains("is Held", error.Exception.Message);
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Resume", id).AssertNoErrors();
        Assert.Equal("Pending", StateOf(Get(id)));

        var whatIf = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Hold -WhatIf", id);
        whatIf.AssertNoErrors();
        Assert.Equal("Pending", StateOf(Get(id)));
    }

    [Fact]
    public void SetMediaTakesTheNewFilesAltTextAndTitleNotTheOldOnesAndAltTextOrTitleAloneKeepTheFiles()
    {
        Connect();
        var one = Register("k-one", "One shot", 1, $"-Media '{Files.Png("old.png")}' -AltText 'Old rack'");
        var doc = Register("k-doc", "The deck", 2, $"-Media '{Files.Pdf("q1.pdf")}'");
        var two = Register("k-two", "Two shots", 3, $"-Media '{Files.Png("a.png")}', '{Files.Png("b.png")}' -AltText 'A', 'B'");
        var poll = Register("k-poll", "Vote", 4, "-Poll 'Which?' -PollOption 'Tabs', 'Spaces'");
        var text = Register("k-text", "Just words", 5);
        Assert.Equal("Old rack||1", Picture("k-one"));
        Assert.Equal("|q1.pdf|1", Picture("k-doc"));

        // New media: the old file's alt text and title described another file.
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Media $args[1]", one, Files.Png("new.png")).AssertNoErrors();
        Assert.Equal("||1", Picture("k-one"));
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Media $args[1]", doc, Files.Pdf("q2.pdf")).AssertNoErrors();
        Assert.Equal("|q2.pdf|1", Picture("k-doc"));
        // New media with its own alt text and title, given or from Add-LinkedInMedia.
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Media $args[1] -Title 'Q2 report'", doc, Files.Pdf("q2.pdf")).AssertNoErrors();
        Assert.Equal("|Q2 report|1", Picture("k-doc"));
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Media (Add-LinkedInMedia $args[1] -AltText 'Its own')", one, Files.Png("own.png")).AssertNoErrors();
        Assert.Equal("Its own||1", Picture("k-one"));

        // Alt text or title alone: the same files, described anew.
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Media $args[1]", one, Files.Png("new.png")).AssertNoErrors();
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -AltText 'New rack'", one).AssertNoErrors();
        Assert.Equal("New rack||1", Picture("k-one"));
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Title 'Q2 report, final'", doc).AssertNoErrors();
        Assert.Equal("|Q2 report, final|1", Picture("k-doc"));
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -AltText 'Left; before', 'Right'", two).AssertNoErrors();
        Assert.Equal("\"Left; before\";Right||2", Picture("k-two"));

        // What does not fit is refused, naming the field, and changes nothing.
        var count = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -AltText 'Only one'", two);
        Assert.StartsWith("LinkedInInvalidAltText,", count.SingleError().FullyQualifiedErrorId);
        Assert.Equal("\"Left; before\";Right||2", Picture("k-two"));
        var titleOfImages = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Title 'Both'", two);
        Assert.StartsWith("LinkedInInvalidTitle,", titleOfImages.SingleError().FullyQualifiedErrorId);
        Assert.Contains("2 images", titleOfImages.SingleError().Exception.Message, StringComparison.Ordinal);
        var altOfText = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -AltText 'Nothing to describe'", text);
        Assert.StartsWith("LinkedInInvalidAltText,", altOfText.SingleError().FullyQualifiedErrorId);
        var mediaOfPoll = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Media $args[1]", poll, Files.Png("new.png"));
        var refused = mediaOfPoll.SingleError();
        Assert.StartsWith("LinkedInInvalidMedia,", refused.FullyQualifiedErrorId);
        Assert.Contains($"Scheduled post {poll} is a poll post", refused.Exception.Message, StringComparison.Ordinal);
        Assert.Equal("Poll", Property(Get(poll), "Kind"));
        Assert.Equal("Text", Property(Get(text), "Kind"));

        // A text post gets a picture, as New-LinkedInPost would make it.
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Media $args[1] -AltText 'Now with a shot'", text, Files.Png("new.png")).AssertNoErrors();
        Assert.Equal("Media", Property(Get(text), "Kind"));
        Assert.Equal("Now with a shot||1", Picture("k-text"));
    }

    [Fact]
    public void ScheduledPostsPipedIntoRegisterAreRefusedNotRegisteredAsTextPosts()
    {
        Connect();
        var image = Register("k-img", "A shot", 1, $"-Media '{Files.Png("shot.png")}'");
        var poll = Register("k-poll", "Vote", 2, "-Poll 'Which?' -PollOption 'Tabs', 'Spaces'");
        var other = Path.Combine(Files.Folder, "other", "queue.db");

        var run = PowerShell.Run("Get-LinkedInScheduledPost | Register-LinkedInScheduledPost -Path $args[0]", other);

        Assert.Empty(run.Output);
        Assert.Equal(2, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.StartsWith("LinkedInScheduledPostNotARow,", e.FullyQualifiedErrorId));
        Assert.Contains($"scheduled post {image} (key k-img)", run.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Contains($"scheduled post {poll} (key k-poll)", run.Errors[1].Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Export-LinkedInScheduledPost", run.Errors[0].ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.False(File.Exists(other), "nothing was registered, so no queue was made");
    }

    [Fact]
    public void IdCompletesThePostsStillToComeOfTheQueueTheCommandLineNames()
    {
        Connect();
        var later = Register("later", "Second post", 2);
        var first = Register("first", "Patch night went fine\nDetails inside", 1);
        var cancelled = Register("gone", "Cancelled one", 3);
        PowerShell.Run("Unregister-LinkedInScheduledPost -Id $args[0] -Confirm:$false", cancelled).AssertNoErrors();
        PowerShell.SetVariable("q", Queue);
        IReadOnlyList<PSObject> Complete(string line)
        {
            var run = PowerShell.Run("$line = $args[0]; (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches", line);
            run.AssertNoErrors();
            return run.Output;
        }
        string Text(PSObject match) => (string)Property(match, "CompletionText")!;

        // Earliest first; the Cancelled post is not offered; the tooltip says when, what state and what text.
        var matches = Complete($"Set-LinkedInScheduledPost -Path '{Queue}' -Id ");
        Assert.Equal(new[] { first.ToString(), later.ToString() }, matches.Select(Text));
        Assert.Equal("2031-01-07 09:30 Pending: Patch night went fine Details inside", Property(matches[0], "ToolTip"));
        // Export's queue is -QueuePath (its -Path is the file it writes).
        Assert.Equal(new[] { first.ToString(), later.ToString() }, Complete($"Export-LinkedInScheduledPost -Path '{Queue}.csv' -QueuePath '{Queue}' -Id ").Select(Text));
        // What was typed is a prefix of the id.
        Assert.Equal(new[] { later.ToString() }, Complete($"Unregister-LinkedInScheduledPost -Path '{Queue}' -Id {later}").Select(Text));
        // A relative -Path is relative to the PowerShell location, as for the cmdlet.
        SetLocation(PowerShell, Files.Folder);
        Assert.Equal(new[] { first.ToString(), later.ToString() }, Complete("Get-LinkedInScheduledPost -Path queue/queue.db -Id ").Select(Text));
        // A queue that does not exist completes nothing and is not created.
        var missing = Path.Combine(Files.Folder, "no-such-queue.db");
        Assert.Empty(Complete($"Get-LinkedInScheduledPost -Path '{missing}' -Id "));
        Assert.False(File.Exists(missing));
    }

    /// <summary>The AltText, Title and media count of the post with <paramref name="key"/>, as Export-LinkedInScheduledPost writes them.</summary>
    private string Picture(string key)
    {
        var file = Path.Combine(Files.Folder, "picture-" + Guid.NewGuid().ToString("N") + ".csv");
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", file).AssertNoErrors();
        var row = PowerShell.Run("Import-Csv -LiteralPath $args[0] | Where-Object Key -EQ $args[1] | ForEach-Object { $_.AltText + '|' + $_.Title + '|' + @($_.Media -split ';').Count }", file, key);
        row.AssertNoErrors();
        return row.Output.Single().ToString();
    }

    [Fact]
    public void SetRetriesFailedAndMissedPostsAndSettlesUnconfirmedOnes()
    {
        Connect();
        var failed = Register("failed", "Will fail", 1);
        var missed = Register("missed", "Will be missed", 2);
        var unconfirmedA = Register("unconfirmed-a", "Maybe out A", 3);
        var unconfirmedB = Register("unconfirmed-b", "Maybe out B", 4);
        var sending = Register("sending", "Going out", 5);
        MoveTo(failed, "Failed");
        MoveTo(missed, "Missed");
        MoveTo(unconfirmedA, "Unconfirmed");
        MoveTo(unconfirmedB, "Unconfirmed");
        MoveTo(sending, "Sending");

        var failedView = Get(failed);
        Assert.Equal(1, Property(failedView, "Attempts"));
        Assert.Equal("LinkedIn answered 500 five times", Property(failedView, "LastError"));

        var retry = PowerShell.Run("Get-LinkedInScheduledPost -State Failed | Set-LinkedInScheduledPost -Retry -PassThru");
        retry.AssertNoErrors();
        Assert.Equal("Pending", StateOf(retry.Output.Single()));
        Assert.True((DateTimeOffset)Property(retry.Output.Single(), "ScheduledAtUtc")! < DateTimeOffset.UtcNow.AddMinutes(1));

        var later = PowerShell.Run($"Set-LinkedInScheduledPost -Id $args[0] -Retry -ScheduledAt '{Future(9)}' -PassThru", missed);
        later.AssertNoErrors();
        Assert.Equal("Pending", StateOf(later.Output.Single()));
        Assert.Equal(new DateTimeOffset(2031, 1, 15, 8, 30, 0, TimeSpan.Zero), Property(later.Output.Single(), "ScheduledAtUtc"));

        var notRetryable = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Retry", unconfirmedA);
        Assert.StartsWith("LinkedInScheduledPostWrongState,", notRetryable.SingleError().FullyQualifiedErrorId);
        Assert.Equal("Unconfirmed", StateOf(Get(unconfirmedA)));
        // A Pending post (say, piped from Get-LinkedInScheduledPost without -State Failed) is not moved to now.
        var pending = Register("pending", "Not due yet", 6);
        var pendingAt = Property(Get(pending), "ScheduledAtUtc");
        var notFailed = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Retry", pending);
        var wrongState = notFailed.SingleError();
        Assert.StartsWith("LinkedInScheduledPostWrongState,", wrongState.FullyQualifiedErrorId);
        Assert.Contains("only Failed or Missed posts can", wrongState.Exception.Message);
        Assert.Equal(("Pending", pendingAt), (StateOf(Get(pending)), Property(Get(pending), "ScheduledAtUtc")));

        var badUrn = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -ConfirmPublished -PostUrn not-a-urn", unconfirmedA);
        Assert.StartsWith("LinkedInInvalidUrn,", badUrn.SingleError().FullyQualifiedErrorId);
        var confirmed = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -ConfirmPublished -PostUrn urn:li:share:7045020441609936898 -PassThru", unconfirmedA);
        confirmed.AssertNoErrors();
        Assert.Equal("Published", StateOf(confirmed.Output.Single()));
        Assert.Equal(new Uri("https://www.linkedin.com/feed/update/urn:li:share:7045020441609936898"), Property(confirmed.Output.Single(), "Url"));

        var resend = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Resend -Force -PassThru", unconfirmedB);
        resend.AssertNoErrors();
        Assert.Equal("Pending", StateOf(resend.Output.Single()));
        var resendPending = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Resend -Force", unconfirmedB);
        Assert.StartsWith("LinkedInScheduledPostWrongState,", resendPending.SingleError().FullyQualifiedErrorId);

        var busy = PowerShell.Run($"Set-LinkedInScheduledPost -Id $args[0] -ScheduledAt '{Future(20)}'", sending);
        var error = busy.SingleError();
        Assert.StartsWith("LinkedInScheduledPostBusy,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Contains("is Sending", error.Exception.Message);
        // The command to look at it names the queue (review S13-C, 5).
        Assert.Contains($"Get-LinkedInScheduledPost -Path '{Queue}' -Id {sending} shows its state", error.Exception.Message);
        Assert.Equal("Sending", StateOf(Get(sending)));
    }

    [Fact]
    public void ConfirmingAPostWithAFirstCommentSaysToAddItByHandAndAnActionSwitchSetToFalseChangesNothing()
    {
        Connect();
        var commented = Register("commented", "Out, by the look of it", 1, "-FirstComment 'Slides below'");
        var plain = Register("plain", "Out too", 2);
        MoveTo(commented, "Unconfirmed");
        MoveTo(plain, "Unconfirmed");

        // A splatted $false must not act: -Resend:$false used to re-send.
        var off = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Resend:$false -Force; Set-LinkedInScheduledPost -Id $args[0] -ConfirmPublished:$false -PostUrn urn:li:share:7045020441609936898", commented);
        off.AssertNoErrors();
        Assert.Equal(new[] { $"-Resend:$false: nothing was changed for scheduled post {commented}.", $"-ConfirmPublished:$false: nothing was changed for scheduled post {commented}." }, off.Warnings);
        Assert.Equal("Unconfirmed", StateOf(Get(commented)));

        var preview = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -ConfirmPublished -PostUrn urn:li:share:7045020441609936898 -WhatIf", commented);
        Assert.Contains("its first comment to be added by hand", preview.HostText);
        var confirmed = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -ConfirmPublished -PostUrn urn:li:share:7045020441609936898 -PassThru", commented);
        var quiet = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -ConfirmPublished -PostUrn urn:li:share:7045020441609936899", plain);

        confirmed.AssertNoErrors();
        var warning = Assert.Single(confirmed.Warnings);
        Assert.Contains("add it by hand as " + Member.Urn + " under https://www.linkedin.com/feed/update/urn:li:share:7045020441609936898", warning);
        Assert.Contains($"then run Set-LinkedInScheduledPost -Path '{Queue}' -Id {commented} -FirstCommentAdded", warning);
        Assert.Equal("Failed", Property(confirmed.Output.Single(), "FirstCommentState")!.ToString());
        quiet.AssertNoErrors();
        Assert.Empty(quiet.Warnings);
        Assert.Null(Property(Get(plain), "FirstCommentState"));

        var settled = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -FirstCommentAdded -PassThru", commented);
        settled.AssertNoErrors();
        Assert.Equal("Added", Property(settled.Output.Single(), "FirstCommentState")!.ToString());
        var nothingToSettle = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -FirstCommentAdded", plain);
        Assert.Contains("has no first comment the queue began or gave up on", nothingToSettle.SingleError().Exception.Message);
    }

    [Fact]
    public void AFirstCommentARunIsStillAddingCannotBeSettledByHandYet()
    {
        Connect();
        var id = Register("adding", "Going out now", 1, "-FirstComment 'Slides below'");
        var begun = PowerShell.Run(@"
            $queue, $id = $args
            $store = [LinkedInPosts.Core.Queue.QueueStoreFactory]::Open([LinkedInPosts.Core.Queue.QueueStoreOptions]@{ Path = $queue })
            try {
                $now = [DateTimeOffset]::UtcNow
                $null = $store.Reschedule($id, $now.AddMinutes(-1), 'Europe/Berlin', $now, 'Move')
                $claim = @($store.ClaimDue($now, 'live-run', [TimeSpan]::FromMinutes(10), 10))[0].Claim
                $null = $store.MarkSending($claim, $now, [TimeSpan]::FromMinutes(10))
                $store.MarkPublishedAndBeginFirstComment($claim, 'urn:li:share:7045020441609936898', $now, 201).Applied
            }
            finally { $store.Dispose() }", Queue, id);
        begun.AssertNoErrors();
        Assert.Equal(true, begun.Output.Single().BaseObject);

        var early = PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -FirstCommentAdded", id);

        var error = early.SingleError();
        Assert.StartsWith("LinkedInScheduledPostBusy,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Contains("is being added by a queue run", error.Exception.Message);
        Assert.Equal("Adding", Property(Get(id), "FirstCommentState")!.ToString());
    }

    [Fact]
    public void UnregisterCancelsPipedPostsRefusesOnesARunnerHoldsAndAReimportDoesNotBringThemBack()
    {
        Connect();
        var csv = Csv("rows.csv", new[] { "Key", "Text", "When" }, new[]
        {
            new[] { "one", "One", Future(1) }, new[] { "two", "Two", Future(2) }, new[] { "three", "Three", Future(3) },
        });
        Import(csv).AssertNoErrors();
        var three = (long)Property(QueuedPosts().Single(p => KeyOf(p) == "three"), "Id")!;
        MoveTo(three, "Claimed");

        var whatIf = PowerShell.Run("Get-LinkedInScheduledPost -Key one | Unregister-LinkedInScheduledPost -WhatIf");
        whatIf.AssertNoErrors();
        Assert.Equal("Pending", StateOf(QueuedPosts().Single(p => KeyOf(p) == "one")));

        var run = PowerShell.Run("Get-LinkedInScheduledPost | Unregister-LinkedInScheduledPost -Confirm:$false -PassThru");
        Assert.Equal(new[] { "one", "two" }, run.Output.Select(KeyOf).OrderBy(k => k));
        Assert.All(run.Output, p => Assert.Equal("Cancelled", StateOf(p)));
        var error = run.SingleError();
        Assert.StartsWith("LinkedInScheduledPostBusy,", error.FullyQualifiedErrorId);
        Assert.Contains("is Claimed", error.Exception.Message);
        Assert.Equal("three", Property(PSObject.AsPSObject(error.TargetObject), "Key"));

        var again = Import(csv);
        again.AssertNoErrors();
        Assert.All(again.Output, p => Assert.Equal("AlreadyExists", Property(p, "RegistrationOutcome")!.ToString()));
        Assert.Equal(2, PowerShell.Run("Get-LinkedInScheduledPost -State Cancelled").Output.Count);

        var twice = PowerShell.Run("Get-LinkedInScheduledPost -Key one | Unregister-LinkedInScheduledPost -Confirm:$false");
        Assert.StartsWith("LinkedInScheduledPostWrongState,", twice.SingleError().FullyQualifiedErrorId);
    }

    [Theory]
    [InlineData("export.csv", "Import-Csv -LiteralPath $args[0]")]
    [InlineData("export.json", "([IO.File]::ReadAllText($args[0]) | ConvertFrom-Json)")]
    public void ExportedPostsRegisterAgainInAnotherQueueWithTheSameKeysContentAndMedia(string fileName, string read)
    {
        Connect();
        Files.Png("media/shot.png");
        Files.Png("media/a.png");
        Files.Png("media/b.png");
        Files.Pdf("media/deck.pdf");
        Files.Png("media/cover.png");
        var csv = Csv("in.csv",
            new[] { "Key", "Text", "When", "Media", "AltText", "Title", "ArticleUrl", "ArticleTitle", "ArticleThumbnail", "Poll", "PollOption", "PollDuration", "Reshare", "Visibility", "FirstComment", "DisableReshare" },
            new[]
            {
                new[] { "k-text", "Plain (text) #ops", Future(1), "", "", "", "", "", "", "", "", "", "", "Connections", "First!", "True" },
                new[] { "k-image", "A shot", Future(2), "media/shot.png", "The shot", "", "", "", "", "", "", "", "", "", "", "" },
                new[] { "k-images", "Two shots", Future(3), "media/a.png;media/b.png", "A;B", "", "", "", "", "", "", "", "", "", "", "" },
                new[] { "k-pdf", "The deck", Future(4), "media/deck.pdf", "", "Deck v2", "", "", "", "", "", "", "", "", "", "" },
                new[] { "k-article", "Read this", Future(5), "", "Cover", "", "https://example.com/pm", "Postmortem", "media/cover.png", "", "", "", "", "", "", "" },
                new[] { "k-poll", "Vote", Future(6), "", "", "", "", "", "", "Tabs or spaces?", "Tabs;Spaces", "ThreeDays", "", "", "", "" },
                new[] { "k-reshare", "Worth it", Future(7), "", "", "", "", "", "", "", "", "", "urn:li:share:7045020441609936898", "", "", "" },
            });
        var registered = Import(csv);
        registered.AssertNoErrors();
        var before = QueuedPosts();

        var export = Path.Combine(Files.Folder, "out", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(export)!);
        var exported = PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0] -PassThru", export);
        exported.AssertNoErrors();
        Assert.Equal(export, ((FileInfo)exported.Output.Single().BaseObject).FullName);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(Files.Folder, "out", Path.GetFileNameWithoutExtension(fileName) + ".media")).Length);
        // A CSV starts with UTF-8's byte order mark, without which Windows PowerShell's Import-Csv reads it as ANSI.
        Assert.Equal(fileName.EndsWith(".csv", StringComparison.Ordinal), File.ReadAllBytes(export).Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }));

        var other = Path.Combine(Files.Folder, "other", "queue.db");
        var reimport = PowerShell.Run($"{read} | Register-LinkedInScheduledPost -BasePath $args[0] -Path $args[1]", export, other);
        reimport.AssertNoErrors();
        Assert.Equal(7, reimport.Output.Count);
        Assert.All(reimport.Output, p => Assert.Equal("Added", Property(p, "RegistrationOutcome")!.ToString()));
        var after = PowerShell.Run("Get-LinkedInScheduledPost -Path $args[0]", other).Output;
        string[] same = { "Key", "Text", "Kind", "Visibility", "MediaCount", "FirstComment", "TimeZone", "ScheduledAtUtc", "Author", "Connection" };
        Assert.Equal(before.Select(p => string.Join("|", same.Select(n => Property(p, n)))), after.Select(p => string.Join("|", same.Select(n => Property(p, n)))));
        var mediaBefore = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(Queue)!, "media")).Select(Path.GetFileName).OrderBy(n => n);
        var mediaAfter = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(other)!, "media")).Select(Path.GetFileName).OrderBy(n => n);
        Assert.Equal(mediaBefore, mediaAfter);

        // Into the same queue it is a no-op, since the keys came along.
        var same2 = PowerShell.Run($"{read} | Register-LinkedInScheduledPost -BasePath $args[0]", export);
        same2.AssertNoErrors();
        Assert.All(same2.Output, p => Assert.Equal("AlreadyExists", Property(p, "RegistrationOutcome")!.ToString()));
    }

    [Fact]
    public void AMediaFileAnEarlierExportLeftDamagedIsCopiedAgainAndAJsonArrayAsOneObjectIsRefusedWithTheFix()
    {
        Connect();
        Files.Png("media/shot.png", 8, 6);
        var csv = Csv("in.csv", new[] { "Key", "Text", "When", "Media" }, new[] { new[] { "k1", "A shot", Future(1), "media/shot.png" } });
        Import(csv).AssertNoErrors();
        var export = Path.Combine(Files.Folder, "out", "backup.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(export)!);
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", export).AssertNoErrors();
        var copied = Directory.GetFiles(Path.Combine(Files.Folder, "out", "backup.media")).Single();
        var whole = File.ReadAllBytes(copied);
        File.WriteAllBytes(copied, whole.Take(20).ToArray()); // cut short, as by an export killed mid-copy

        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", export).AssertNoErrors();

        Assert.Equal(whole, File.ReadAllBytes(copied));
        Assert.Single(Directory.GetFiles(Path.Combine(Files.Folder, "out", "backup.media")));

        // What Windows PowerShell's ConvertFrom-Json pipes for a JSON array: the whole list as one object.
        var json = Path.Combine(Files.Folder, "out", "backup.json");
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", json).AssertNoErrors();
        var list = PowerShell.Run("Write-Output -NoEnumerate ([IO.File]::ReadAllText($args[0]) | ConvertFrom-Json) | Register-LinkedInScheduledPost -BasePath $args[0] -Path $args[1]",
            json, Path.Combine(Files.Folder, "other", "queue.db"));
        var error = list.SingleError();
        Assert.StartsWith("LinkedInScheduledPostNotARow,", error.FullyQualifiedErrorId);
        Assert.Contains("list of 1 object, not one post", error.ToString());
        Assert.StartsWith("Row 1: ", error.ErrorDetails.Message); // no CSV in this pipeline, so no "CSV line 2"
        Assert.Contains("in parentheses", error.ErrorDetails.RecommendedAction);
    }

    /// <summary>
    /// A nightly export to the same file keeps the copies its posts show and removes those only an earlier export showed
    /// (its folder grew for ever); a file a person put in the folder stays, and so does the folder while it holds one.
    /// </summary>
    [Fact]
    public void AnExportWrittenAgainRemovesTheMediaCopiesOnlyAnEarlierExportShowedAndNothingElse()
    {
        Connect();
        Files.Png("media/keep.png", 8, 6);
        Files.Png("media/gone.png", 6, 8);
        var csv = Csv("in.csv", new[] { "Key", "Text", "When", "Media" }, new[]
        {
            new[] { "stays", "It stays", Future(1), "media/keep.png" },
            new[] { "goes", "It is cancelled", Future(2), "media/gone.png" },
        });
        Import(csv).AssertNoErrors();
        var export = Path.Combine(Files.Folder, "out", "nightly.csv");
        var media = Path.Combine(Files.Folder, "out", "nightly.media");
        Directory.CreateDirectory(Path.GetDirectoryName(export)!);
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", export).AssertNoErrors();
        Assert.Equal(2, Directory.GetFiles(media).Length);
        File.WriteAllText(Path.Combine(media, "README.txt"), "a person's own note");
        PowerShell.Run("Get-LinkedInScheduledPost -Key goes | Unregister-LinkedInScheduledPost -Confirm:$false").AssertNoErrors();

        var again = PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0] -State Pending -Verbose", export);

        again.AssertNoErrors();
        var left = Directory.GetFiles(media).Select(Path.GetFileName).ToList();
        Assert.Equal(2, left.Count);
        Assert.Contains("README.txt", left);
        var kept = Assert.Single(left, n => n!.EndsWith("-keep.png", StringComparison.Ordinal));
        Assert.Contains(again.Verbose, v => v.StartsWith("Removed ", StringComparison.Ordinal) && v.Contains("-gone.png", StringComparison.Ordinal));
        Assert.Equal("nightly.media/" + kept, (string)Assert.Single(PowerShell.Run("Import-Csv -LiteralPath $args[0]", export).Output).Properties["Media"].Value);

        // An export that shows no media leaves the person's file, and so the folder.
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0] -State Published", export).AssertNoErrors();
        Assert.Equal(new[] { "README.txt" }, Directory.GetFiles(media).Select(Path.GetFileName));
    }

    /// <summary>posts.csv and posts.json share posts.media/: writing one keeps the copies the other shows (review S14-S1).</summary>
    [Fact]
    public void AnExportBesideAnotherThatSharesItsMediaFolderRemovesNothing()
    {
        Connect();
        Files.Png("media/one.png", 8, 6);
        Files.Png("media/two.png", 6, 8);
        var csv = Csv("in.csv", new[] { "Key", "Text", "When", "Media" }, new[]
        {
            new[] { "one", "First", Future(1), "media/one.png" },
            new[] { "two", "Second", Future(2), "media/two.png" },
        });
        Import(csv).AssertNoErrors();
        var folder = Path.Combine(Files.Folder, "backup");
        Directory.CreateDirectory(folder);
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", Path.Combine(folder, "posts.csv")).AssertNoErrors();

        var json = PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0] -Key one -Verbose", Path.Combine(folder, "posts.json"));

        json.AssertNoErrors();
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "posts.media")).Length);
        Assert.Contains(json.Verbose, v => v.Contains("are kept: posts.csv beside this export", StringComparison.Ordinal));
    }

    [Fact]
    public void AltTextsAndPollOptionsHoldingSemicolonsSurviveAnExportAndItsReimport()
    {
        Connect();
        Files.Png("media/shot.png");
        Files.Png("media/a.png");
        Files.Png("media/b.png");
        var csv = Csv("in.csv", new[] { "Key", "Text", "When", "Media", "AltText", "Poll", "PollOption", "PollDuration" }, new[]
        {
            new[] { "k-one", "One shot", Future(1), "media/shot.png", "\"Revenue; 2024\"", "", "", "" },
            new[] { "k-two", "Two shots", Future(2), "media/a.png;media/b.png", "\"Left; before\";\"Right \"\"after\"\"\"", "", "", "" },
            new[] { "k-poll", "Vote", Future(3), "", "", "Which?", "Tabs;\"Spaces; always\"", "ThreeDays" },
        });
        Import(csv).AssertNoErrors();

        var first = Path.Combine(Files.Folder, "first", "out.csv");
        var second = Path.Combine(Files.Folder, "second", "out.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(first)!);
        Directory.CreateDirectory(Path.GetDirectoryName(second)!);
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", first).AssertNoErrors();
        var cells = PowerShell.Run("Import-Csv -LiteralPath $args[0] | ForEach-Object { $_.AltText + '|' + $_.PollOption }", first).Output.Select(o => o.ToString()).ToList();
        Assert.Equal(new[] { "\"Revenue; 2024\"|", "\"Left; before\";Right \"after\"|", "|Tabs;\"Spaces; always\"" }, cells);

        var other = Path.Combine(Files.Folder, "other", "queue.db");
        PowerShell.Run("Import-Csv -LiteralPath $args[0] | Register-LinkedInScheduledPost -BasePath $args[0] -Path $args[1]", first, other).AssertNoErrors();
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0] -QueuePath $args[1]", second, other).AssertNoErrors();
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("changed")]
    public void APostWhoseStoredMediaIsBrokenIsNotExportedAndGetsItsOwnErrorWhileTheOthersAre(string damage)
    {
        Connect();
        Files.Png("media/shot.png");
        var csv = Csv("in.csv", new[] { "Key", "Text", "When", "Media" }, new[]
        {
            new[] { "k-before", "Before", Future(1), "" },
            new[] { "k-image", "A shot", Future(2), "media/shot.png" },
            new[] { "k-after", "After", Future(3), "" },
        });
        Import(csv).AssertNoErrors();
        var stored = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(Queue)!, "media")).Single();
        if (damage == "missing")
        {
            File.Delete(stored);
        }
        else
        {
            File.AppendAllText(stored, "edited");
        }

        var file = Path.Combine(Files.Folder, "out.csv");
        var export = PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", file);

        var error = export.SingleError();
        Assert.StartsWith(damage == "missing" ? "LinkedInQueueMediaMissing," : "LinkedInQueueMediaCorrupted,", error.FullyQualifiedErrorId);
        // The category a queue run's result gives the same failure: a changed file is bad data, not a read error.
        Assert.Equal(damage == "missing" ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidData, error.CategoryInfo.Category);
        var imageId = (long)Property(QueuedPosts().Single(p => KeyOf(p) == "k-image"), "Id")!;
        Assert.Equal(imageId, error.TargetObject);
        Assert.Contains($"Scheduled post {imageId} (key k-image) was not exported", error.Exception.Message, StringComparison.Ordinal);
        var keys = PowerShell.Run("Import-Csv -LiteralPath $args[0] | ForEach-Object Key", file).Output.Select(o => o.ToString());
        Assert.Equal(new[] { "k-before", "k-after" }, keys);
    }

    [Fact]
    public void ExportHonoursNoClobberWhatIfFiltersAndPipedPosts()
    {
        Connect();
        Register("x", "Ex", 1);
        var y = Register("y", "Why", 2);
        var file = Path.Combine(Files.Folder, "posts.csv");

        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0] -WhatIf", file).AssertNoErrors();
        Assert.False(File.Exists(file));

        PowerShell.Run("Get-LinkedInScheduledPost -Id $args[1] | Export-LinkedInScheduledPost -Path $args[0]", file, y).AssertNoErrors();
        var rows = PowerShell.Run("Import-Csv -LiteralPath $args[0]", file).Output;
        Assert.Equal("y", Property(rows.Single(), "Key"));
        Assert.Equal("Pending", Property(rows.Single(), "State"));
        Assert.Equal("2031-01-08 09:30:00+01:00", Property(rows.Single(), "ScheduledAt"));

        var clobber = PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0] -NoClobber", file);
        var error = clobber.SingleError();
        Assert.StartsWith("LinkedInExportFileExists,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);

        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0] -Key x", file).AssertNoErrors();
        Assert.Equal("x", Property(PowerShell.Run("Import-Csv -LiteralPath $args[0]", file).Output.Single(), "Key"));

        var unknown = PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", Path.Combine(Files.Folder, "posts.xlsx"));
        Assert.StartsWith("LinkedInExportFormatUnknown,", unknown.SingleError().FullyQualifiedErrorId);

        // -Path is the queue on every other queue cmdlet: given the queue here, Export refuses to overwrite it, -Force or not.
        var before = File.ReadAllBytes(Queue);
        var overQueue = PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0] -Format Csv -Force", Queue);
        var refused = overQueue.SingleError();
        Assert.StartsWith("LinkedInExportWouldReplaceDatabase,", refused.FullyQualifiedErrorId);
        Assert.Contains("-QueuePath", refused.Exception.Message);
        Assert.Equal(before, File.ReadAllBytes(Queue));
        Assert.Equal(2, QueuedPosts().Count);
    }

    [Fact]
    public void ExportOfAnEmptyPipelineIsEmptyPipedPostsAreFilteredAndMillisecondsSurviveARoundTrip()
    {
        Connect();
        Register("x", "Ex", 1);
        Register("y", "Why", 2);
        var precise = PowerShell.Run($"Register-LinkedInScheduledPost -Key precise -Text 'To the millisecond' -ScheduledAt '2031-01-10 09:30:00.250' -TimeZone {Zone}");
        precise.AssertNoErrors();
        var file = Path.Combine(Files.Folder, "none.csv");

        // Nothing matched upstream: nothing is exported (before, the whole default queue was).
        var none = PowerShell.Run("Get-LinkedInScheduledPost -Key no-such-key | Export-LinkedInScheduledPost -Path $args[0]", file);
        none.AssertNoErrors();
        Assert.Contains(none.Warnings, w => w.Contains("No scheduled post was piped in", StringComparison.Ordinal));
        Assert.Empty(PowerShell.Run("Import-Csv -LiteralPath $args[0]", file).Output);

        // Posts of two queues: refused, nothing written (an id means something only in its own queue).
        var otherQueue = Path.Combine(Files.Folder, "second", "queue.db");
        PowerShell.Run($"Register-LinkedInScheduledPost -Key elsewhere -Text 'In another queue' -ScheduledAt '{Future(3)}' -TimeZone {Zone} -Path $args[0]", otherQueue).AssertNoErrors();
        var mixedFile = Path.Combine(Files.Folder, "mixed.csv");
        // (Without this test base's default -QueuePath, which binds before the pipeline and would take both as the default queue's.)
        var mixed = PowerShell.Run(
            "$default = $PSDefaultParameterValues['Export-LinkedInScheduledPost:QueuePath']; $PSDefaultParameterValues.Remove('Export-LinkedInScheduledPost:QueuePath');" +
            "try { @(Get-LinkedInScheduledPost) + @(Get-LinkedInScheduledPost -Path $args[0]) | Export-LinkedInScheduledPost -Path $args[1] }" +
            "finally { $PSDefaultParameterValues['Export-LinkedInScheduledPost:QueuePath'] = $default }", otherQueue, mixedFile);
        Assert.StartsWith("LinkedInExportMixedQueues,", mixed.SingleError().FullyQualifiedErrorId);
        Assert.False(File.Exists(mixedFile));

        // Piped posts are narrowed by the filters given.
        var some = Path.Combine(Files.Folder, "some.csv");
        PowerShell.Run("Get-LinkedInScheduledPost | Export-LinkedInScheduledPost -Path $args[0] -Key y", some).AssertNoErrors();
        Assert.Equal("y", Property(PowerShell.Run("Import-Csv -LiteralPath $args[0]", some).Output.Single(), "Key"));

        var all = Path.Combine(Files.Folder, "all.csv");
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", all).AssertNoErrors();
        var rows = PowerShell.Run("Import-Csv -LiteralPath $args[0]", all).Output;
        Assert.Equal("2031-01-10 09:30:00.250+01:00", Property(rows.Single(r => KeyOf(r) == "precise"), "ScheduledAt"));
        Assert.Equal("2031-01-07 09:30:00+01:00", Property(rows.Single(r => KeyOf(r) == "x"), "ScheduledAt"));
        var other = Path.Combine(Files.Folder, "other", "queue.db");
        PowerShell.Run("Import-Csv -LiteralPath $args[0] | Register-LinkedInScheduledPost -BasePath $args[0] -Path $args[1]", all, other).AssertNoErrors();
        var before = QueuedPosts().Select(p => KeyOf(p) + "|" + ((DateTimeOffset)Property(p, "ScheduledAtUtc")!).UtcTicks);
        var after = PowerShell.Run("Get-LinkedInScheduledPost -Path $args[0]", other).Output.Select(p => KeyOf(p) + "|" + ((DateTimeOffset)Property(p, "ScheduledAtUtc")!).UtcTicks);
        Assert.Equal(before.OrderBy(t => t), after.OrderBy(t => t));
    }

    [Fact]
    public void AReimportedExportKeepsHeldPostsHeldAndDoesNotBringBackPublishedOrCancelledOnes()
    {
        Connect();
        Register("waiting", "Still to go", 1);
        var paused = Register("paused", "On hold", 2);
        var sent = Register("sent", "Already out", 3);
        var dropped = Register("dropped", "Cancelled", 4);
        PowerShell.Run("Set-LinkedInScheduledPost -Id $args[0] -Hold", paused).AssertNoErrors();
        MoveTo(sent, "Published");
        PowerShell.Run("Unregister-LinkedInScheduledPost -Id $args[0] -Confirm:$false", dropped).AssertNoErrors();
        var file = Path.Combine(Files.Folder, "everything.csv");
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", file).AssertNoErrors();
        var other = Path.Combine(Files.Folder, "moved", "queue.db");

        var reimport = PowerShell.Run("Import-Csv -LiteralPath $args[0] | Register-LinkedInScheduledPost -BasePath $args[0] -Path $args[1] -AllowPast", file, other);

        reimport.AssertNoErrors();
        Assert.Equal(new[] { "paused:Held", "waiting:Pending" }, reimport.Output.Select(p => KeyOf(p) + ":" + StateOf(p)).OrderBy(k => k));
        var moved = PowerShell.Run("Get-LinkedInScheduledPost -Path $args[0]", other).Output;
        Assert.Equal(new[] { "paused:Held", "waiting:Pending" }, moved.Select(p => KeyOf(p) + ":" + StateOf(p)).OrderBy(k => k));
        var warning = Assert.Single(reimport.Warnings, w => w.Contains("were not registered because their State", StringComparison.Ordinal));
        Assert.Contains("2 rows", warning);
        Assert.Contains("Published 1", warning);
        Assert.Contains("Cancelled 1", warning);

        // -State directly, and a cell that names no state: that row's error, the rows around it registered.
        var held = PowerShell.Run($"Register-LinkedInScheduledPost -Key later -Text 'Paused from the start' -ScheduledAt '{Future(5)}' -TimeZone {Zone} -State Held");
        held.AssertNoErrors();
        Assert.Equal("Held", StateOf(held.Output.Single()));
        var csv = Csv("states.csv", new[] { "Key", "Text", "When", "State" }, new[]
        {
            new[] { "s1", "First", Future(6), "" },
            new[] { "s2", "Second", Future(7), "California" },
            new[] { "s3", "Third", Future(8), "held" },
        });
        var mixed = Import(csv);
        var error = mixed.SingleError();
        Assert.StartsWith("LinkedInInvalidState,", error.FullyQualifiedErrorId);
        Assert.StartsWith("Row 2 (CSV line 3), column 'State': ", error.ErrorDetails.Message);
        Assert.Contains("'California' is not a state", error.Exception.Message);
        Assert.Equal(new[] { "s1:Pending", "s3:Held" }, mixed.Output.Select(p => KeyOf(p) + ":" + StateOf(p)).OrderBy(k => k));
    }

    [Fact]
    public void ForceLeavesAPostARunHasTakenAloneAndSaysSo()
    {
        Connect();
        var csv = Csv("rows.csv", new[] { "Key", "Text", "When" }, new[] { new[] { "taken", "Version 1", Future(1) }, new[] { "free", "Version 1", Future(2) } });
        Import(csv).AssertNoErrors();
        MoveTo((long)Property(QueuedPosts().Single(p => KeyOf(p) == "taken"), "Id")!, "Sending");
        var v2 = Csv("rows2.csv", new[] { "Key", "Text", "When" }, new[] { new[] { "taken", "Version 2", Future(1) }, new[] { "free", "Version 2", Future(2) } });

        var run = Import(v2, "-Force");
        run.AssertNoErrors();
        Assert.Equal(new[] { "NotUpdatable", "Updated" }, run.Output.Select(p => Property(p, "RegistrationOutcome")!.ToString()));
        Assert.Contains(run.Warnings, w => w.StartsWith("Row 1 (CSV line 2): ", StringComparison.Ordinal) && w.Contains("key 'taken' is Sending", StringComparison.Ordinal));
        Assert.Equal("Version 1", Property(QueuedPosts().Single(p => KeyOf(p) == "taken"), "Text"));
        Assert.Equal("Version 2", Property(QueuedPosts().Single(p => KeyOf(p) == "free"), "Text"));
    }

    [Fact]
    public void StringsPipedInAreTheText()
    {
        Connect();
        var run = PowerShell.Run($"'First line', 'Second line' | Register-LinkedInScheduledPost -ScheduledAt '{Future(3)}' -TimeZone {Zone}");
        run.AssertNoErrors();
        Assert.Equal(new[] { "First line", "Second line" }, run.Output.Select(p => (string)Property(p, "Text")!));
    }

    [Fact]
    public void ReadingOrChangingPostsOfAQueueThatDoesNotExistStopsWithQueueNotFoundAndCreatesNoQueue()
    {
        // As Invoke- and Test-LinkedInPostQueue do: a mistyped -Path must not read as an empty queue (no output, $? true).
        Connect();
        foreach (var command in new[] { "Get-LinkedInScheduledPost", "Get-LinkedInScheduledPost -Id 1", "Set-LinkedInScheduledPost -Id 1 -Hold", "Unregister-LinkedInScheduledPost -Id 1 -Confirm:$false" })
        {
            var error = PowerShell.Run(command).SingleError();
            Assert.StartsWith("LinkedInQueueNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains(Queue + " (named by -Path)", error.Exception.Message); // the test's $PSDefaultParameterValues give -Path
        }
        // A backup of a queue that is not there fails and writes no file (it wrote an empty export and succeeded).
        var file = Path.Combine(Files.Folder, "empty.csv");
        var export = PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", file).SingleError();
        Assert.StartsWith("LinkedInQueueNotFound,", export.FullyQualifiedErrorId);
        Assert.Contains("(named by -QueuePath)", export.Exception.Message);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(Queue));
    }
}
