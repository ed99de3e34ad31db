using System.Diagnostics;
using System.Management.Automation;
using System.Security.Cryptography;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

public sealed class AddLinkedInMediaTests : MediaTestBase
{
    public AddLinkedInMediaTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private static string Sha256Of(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    [Fact]
    public async Task AnImageIsUploadedForTheMemberAndDescribedByItsMediaObject()
    {
        Connect();
        var file = Files.Png("chart.png");
        var run = PowerShell.Run("Add-LinkedInMedia -Path $args[0] -AltText 'Error rate (flat) #ops' -Title 'Chart'", file);
        run.AssertNoErrors();

        var media = run.Output.Single();
        var urn = Property(media, "Urn")!.ToString()!;
        Assert.StartsWith("urn:li:image:", urn);
        Assert.Equal(urn, media.ToString());
        Assert.Equal("Image", Property(media, "Kind")!.ToString());
        Assert.Equal("AVAILABLE", Property(media, "Status"));
        Assert.Equal("chart.png", Property(media, "FileName"));
        Assert.Equal(new FileInfo(file).Length, (long)Property(media, "SizeBytes")!);
        Assert.Equal(Sha256Of(file), Property(media, "Sha256"));
        Assert.Equal(Member.Urn, Property(media, "Owner")!.ToString());
        Assert.Equal("Error rate (flat) #ops", Property(media, "AltText"));
        Assert.Equal("Chart", Property(media, "Title"));

        var stored = await Sandbox.Admin.GetMediaAsync(urn);
        Assert.Equal(Member.Urn, stored!.Owner);
        Assert.Equal("AVAILABLE", stored.Status);
        Assert.Equal(Sha256Of(file), stored.Sha256);
    }

    [Fact]
    public async Task RelativePathsAndWildcardsResolveAgainstThePowerShellLocationNotTheProcessDirectory()
    {
        Connect();
        Files.Png("shots/one.png");
        Files.Png("shots/two.png");
        Files.Pdf("shots/notes.pdf");
        var shots = Path.Combine(Files.Folder, "shots");
        SetLocation(PowerShell, shots);
        Assert.NotEqual(Path.GetFullPath(shots), Path.GetFullPath(Environment.CurrentDirectory));

        var run = PowerShell.Run("Add-LinkedInMedia one.png; Add-LinkedInMedia ./*.png; Add-LinkedInMedia -LiteralPath notes.pdf");
        run.AssertNoErrors();
        Assert.Equal(new[] { "one.png", "one.png", "two.png", "notes.pdf" }, run.Output.Select(o => (string)Property(o, "FileName")!));
        Assert.Equal("Document", Property(run.Output[3], "Kind")!.ToString());
        Assert.Equal(Sha256Of(Path.Combine(shots, "two.png")), (await Sandbox.Admin.GetMediaAsync(run.Output[2].ToString()))!.Sha256);
    }

    [Fact]
    public void FilesFromTheProviderAndFileInfosPipeInAndBracketsInNamesAreTakenLiterally()
    {
        Connect();
        Files.Png("piped/a [final].png");
        Files.Png("piped/b.png");
        var folder = Path.Combine(Files.Folder, "piped");
        // What Get-ChildItem writes: FileInfo objects with PSPath and the provider's other properties.
        var provider = PowerShell.Run("$ExecutionContext.InvokeProvider.ChildItem.Get($args[0], $false) | Add-LinkedInMedia", folder);
        provider.AssertNoErrors();
        Assert.Equal(new[] { "a [final].png", "b.png" }, provider.Output.Select(o => (string)Property(o, "FileName")!).OrderBy(n => n, StringComparer.Ordinal));

        // Plain FileInfos (no PSPath) bind by FullName; path strings bind by value.
        var fileInfos = PowerShell.Run("[System.IO.DirectoryInfo]::new($args[0]).GetFiles('*.png') | Add-LinkedInMedia", folder);
        fileInfos.AssertNoErrors();
        Assert.Equal(2, fileInfos.Output.Count);
        var strings = PowerShell.Run("$args[0], $args[1] | Add-LinkedInMedia", Path.Combine(folder, "a [final].png"), Path.Combine(folder, "b.png"));
        strings.AssertNoErrors();
        Assert.Equal(2, strings.Output.Count);
    }

    [Fact]
    public async Task AVideoGoesUpInPartsWithAProgressBarThatCompletes()
    {
        Connect();
        var file = Files.Mp4("demo.mp4", 9 * 1024 * 1024);
        var before = await RequestCountAsync();
        var run = PowerShell.Run("Add-LinkedInMedia $args[0] -Title 'Failover demo'", file);
        run.AssertNoErrors();

        var media = run.Output.Single();
        Assert.Equal("Video", Property(media, "Kind")!.ToString());
        Assert.Equal(Sha256Of(file), Property(media, "Sha256"));
        var stored = await Sandbox.Admin.GetMediaAsync(media.ToString());
        Assert.Equal(3, stored!.PartCount);
        Assert.Equal(3, stored.UploadedPartCount);
        Assert.Equal(Sha256Of(file), stored.Sha256);
        Assert.Equal(3, Uploads(await RequestsSinceAsync(before)).Count);

        Assert.NotEmpty(run.Progress);
        Assert.All(run.Progress, p => Assert.Equal("Uploading demo.mp4 to LinkedIn", p.Activity));
        Assert.Contains(run.Progress, p => p.StatusDescription.Contains(" of 3 parts done", StringComparison.Ordinal));
        Assert.Contains(run.Progress, p => p.StatusDescription.Contains("9.4 MB", StringComparison.Ordinal));
        Assert.Equal(ProgressRecordType.Completed, run.Progress[^1].RecordType);
        Assert.Single(run.Progress, p => p.RecordType == ProgressRecordType.Completed);
    }

    [Fact]
    public async Task WhatIfShowsTheUploadPlanAndSendsNothing()
    {
        Connect();
        var video = Files.Mp4("plan.mp4", 9 * 1024 * 1024);
        var image = Files.Png("plan.png", 40, 30);
        var before = await RequestCountAsync();
        var run = PowerShell.Run("Add-LinkedInMedia $args[0], $args[1] -WhatIf", video, image);
        run.AssertNoErrors();
        Assert.Empty(run.Output);
        Assert.Empty(await RequestsSinceAsync(before));

        Assert.Contains("What if:", run.HostText);
        Assert.Contains("Upload plan.mp4 (MP4 video, 9.4 MB (9,437,184 bytes)) from " + video, run.HostText);
        Assert.Contains("3 PUTs of parts of up to 4 MiB, finalizeUpload", run.HostText);
        Assert.Contains("Upload plan.png (PNG image, 40 x 30 pixels", run.HostText);
        Assert.Contains("one PUT of the file", run.HostText);
        Assert.Contains("for " + Member.Urn, run.HostText);
    }

    [Fact]
    public async Task EachBadFileIsWrittenAsItsOwnErrorAndTheGoodOnesAreUploaded()
    {
        Connect();
        var notAnImage = Files.Text("notes.png", "meeting notes, not a picture");
        var good = Files.Png("good.png");
        var before = await RequestCountAsync();
        var run = PowerShell.Run(
            "Add-LinkedInMedia -Path $args[0], $args[1], $args[2], $args[3], $args[4]",
            notAnImage, Path.Combine(Files.Folder, "missing.png"), Files.Folder, Path.Combine(Files.Folder, "*.gif"), good);

        Assert.Equal("good.png", Property(run.Output.Single(), "FileName"));
        Assert.Null(run.Terminating);
        Assert.Equal(4, run.Errors.Count);
        Assert.StartsWith("LinkedInInvalidMedia,", run.Errors[0].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, run.Errors[0].CategoryInfo.Category);
        Assert.Contains("notes.png", run.Errors[0].Exception.Message);
        foreach (var error in run.Errors.Skip(1))
        {
            Assert.StartsWith("LinkedInMediaFileNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }
        Assert.Contains("does not exist", run.Errors[1].Exception.Message);
        Assert.Contains("is a folder", run.Errors[2].Exception.Message);
        Assert.Contains("No file matches", run.Errors[3].Exception.Message);
        // Only the good file reached LinkedIn: one initializeUpload, one PUT, status checks.
        Assert.Single(Uploads(await RequestsSinceAsync(before)));
        Assert.Single(await RequestsSinceAsync(before), r => r.Method == "POST");
    }

    [Fact]
    public async Task AnAuthorTheConnectionCannotPostAsIsRefusedBeforeAnyCall()
    {
        Connect();
        var file = Files.Png("theirs.png");
        var before = await RequestCountAsync();
        var run = PowerShell.Run("Add-LinkedInMedia $args[0] -Author urn:li:person:someoneElse", file);
        var error = run.SingleError();
        Assert.StartsWith("LinkedInAuthorNotAllowed,", error.FullyQualifiedErrorId);
        Assert.Empty(await RequestsSinceAsync(before));
    }

    [Fact]
    public async Task FailedProcessingIsWrittenWithTheMediaUrnAndInvalidData()
    {
        Connect();
        await Sandbox.Admin.FailNextProcessingAsync(SandboxMediaKind.Document);
        var file = Files.Pdf("broken.pdf");
        var run = PowerShell.Run("Add-LinkedInMedia $args[0]", file);
        var error = run.SingleError();
        Assert.StartsWith("LinkedInMediaProcessingFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("urn:li:document:", error.Exception.Message);
        Assert.False(string.IsNullOrEmpty(error.ErrorDetails.RecommendedAction));
        Assert.Empty(run.Output);
        // The bar of the failed upload is completed, not left hanging on the console.
        Assert.Equal(ProgressRecordType.Completed, run.Progress[^1].RecordType);
        Assert.Equal("Uploading broken.pdf to LinkedIn", run.Progress[^1].Activity);
    }

    [Fact]
    public async Task ProcessingThatOutlastsProcessingTimeoutIsATimeoutNamingTheMediaToPostLater()
    {
        Connect();
        await Sandbox.Admin.SetProcessingTimeAsync(SandboxMediaKind.Image, TimeSpan.FromMinutes(5));
        var run = PowerShell.Run("Add-LinkedInMedia $args[0] -ProcessingTimeout 1", Files.Png("slow.png"));
        var error = run.SingleError();
        Assert.StartsWith("LinkedInMediaProcessingTimeout,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        var urn = (await Sandbox.Admin.GetAllMediaAsync()).Single(m => m.Owner == Member.Urn).Urn;
        Assert.Contains("-Media " + urn, error.ErrorDetails.RecommendedAction);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task ANonPositiveProcessingTimeoutStopsBeforeAnyCall()
    {
        Connect();
        var before = await RequestCountAsync();
        var run = PowerShell.Run("try { $args[0], $args[0] | Add-LinkedInMedia -ProcessingTimeout 0; 'continued' } catch { $_ }", Files.Png("never.png"));
        var error = (ErrorRecord)run.Output.Single().BaseObject;
        Assert.StartsWith("LinkedInInvalidTimeout,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(await RequestsSinceAsync(before));
    }

    [Fact]
    public async Task CtrlCStopsAnUploadInFlightAtOnce()
    {
        Connect();
        const int serverDelay = 8000;
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "PUT", Path = "/sandbox-uploads", DelayMilliseconds = serverDelay, Count = 10 });
        var file = Files.Mp4("slow.mp4", 5 * 1024 * 1024);
        using var running = PowerShell.Start("Add-LinkedInMedia '" + file.Replace("'", "''") + "'");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await Sandbox.Admin.GetRequestsAsync()).All(r => r.Method != "POST" || !r.Path.StartsWith("/rest/videos", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        await Task.Delay(300);

        var watch = Stopwatch.StartNew();
        running.Stop();
        var run = running.End();
        watch.Stop();
        Assert.Equal(PSInvocationState.Stopped, running.State);
        Assert.Empty(run.Output);
        Assert.True(watch.ElapsedMilliseconds < serverDelay / 2, $"Stopping took {watch.ElapsedMilliseconds} ms: the upload in flight was waited for.");
    }
}
