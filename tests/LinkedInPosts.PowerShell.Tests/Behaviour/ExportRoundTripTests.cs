using System.Management.Automation;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// Export-LinkedInScheduledPost, then the file registered again: the same posts come back, in another queue or (nothing
/// new) in the same one, whatever their text, media, zone or state, and the file's name and media names cannot break that
/// (review S13-A).
/// </summary>
public sealed class ExportRoundTripTests : ScheduledPostTestBase
{
    public ExportRoundTripTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private void Reg(string script, params object?[] args)
    {
        var run = PowerShell.Run(script, args);
        run.AssertNoErrors();
    }

    private void RegisterTrickyPosts()
    {
        Connect();
        Files.Png("media/a.png");
        Files.Png("media/b.png", 9, 7);
        Files.Png("media/c.png", 10, 7);
        Files.Pdf("media/deck.pdf");
        Files.Png("media/cover.png", 11, 7);
        Files.Png("media/über größe.png", 12, 7);
        var media = Path.Combine(Files.Folder, "media");
        Reg("Register-LinkedInScheduledPost -Key k-commas -Text $args[0] -ScheduledAt '2031-01-07 09:30' -TimeZone Europe/Berlin -FirstComment $args[1] -Visibility Connections",
            "Hello, world; \"quoted\" (parens) #tag @who\r\nsecond line\nthird line, ünïcødé 🚀", "first, \"comment\";\r\nline 2");
        Reg("Register-LinkedInScheduledPost -Key k-raw -Raw -Text $args[0] -ScheduledAt '2031-01-08 09:30' -TimeZone 'W. Europe Standard Time'",
            "Raw \\(escaped\\) \\#tag");
        Reg("Register-LinkedInScheduledPost -Key k-org -Author urn:li:organization:4242 -Text 'As the page' -ScheduledAt '2031-01-09 09:30' -TimeZone America/New_York -Visibility LoggedIn -DisableReshare");
        Reg("Register-LinkedInScheduledPost -Key k-held -State Held -Text 'Paused' -ScheduledAt '2031-01-10 09:30' -TimeZone Asia/Kathmandu");
        Reg("Register-LinkedInScheduledPost -Key k-dst -Text 'Second 02:30' -ScheduledAt '2031-10-26 02:30+01:00' -TimeZone Europe/Berlin");
        Reg("Register-LinkedInScheduledPost -Key k-ms -Text 'Millis' -ScheduledAt ([DateTimeOffset]::new(2031, 1, 11, 9, 30, 0, 123, [TimeSpan]::FromHours(1))) -TimeZone Europe/Berlin");
        Reg("Register-LinkedInScheduledPost -Key k-images -Text 'Three' -Media $args[0], $args[1], $args[2] -AltText 'Left; one', '', ' padded ' -ScheduledAt '2031-01-12 09:30' -TimeZone Europe/Berlin",
            Path.Combine(media, "a.png"), Path.Combine(media, "b.png"), Path.Combine(media, "c.png"));
        Reg("Register-LinkedInScheduledPost -Key k-pdf -Text 'Deck' -Media $args[0] -Title 'Deck, v2; \"final\"' -ScheduledAt '2031-01-13 09:30' -TimeZone Europe/Berlin",
            Path.Combine(media, "deck.pdf"));
        Reg("Register-LinkedInScheduledPost -Key k-pdf-default -Text 'Deck default title' -Media $args[0] -ScheduledAt '2031-01-14 09:30' -TimeZone Europe/Berlin",
            Path.Combine(media, "deck.pdf"));
        Reg("Register-LinkedInScheduledPost -Key k-article -Text 'Read' -ArticleUrl 'https://example.com/a?x=1&y=2' -ArticleTitle 'Title, with; stuff' -ArticleDescription \"Desc`r`nline\" -ArticleThumbnail $args[0] -AltText 'Cover; alt' -ScheduledAt '2031-01-15 09:30' -TimeZone Europe/Berlin",
            Path.Combine(media, "cover.png"));
        Reg("Register-LinkedInScheduledPost -Key k-unicode-file -Text 'Umlaut file' -Media $args[0] -AltText 'Größe' -ScheduledAt '2031-01-16 09:30' -TimeZone Europe/Berlin",
            Path.Combine(media, "über größe.png"));
        Reg("Register-LinkedInScheduledPost -Key k-poll -Text 'Vote' -Poll 'Which, one?' -PollOption 'A; a', 'B \"b\"' -PollDuration OneDay -ScheduledAt '2031-01-17 09:30' -TimeZone Europe/Berlin");
        Reg("Register-LinkedInScheduledPost -Key ' k-spaced ' -Text '  leading and trailing  ' -ScheduledAt '2031-01-18 09:30' -TimeZone Europe/Berlin");
    }

    [Theory]
    [InlineData("out.csv", "Import-Csv -LiteralPath $args[0]")]
    [InlineData("out.json", "([IO.File]::ReadAllText($args[0]) | ConvertFrom-Json)")]
    public void ASecondExportOfTheReimportedQueueIsTheSameFile(string fileName, string read)
    {
        RegisterTrickyPosts();
        var first = Path.Combine(Files.Folder, "first", fileName);
        var second = Path.Combine(Files.Folder, "second", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(first)!);
        Directory.CreateDirectory(Path.GetDirectoryName(second)!);
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", first).AssertNoErrors();

        var other = Path.Combine(Files.Folder, "other", "queue.db");
        var reimport = PowerShell.Run($"{read} | Register-LinkedInScheduledPost -BasePath $args[0] -Path $args[1]", first, other);
        reimport.AssertNoErrors();
        Assert.Equal(13, reimport.Output.Count(p => Outcome(p) == "Added"));
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0] -QueuePath $args[1]", second, other).AssertNoErrors();
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));

        // And the same queue: nothing new.
        var same = PowerShell.Run($"{read} | Register-LinkedInScheduledPost -BasePath $args[0]", first);
        same.AssertNoErrors();
        Assert.All(same.Output, p => Assert.Equal("AlreadyExists", Outcome(p)));
    }

    [Theory]
    [InlineData("posts;2031.csv")]
    [InlineData("it`s.csv")]
    [InlineData(" posts.csv")]
    public void AnExportWhoseFileNameHoldsASemicolonOrALeadingSpaceReimportsItsMedia(string fileName)
    {
        Connect();
        Files.Png("media/a.png");
        Reg("Register-LinkedInScheduledPost -Key k-one -Text 'One' -Media $args[0] -ScheduledAt '2031-01-12 09:30' -TimeZone Europe/Berlin", Path.Combine(Files.Folder, "media", "a.png"));
        var export = Path.Combine(Files.Folder, "out", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(export)!);
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", export).AssertNoErrors();
        Assert.True(File.Exists(export));
        var other = Path.Combine(Files.Folder, "other", "queue.db");
        var reimport = PowerShell.Run("Import-Csv -LiteralPath $args[0] | Register-LinkedInScheduledPost -BasePath $args[0] -Path $args[1]", export, other);
        reimport.AssertNoErrors();
        Assert.Equal("Added", Outcome(reimport.Output.Single()));
    }

    [Fact]
    public void AJsonCellThatConvertFromJsonReadAsADateIsRefusedNotRegisteredUnderAnotherKey()
    {
        // PowerShell 7's ConvertFrom-Json makes a DateTime of '2031-01-12T09:30:00'; bound to -Key it became
        // '01/12/2031 09:30:00', a new key: the same post was registered, and published, twice.
        Connect();
        Reg("Register-LinkedInScheduledPost -Key '2031-01-12T09:30:00' -Text 'Daily' -ScheduledAt '2031-01-12 09:30' -TimeZone Europe/Berlin");
        var export = Path.Combine(Files.Folder, "out", "posts.json");
        Directory.CreateDirectory(Path.GetDirectoryName(export)!);
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", export).AssertNoErrors();

        var same = PowerShell.Run("([IO.File]::ReadAllText($args[0]) | ConvertFrom-Json) | Register-LinkedInScheduledPost -BasePath $args[0]", export);

        var error = same.SingleError();
        Assert.StartsWith("LinkedInScheduledPostNotARow,", error.FullyQualifiedErrorId);
        Assert.StartsWith("Row 1, column 'Key': The value came in as a date", Message(error));
        Assert.Contains("ConvertFrom-Json -DateKind String", error.ErrorDetails!.RecommendedAction);
        Assert.Equal(new[] { "2031-01-12T09:30:00" }, QueuedPosts().Select(KeyOf));
    }

    [Fact]
    public void AReadOnlyExportIsOverwrittenOnlyWithForceOnEverySystem()
    {
        Connect();
        Reg("Register-LinkedInScheduledPost -Key k1 -Text 'One' -ScheduledAt '2031-01-12 09:30' -TimeZone Europe/Berlin");
        var export = Path.Combine(Files.Folder, "posts.csv");
        File.WriteAllText(export, "keep me");
        File.SetAttributes(export, FileAttributes.ReadOnly);

        var run = PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", export);

        Assert.Equal("keep me", File.ReadAllText(export));
        var error = run.SingleError();
        Assert.StartsWith("LinkedInExportWriteFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("is read-only", error.Exception.Message);
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0] -Force", export).AssertNoErrors();
        Assert.Contains("\"k1\"", File.ReadAllText(export));
    }

    [Theory]
    [InlineData(245, 'x')]
    [InlineData(80, '图')] // 240 bytes in UTF-8: a legal name that the prefix and a temporary suffix pushed past 255 (review S13-C, 2)
    public void AMediaFileWithALongNameDoesNotStopTheExport(int length, char letter)
    {
        Connect();
        var name = new string(letter, length) + ".png";
        Files.Png("media/" + name);
        Reg("Register-LinkedInScheduledPost -Key k-text -Text 'Text only' -ScheduledAt '2031-01-11 09:30' -TimeZone Europe/Berlin");
        Reg("Register-LinkedInScheduledPost -Key k-long -Text 'Long name' -Media $args[0] -ScheduledAt '2031-01-12 09:30' -TimeZone Europe/Berlin", Path.Combine(Files.Folder, "media", name));
        var export = Path.Combine(Files.Folder, "out", "posts.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(export)!);

        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", export).AssertNoErrors();

        var keys = PowerShell.Run("Import-Csv -LiteralPath $args[0] | ForEach-Object Key", export).Output.Select(o => o.ToString());
        Assert.Equal(new[] { "k-text", "k-long" }, keys);
        var other = Path.Combine(Files.Folder, "other", "queue.db");
        PowerShell.Run("Import-Csv -LiteralPath $args[0] | Register-LinkedInScheduledPost -BasePath $args[0] -Path $args[1]", export, other).AssertNoErrors();
    }

    [Fact]
    public void AHeldPostWhoseTimeHasPassedMovesToAnotherQueueWithAllowPastAndStaysHeld()
    {
        Connect();
        Reg("Register-LinkedInScheduledPost -Key k-held -State Held -Text 'Paused' -ScheduledAt '2020-01-10 09:30' -TimeZone Europe/Berlin -AllowPast");
        var export = Path.Combine(Files.Folder, "out", "posts.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(export)!);
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", export).AssertNoErrors();
        var other = Path.Combine(Files.Folder, "other", "queue.db");

        // A time in the past is an error unless -AllowPast, Held or not (the rule; the docs say so for a move).
        var refused = PowerShell.Run("Import-Csv -LiteralPath $args[0] | Register-LinkedInScheduledPost -BasePath $args[0] -Path $args[1]", export, other);
        var error = refused.SingleError();
        Assert.StartsWith("LinkedInInvalidScheduledAt,", error.FullyQualifiedErrorId);
        Assert.Contains("-AllowPast", Message(error));

        var reimport = PowerShell.Run("Import-Csv -LiteralPath $args[0] | Register-LinkedInScheduledPost -BasePath $args[0] -Path $args[1] -AllowPast", export, other);
        reimport.AssertNoErrors();
        Assert.Equal("Held", Property(reimport.Output.Single(), "State")!.ToString());
    }

    [Fact]
    public void TheJsonExportWritesTimesAndTextAsTheyReadNotEscaped()
    {
        Connect();
        Reg("Register-LinkedInScheduledPost -Key k1 -Text 'Grüße \"quoted\" <b>' -ScheduledAt '2031-01-07 09:30' -TimeZone Europe/Berlin");
        var export = Path.Combine(Files.Folder, "posts.json");
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", export).AssertNoErrors();
        var json = File.ReadAllText(export);
        Assert.Contains("\"2031-01-07 09:30:00+01:00\"", json);
        Assert.Contains("Grüße \\\"quoted\\\" <b>", json);
    }
}
