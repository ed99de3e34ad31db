using System.Management.Automation;
using System.Text.Json;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>New-LinkedInPost with content: each kind end to end against the sandbox, through the cmdlets.</summary>
public sealed class RichPostTests : MediaTestBase
{
    public RichPostTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private async Task<SandboxStoredPost> StoredAsync(PSObject post) =>
        (await Sandbox.Admin.GetPostAsync((string)Property(post, "Urn")!))!;

    private static JsonElement Content(SandboxStoredPost post)
    {
        Assert.NotNull(post.ContentJson);
        using var document = JsonDocument.Parse(post.ContentJson!);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task AnImagePipedFromAddLinkedInMediaIsPostedWithItsAltText()
    {
        Connect();
        var file = Files.Png("chart.png");
        var run = PowerShell.Run("Add-LinkedInMedia $args[0] -AltText 'Error rate (flat)' | New-LinkedInPost -Text 'Zero errors (all week) #sre'", file);
        run.AssertNoErrors();

        var post = run.Output.Single();
        var stored = await StoredAsync(post);
        Assert.Equal(stored.SentCommentary, stored.Commentary);
        var media = Content(stored).GetProperty("media");
        var image = (await Sandbox.Admin.GetAllMediaAsync()).Single(m => m.Owner == Member.Urn);
        Assert.Equal(image.Urn, media.GetProperty("id").GetString());
        Assert.Equal("Error rate (flat)", media.GetProperty("altText").GetString());
        Assert.Equal("Zero errors (all week) #sre", Property(post, "Commentary"));
    }

    [Fact]
    public async Task ACsvRowWithABlankMediaCellIsNamedByItsTextAndTheOtherRowsArePosted()
    {
        Connect();
        var file = Files.Png("chart.png");
        var run = PowerShell.Run(
            "[pscustomobject]@{ Text = 'With a chart'; Media = $args[0] }, [pscustomobject]@{ Text = 'Just words'; Media = '' } | New-LinkedInPost", file);

        var error = run.SingleError();
        Assert.StartsWith("LinkedInMediaFileNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal("Just words", error.TargetObject);
        Assert.Contains("Media cell is blank", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Register-LinkedInScheduledPost", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal("With a chart", Property(run.Output.Single(), "Commentary"));
        Assert.Single(await Sandbox.Admin.GetPostsAsync(), p => p.Commentary == "With a chart");
    }

    [Fact]
    public async Task ADocumentGivenByARelativePathIsUploadedForTheAuthorThenPosted()
    {
        Connect();
        var file = Files.Pdf("docs/runbook.pdf");
        SetLocation(PowerShell, Files.Folder);
        var before = await RequestCountAsync();
        var run = PowerShell.Run("New-LinkedInPost -Text 'Patch night runbook' -Media docs/runbook.pdf; New-LinkedInPost -Text 'Runbook v3' -Media ./docs/runbook.pdf -Title 'Runbook v3 (final)'");
        run.AssertNoErrors();
        Assert.Equal(2, run.Output.Count);

        var first = Content(await StoredAsync(run.Output[0])).GetProperty("media");
        Assert.StartsWith("urn:li:document:", first.GetProperty("id").GetString());
        Assert.Equal("runbook.pdf", first.GetProperty("title").GetString());
        var second = Content(await StoredAsync(run.Output[1])).GetProperty("media");
        Assert.Equal("Runbook v3 (final)", second.GetProperty("title").GetString());

        var document = await Sandbox.Admin.GetMediaAsync(first.GetProperty("id").GetString()!);
        Assert.Equal(Member.Urn, document!.Owner);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))).ToLowerInvariant(), document.Sha256);
        Assert.Equal(2, Uploads(await RequestsSinceAsync(before)).Count);
        Assert.Contains(run.Progress, p => p.Activity == "Uploading runbook.pdf to LinkedIn" && p.RecordType == ProgressRecordType.Completed);
    }

    [Fact]
    public async Task AVideoGoesUpInPartsAndIsPostedWithItsTitle()
    {
        Connect();
        var file = Files.Mp4("failover.mp4", 9 * 1024 * 1024);
        var run = PowerShell.Run("New-LinkedInPost -Text 'Failover in 40 seconds' -Media $args[0] -Title 'Failover demo'", file);
        run.AssertNoErrors();

        var media = Content(await StoredAsync(run.Output.Single())).GetProperty("media");
        Assert.StartsWith("urn:li:video:", media.GetProperty("id").GetString());
        Assert.Equal("Failover demo", media.GetProperty("title").GetString());
        var video = await Sandbox.Admin.GetMediaAsync(media.GetProperty("id").GetString()!);
        Assert.Equal(3, video!.UploadedPartCount);
        Assert.Contains(run.Progress, p => p.StatusDescription.Contains("of 3 parts done", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoImagesArePostedTogetherWithAnAltTextEach()
    {
        Connect();
        Files.Png("rack/1-before.png");
        Files.Png("rack/2-after.png");
        SetLocation(PowerShell, Path.Combine(Files.Folder, "rack"));
        var run = PowerShell.Run(
            "New-LinkedInPost -Text 'Before and after' -Image 1-before.png, 2-after.png -AltText 'Old rack', 'New rack'; " +
            "New-LinkedInPost -Text 'Both again, by pattern' -Image ./*.png");
        run.AssertNoErrors();

        var images = Content(await StoredAsync(run.Output[0])).GetProperty("multiImage").GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(2, images.Count);
        Assert.Equal(new[] { "Old rack", "New rack" }, images.Select(i => i.GetProperty("altText").GetString()));
        Assert.All(images, i => Assert.StartsWith("urn:li:image:", i.GetProperty("id").GetString()));
        var byPattern = Content(await StoredAsync(run.Output[1])).GetProperty("multiImage").GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(2, byPattern.Count);

        // One bar per file (two bars in each command), each completed.
        var completed = run.Progress.Where(p => p.RecordType == ProgressRecordType.Completed).ToList();
        Assert.Equal(4, completed.Count);
        Assert.NotEqual(completed[0].ActivityId, completed[1].ActivityId);
        Assert.Equal(
            new[] { "Uploading 1-before.png to LinkedIn", "Uploading 2-after.png to LinkedIn" },
            completed.Take(2).Select(p => p.Activity));
    }

    [Fact]
    public async Task TwoImagesOfTheSameNameFromTwoFoldersEachGetTheirBar()
    {
        Connect();
        Files.Png("monday/shot.png");
        Files.Png("tuesday/shot.png");
        SetLocation(PowerShell, Files.Folder);
        var run = PowerShell.Run("New-LinkedInPost -Text 'Two days, one name' -Image monday/shot.png, tuesday/shot.png");
        run.AssertNoErrors();

        var images = Content(await StoredAsync(run.Output.Single())).GetProperty("multiImage").GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(2, images.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
        var completed = run.Progress.Where(p => p.RecordType == ProgressRecordType.Completed).ToList();
        Assert.Equal(2, completed.Count);
        Assert.NotEqual(completed[0].ActivityId, completed[1].ActivityId);
    }

    [Fact]
    public async Task MediaUploadedBeforeIsPostedByItsUrn()
    {
        Connect();
        var uploaded = PowerShell.Run("(Add-LinkedInMedia $args[0]).Urn.ToString()", Files.Pdf("deck.pdf"));
        uploaded.AssertNoErrors();
        var urn = uploaded.Output.Single().ToString();
        var before = await RequestCountAsync();

        var run = PowerShell.Run("New-LinkedInPost -Text 'The deck from last week' -Media $args[0] -Title 'Q3 deck'", urn);
        run.AssertNoErrors();
        var media = Content(await StoredAsync(run.Output.Single())).GetProperty("media");
        Assert.Equal(urn, media.GetProperty("id").GetString());
        Assert.Equal("Q3 deck", media.GetProperty("title").GetString());
        Assert.Empty(Uploads(await RequestsSinceAsync(before)));
        Assert.Empty(run.Progress);
    }

    [Fact]
    public async Task AnArticleCardIsBuiltFromWhatIsGivenWithAnUploadedThumbnailAndNoEscaping()
    {
        Connect();
        var cover = Files.Png("cover.png");
        var run = PowerShell.Run(
            "New-LinkedInPost -Text 'Our postmortem' -ArticleUrl 'https://example.com/pm?id=7' -ArticleTitle 'What broke (and why)' " +
            "-ArticleDescription 'Root cause: #DNS, *again*' -ArticleThumbnail $args[0] -AltText 'Cover: a pager at 3 am'",
            cover);
        run.AssertNoErrors();

        var article = Content(await StoredAsync(run.Output.Single())).GetProperty("article");
        Assert.Equal("https://example.com/pm?id=7", article.GetProperty("source").GetString());
        Assert.Equal("What broke (and why)", article.GetProperty("title").GetString());
        Assert.Equal("Root cause: #DNS, *again*", article.GetProperty("description").GetString());
        Assert.StartsWith("urn:li:image:", article.GetProperty("thumbnail").GetString());
        Assert.Equal("Cover: a pager at 3 am", article.GetProperty("thumbnailAltText").GetString());
    }

    [Fact]
    public async Task APollIsPostedWithItsOptionsAndDuration()
    {
        Connect();
        var run = PowerShell.Run("New-LinkedInPost -Text 'Settle this' -Poll 'Patch on Fridays?' -PollOption 'Never', 'If tested', 'Always (YOLO)' -PollDuration ThreeDays");
        run.AssertNoErrors();

        var poll = Content(await StoredAsync(run.Output.Single())).GetProperty("poll");
        Assert.Equal("Patch on Fridays?", poll.GetProperty("question").GetString());
        Assert.Equal(new[] { "Never", "If tested", "Always (YOLO)" }, poll.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("text").GetString()));
        Assert.Equal("THREE_DAYS", poll.GetProperty("settings").GetProperty("duration").GetString());
    }

    [Fact]
    public async Task APostIsResharedWithOrWithoutText()
    {
        Connect();
        var original = PowerShell.Run("New-LinkedInPost -Text 'The original'");
        original.AssertNoErrors();
        var urn = (string)Property(original.Output.Single(), "Urn")!;

        var run = PowerShell.Run("New-LinkedInPost -Reshare $args[0]; New-LinkedInPost -Reshare $args[0] -Text 'Worth a read (really)'", urn);
        run.AssertNoErrors();
        var bare = await StoredAsync(run.Output[0]);
        Assert.Equal(urn, bare.ReshareParent);
        Assert.Equal(string.Empty, bare.SentCommentary);
        var withText = await StoredAsync(run.Output[1]);
        Assert.Equal(urn, withText.ReshareParent);
        Assert.Equal(withText.SentCommentary, withText.Commentary);
    }

    [Fact]
    public async Task TheFirstCommentIsAddedAsPlainTextRightAfterThePost()
    {
        Connect();
        var run = PowerShell.Run("New-LinkedInPost -Text 'Release notes are out' -FirstComment 'Questions (any) welcome: #ask @team'");
        run.AssertNoErrors();
        var urn = (string)Property(run.Output.Single(), "Urn")!;
        var comment = (await Sandbox.Admin.GetCommentsAsync(urn)).Single();
        Assert.Equal("Questions (any) welcome: #ask @team", comment.Text);
        Assert.Equal(Member.Urn, comment.Actor);
    }

    [Fact]
    public async Task WhenOnlyTheCommentFailsThePostIsOutputAndTheErrorSaysItIsUp()
    {
        Connect();
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/socialActions", Status = 403 });
        var before = await RequestCountAsync();
        var run = PowerShell.Run("New-LinkedInPost -Text 'Posted, comment refused' -FirstComment 'lost comment'");

        var post = run.Output.Single();
        var urn = (string)Property(post, "Urn")!;
        Assert.NotNull(await Sandbox.Admin.GetPostAsync(urn));
        Assert.Null(run.Terminating);
        var error = run.SingleError();
        Assert.StartsWith("LinkedInFirstCommentFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("published as " + urn, error.Exception.Message);
        Assert.Contains("do not post again", error.Exception.Message);
        Assert.Contains(urn, error.ErrorDetails.RecommendedAction);
        Assert.Same(post.BaseObject, error.TargetObject);
        // Never re-posted: one create, one comment attempt.
        var requests = await RequestsSinceAsync(before);
        Assert.Single(requests, r => r.Method == "POST" && r.Path == "/rest/posts");
        Assert.Single(requests, r => r.Method == "POST" && r.Path.StartsWith("/rest/socialActions/", StringComparison.Ordinal));
        Assert.Empty(await Sandbox.Admin.GetCommentsAsync(urn));
    }

    [Fact]
    public async Task WhenTheCommentsOutcomeIsUnknownTheErrorSaysToLookBeforeCommentingAgain()
    {
        Connect();
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/socialActions", Status = 503 });
        var run = PowerShell.Run("New-LinkedInPost -Text 'Posted, comment unanswered' -FirstComment 'maybe there'");

        var urn = (string)Property(run.Output.Single(), "Urn")!;
        var error = run.SingleError();
        Assert.StartsWith("LinkedInFirstCommentFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("whether its first comment was added is not known", error.Exception.Message);
        Assert.Contains("do not post again", error.Exception.Message);
        Assert.Contains("only if it is missing", error.ErrorDetails.RecommendedAction);
        Assert.Contains(urn, error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public async Task CtrlCDuringTheUploadsStopsAtOnceAndCreatesNoPost()
    {
        Connect();
        const int serverDelay = 8000;
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "PUT", Path = "/sandbox-uploads", DelayMilliseconds = serverDelay, Count = 10 });
        var file = Files.Mp4("slow.mp4", 5 * 1024 * 1024);
        var before = await RequestCountAsync();
        using var running = PowerShell.Start("New-LinkedInPost -Text 'never published' -Media '" + file.Replace("'", "''") + "'");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(await RequestsSinceAsync(before)).Any(r => r.Path.StartsWith("/rest/videos", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        await Task.Delay(300);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        running.Stop();
        var run = running.End();
        watch.Stop();
        Assert.Equal(PSInvocationState.Stopped, running.State);
        Assert.Empty(run.Output);
        Assert.True(watch.ElapsedMilliseconds < serverDelay / 2, $"Stopping took {watch.ElapsedMilliseconds} ms.");
        await Sandbox.Admin.ClearFaultsAsync();
        await Task.Delay(200);
        Assert.DoesNotContain(await RequestsSinceAsync(before), r => r.Method == "POST" && r.Path == "/rest/posts");
        Assert.DoesNotContain(await Sandbox.Admin.GetPostsAsync(), p => p.Author == Member.Urn);
    }

    [Fact]
    public async Task WhatIfShowsEveryUploadThenTheJsonBodyWithPlaceholdersAndSendsNothing()
    {
        Connect();
        var uploaded = PowerShell.Run("$chart = Add-LinkedInMedia $args[0] -AltText 'uploaded before'", Files.Png("chart.png"));
        uploaded.AssertNoErrors();
        var video = Files.Mp4("clip.mp4", 9 * 1024 * 1024);
        var image = Files.Png("new.png", 20, 10);
        var before = await RequestCountAsync();

        var run = PowerShell.Run(
            "New-LinkedInPost -Text 'Draft (check me)' -Media $args[0] -Title 'Clip' -FirstComment 'More below' -WhatIf; " +
            "New-LinkedInPost -Text 'Two images' -Image $chart, $args[1] -WhatIf",
            video, image);
        run.AssertNoErrors();
        Assert.Empty(run.Output);
        Assert.Empty(await RequestsSinceAsync(before));

        var shown = run.HostText;
        Assert.Contains("1. Upload clip.mp4 (MP4 video, 9.4 MB", shown);
        Assert.Contains("3 PUTs of parts of up to 4 MiB", shown);
        Assert.Contains("2. Then create the post.", shown);
        Assert.Contains("Draft \\(check me\\)", shown);
        Assert.Contains("\"id\":\"(upload: " + video + ")\"", shown);
        Assert.Contains("\"title\":\"Clip\"", shown);
        Assert.Contains("More below", shown);
        Assert.Contains("1. Upload new.png (PNG image, 20 x 10 pixels", shown);
        Assert.Contains("\"id\":\"" + Property(PowerShell.Run("$chart").Output.Single(), "Urn") + "\"", shown);
        Assert.Contains("\"id\":\"(upload: " + image + ")\"", shown);
    }

    [Fact]
    public async Task CsvRowsBindByPropertyName()
    {
        Connect();
        var image = Files.Png("row.png");
        var run = PowerShell.Run(
            "[pscustomobject]@{ Text = 'row with media'; Media = $args[0]; AltText = 'from the csv' }, " +
            "[pscustomobject]@{ Text = 'row with media, again'; Media = $args[0] } | New-LinkedInPost; " +
            "[pscustomobject]@{ Text = 'row with an article'; ArticleUrl = 'https://example.com/a'; ArticleTitle = 'A title'; FirstComment = 'from the csv too' } | New-LinkedInPost",
            image);
        run.AssertNoErrors();
        Assert.Equal(3, run.Output.Count);
        var first = Content(await StoredAsync(run.Output[0])).GetProperty("media");
        Assert.Equal("from the csv", first.GetProperty("altText").GetString());
        Assert.Equal("A title", Content(await StoredAsync(run.Output[2])).GetProperty("article").GetProperty("title").GetString());
        Assert.Equal("from the csv too", (await Sandbox.Admin.GetCommentsAsync((string)Property(run.Output[2], "Urn")!)).Single().Text);
    }

    [Fact]
    public async Task MediaUploadedForAnotherAuthorIsRefusedBeforeAnyCall()
    {
        Connect();
        var other = await Sandbox.Admin.CreateMemberAsync("Other Ops");
        var otherToken = await Sandbox.Admin.CreateTokenAsync(other.Urn, SandboxFixture.AllScopes);
        AddSecret(otherToken);
        PowerShell.SetVariable("OtherToken", Hosting.PowerShellSession.Secure(otherToken));
        PowerShell.Run("Connect-LinkedIn -AccessToken $OtherToken -ApiBaseUri $SandboxUri -Name other").AssertNoErrors();
        var theirs = PowerShell.Run("$theirs = Add-LinkedInMedia $args[0] -Connection other", Files.Png("theirs.png"));
        theirs.AssertNoErrors();

        var before = await RequestCountAsync();
        var run = PowerShell.Run("$theirs | New-LinkedInPost -Text 'not my image'");
        var error = run.SingleError();
        Assert.StartsWith("LinkedInInvalidMedia,", error.FullyQualifiedErrorId);
        Assert.Contains("was uploaded for " + other.Urn, error.Exception.Message);
        Assert.Empty(await RequestsSinceAsync(before));
    }

    public static IEnumerable<object[]> ImpossiblePosts() => new[]
    {
        new object[] { "-Text x -Poll 'Q?' -PollOption a, b -Media $png", "AmbiguousParameterSet" },
        new object[] { "-Text x -ArticleUrl https://example.com -ArticleTitle t -Image $png, $png2", "AmbiguousParameterSet" },
        new object[] { "-Text x -Media $png -Image $png, $png2", "AmbiguousParameterSet" },
        new object[] { "-Reshare urn:li:share:1 -Poll 'Q?' -PollOption a, b", "AmbiguousParameterSet" },
        new object[] { "-Text x -ArticleUrl https://example.com -ArticleTitle t -Media $png", "AmbiguousParameterSet" },
        new object[] { "-Text x -Image $png", "LinkedInInvalidMedia" },
        new object[] { "-Text x -Image $many", "LinkedInInvalidMedia" },
        new object[] { "-Text x -Image $png, $video", "LinkedInInvalidMedia" },
        new object[] { "-Text x -Image $png, $notMedia", "LinkedInInvalidMedia" },
        new object[] { "-Text x -Media $missing", "LinkedInMediaFileNotFound" },
        new object[] { "-Text x -Media $folder", "LinkedInMediaFileNotFound" },
        new object[] { "-Text x -Media ($folder + '/*.png')", "LinkedInMediaFileNotFound" },
        new object[] { "-Text x -Media urn:li:share:1", "LinkedInInvalidMedia" },
        new object[] { "-Text x -Image $png, $png2 -AltText one", "LinkedInInvalidAltText" },
        new object[] { "-Text x -Media $png -AltText one, two", "LinkedInInvalidAltText" },
        new object[] { "-Text x -ArticleUrl https://example.com -ArticleTitle t -ArticleThumbnail $pdf", "LinkedInInvalidThumbnail" },
        new object[] { "-Text x -ArticleUrl ftp://example.com/file -ArticleTitle t", "LinkedInInvalidArticle" },
        new object[] { "-Text x -ArticleUrl https://example.com -ArticleTitle '  '", "LinkedInInvalidArticle" },
        // PowerShell's own rule for a mandatory string, before the cmdlet runs.
        new object[] { "-Text x -ArticleUrl https://example.com -ArticleTitle ''", "ParameterArgumentValidationErrorEmptyStringNotAllowed" },
        new object[] { "-Poll 'Q?' -PollOption 'only one'", "LinkedInInvalidPoll" },
        new object[] { "-Poll 'Q?' -PollOption a, b, c, d, e", "LinkedInInvalidPoll" },
        new object[] { "-Poll ('Q' * 141) -PollOption a, b", "LinkedInInvalidPoll" },
        new object[] { "-Reshare urn:li:person:abc", "LinkedInInvalidReshare" },
        new object[] { "-Reshare not-a-urn", "LinkedInInvalidReshare" },
        new object[] { "-Text x -FirstComment ('c' * 1300)", "LinkedInInvalidComment" },
        new object[] { "-Text ('x' * 3001) -Media $png", "LinkedInInvalidCommentary" },
    };

    [Theory]
    [MemberData(nameof(ImpossiblePosts))]
    public async Task AnImpossiblePostIsRefusedWithItsErrorIdBeforeAnyCall(string arguments, string errorId)
    {
        Connect();
        PowerShell.SetVariable("png", Files.Png("a.png"));
        PowerShell.SetVariable("png2", Files.Png("b.png"));
        PowerShell.SetVariable("video", Files.Mp4("v.mp4", 100 * 1024));
        PowerShell.SetVariable("pdf", Files.Pdf("d.pdf"));
        PowerShell.SetVariable("notMedia", Files.Text("c.png", "not an image"));
        PowerShell.SetVariable("missing", Path.Combine(Files.Folder, "missing.png"));
        PowerShell.SetVariable("folder", Path.Combine(Files.Folder, "empty"));
        Directory.CreateDirectory(Path.Combine(Files.Folder, "empty"));
        PowerShell.SetVariable("many", Enumerable.Range(0, 21).Select(i => Files.Png($"many/{i:00}.png", 2, 2)).ToArray());
        var before = await RequestCountAsync();

        var run = PowerShell.Run("New-LinkedInPost " + arguments);
        Assert.Empty(run.Output);
        var error = run.SingleError();
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
        Assert.Empty(await RequestsSinceAsync(before));
        Assert.Empty(run.Progress);
    }

    [Fact]
    public async Task OneImpossiblePostAmongRowsIsWrittenAndTheOthersArePosted()
    {
        Connect();
        var run = PowerShell.Run(
            "[pscustomobject]@{ Text = 'a fine poll'; Poll = 'Coffee?'; PollOption = 'Yes', 'Also yes' }, " +
            "[pscustomobject]@{ Text = 'a poll with one option'; Poll = 'Tea?'; PollOption = 'Yes' }, " +
            "[pscustomobject]@{ Text = 'another fine poll'; Poll = 'Cake?'; PollOption = 'Yes', 'No' } | New-LinkedInPost");
        Assert.Equal(2, run.Output.Count);
        var error = run.SingleError();
        Assert.StartsWith("LinkedInInvalidPoll,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("a poll with one option", error.TargetObject);
        await Task.CompletedTask;
    }
}
