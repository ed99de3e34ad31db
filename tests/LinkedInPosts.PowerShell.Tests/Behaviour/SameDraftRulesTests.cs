using System.Management.Automation;
using System.Text;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// New-LinkedInPost and Register-LinkedInScheduledPost build their drafts with the same code, so one table
/// of inputs, given to both (with -WhatIf: nothing is posted or queued), must be accepted by both or refused
/// by both with the same ErrorId and the same message. Where the two spell an input differently (-Image
/// for several images in New-LinkedInPost, -Media in a row), the table gives both spellings.
/// </summary>
public sealed class SameDraftRulesTests : ScheduledPostTestBase
{
    public SameDraftRulesTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    /// <summary>One input: New-LinkedInPost's arguments, Register-LinkedInScheduledPost's (null: the same), and the ErrorId both give (null: accepted).</summary>
    private sealed record Input(string New, string? Register, string? ErrorId);

    private static Input Same(string arguments, string? errorId = null) => new(arguments, null, errorId);

    private static Input Images(string images, string rest, string? errorId = null) =>
        new($"-Text x -Image {images} {rest}", $"-Text x -Media {images} {rest}", errorId);

    private static IEnumerable<Input> Table()
    {
        yield return Same("-Text 'Patch night went fine (all 40 servers) #ops'");
        yield return Same("-Text x -Media $png -AltText 'A chart' -Title 'Chart'");
        yield return Same("-Text x -Media $uploaded");
        yield return Same("-Text x -Visibility Connections -DisableReshare");
        yield return Images("$png, $png2", "-AltText one, ''");
        yield return Same("-Text x -ArticleUrl https://example.com/pm -ArticleTitle Postmortem -ArticleThumbnail $png -AltText Cover");
        yield return Same("-Text 'Settle this' -Poll 'Tabs or spaces?' -PollOption Tabs, Spaces -PollDuration ThreeDays");
        yield return Same("-Reshare urn:li:share:7045020441609936898 -Text 'Worth it'");
        // On the command line a value is one item, ';' or not; only a row's cell is a ';' list.
        yield return Same("-Text x -Media $png -AltText 'Revenue; 2024'");
        yield return Same("-Text x -Media $semicolonPng");
        yield return Images("$png, $png2", "-AltText 'Revenue; 2024', 'Costs; 2024'");
        yield return Same("-Text 'Settle this' -Poll 'Which?' -PollOption 'Tabs; always', 'Spaces; always'");

        yield return Same("-Text ('x' * 3001)", "LinkedInInvalidCommentary");
        yield return Same("-Text \"Bell `a here\"", "LinkedInInvalidCommentary");
        yield return Same("-Text x -FirstComment ('c' * 1300)", "LinkedInInvalidComment");
        yield return Same("-Text x -Media $png -AltText one, two", "LinkedInInvalidAltText");
        yield return Images("$png, $png2", "-AltText x, y, z", "LinkedInInvalidAltText");
        yield return Images("$png, $video", string.Empty, "LinkedInInvalidMedia");
        yield return Images("$png, $notMedia", string.Empty, "LinkedInInvalidMedia");
        yield return Images("$many", string.Empty, "LinkedInInvalidMedia");
        yield return Same("-Text x -Media urn:li:share:1", "LinkedInInvalidMedia");
        yield return Same("-Text x -Media $notMedia", "LinkedInInvalidMedia");
        yield return Same("-Text x -ArticleUrl ftp://example.com/file -ArticleTitle t", "LinkedInInvalidArticle");
        yield return Same("-Text x -ArticleUrl example.com/pm -ArticleTitle t", "LinkedInInvalidArticle");
        yield return Same("-Text x -ArticleUrl https://example.com -ArticleTitle '  '", "LinkedInInvalidArticle");
        yield return Same("-Text x -ArticleUrl https://example.com -ArticleTitle t -ArticleThumbnail $pdf", "LinkedInInvalidThumbnail");
        yield return Same("-Text x -ArticleUrl https://example.com -ArticleTitle t -AltText 'No thumbnail'", "LinkedInInvalidThumbnail");
        yield return Same("-Poll 'Q?' -PollOption 'only one'", "LinkedInInvalidPoll");
        yield return Same("-Poll 'Q?' -PollOption a, b, c, d, e", "LinkedInInvalidPoll");
        yield return Same("-Poll ('Q' * 141) -PollOption a, b", "LinkedInInvalidPoll");
        yield return Same("-Poll 'Q?' -PollOption Yes, yes", "LinkedInInvalidPoll");
        yield return Same("-Reshare urn:li:person:abc", "LinkedInInvalidReshare");
        yield return Same("-Reshare not-a-urn", "LinkedInInvalidReshare");
    }

    [Theory]
    [InlineData("-Visibility Con", "Connections")]
    [InlineData("-Visibility l", "LoggedIn")]
    [InlineData("-PollDuration T", "ThreeDays")]
    public void VisibilityAndPollDurationCompleteAsNewLinkedInPostsDo(string typed, string completed)
    {
        // Strings on Register (a CSV's blank cell must bind), enums on New-LinkedInPost: the same names complete.
        foreach (var command in new[] { "Register-LinkedInScheduledPost", "New-LinkedInPost -Poll x" })
        {
            var run = PowerShell.Run(
                "$line = $args[0]; (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText }",
                command + " " + typed);
            run.AssertNoErrors();
            Assert.Equal(new[] { completed }, run.Output.Select(o => o.ToString()));
        }
    }

    [Fact]
    public void BothCmdletsAcceptAndRefuseTheSameInputsWithTheSameError()
    {
        Connect();
        PowerShell.SetVariable("png", Files.Png("a.png"));
        PowerShell.SetVariable("png2", Files.Png("b.png"));
        PowerShell.SetVariable("semicolonPng", Files.Png("report;v2.png"));
        PowerShell.SetVariable("video", Files.Mp4("v.mp4", 100 * 1024));
        PowerShell.SetVariable("pdf", Files.Pdf("d.pdf"));
        PowerShell.SetVariable("notMedia", Files.Text("c.png", "not an image"));
        PowerShell.SetVariable("many", Enumerable.Range(0, 21).Select(i => Files.Png($"many/{i:00}.png", 2, 2)).ToArray());
        PowerShell.Run("$uploaded = Add-LinkedInMedia $args[0] -AltText 'Its own alt text'", Files.Png("own.png")).AssertNoErrors();

        var table = Table().ToList();
        Assert.Contains(table, i => i.ErrorId == null);
        Assert.True(table.Count(i => i.ErrorId != null) >= 15, "The table must keep refusing inputs of many kinds.");
        var problems = new StringBuilder();
        foreach (var input in table)
        {
            var posted = PowerShell.Run("New-LinkedInPost " + input.New + " -WhatIf");
            var queued = PowerShell.Run($"Register-LinkedInScheduledPost {input.Register ?? input.New} -ScheduledAt '{Future(0)}' -TimeZone {Zone} -WhatIf");
            var newError = Describe(posted.AllErrors);
            var registerError = Describe(queued.AllErrors);
            var expected = input.ErrorId == null ? "accepted" : input.ErrorId;
            if (newError.Id != expected || registerError.Id != expected || newError.Message != registerError.Message)
            {
                problems.AppendLine($"{input.New}: expected {expected}; New-LinkedInPost {newError.Id} ({newError.Message}), Register-LinkedInScheduledPost {registerError.Id} ({registerError.Message}).");
            }
        }
        Assert.True(problems.Length == 0, problems.ToString());
        Assert.Empty(QueuedPostsIfAny());
    }

    [Fact]
    public void AnAddLinkedInMediaObjectKeepsItsAltTextInTheQueueAsInANewPost()
    {
        Connect();
        PowerShell.Run("$uploaded = Add-LinkedInMedia $args[0] -AltText 'Error rate (flat)'", Files.Png("chart.png")).AssertNoErrors();
        PowerShell.Run($"Register-LinkedInScheduledPost -Text 'Zero errors' -Media $uploaded -ScheduledAt '{Future(0)}' -TimeZone {Zone}").AssertNoErrors();

        var export = Path.Combine(Files.Folder, "out", "posts.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(export)!);
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", export).AssertNoErrors();
        var row = PowerShell.Run("Import-Csv -LiteralPath $args[0]", export).Output.Single();
        Assert.Equal("Error rate (flat)", Property(row, "AltText"));
    }

    [Fact]
    public void ACommandLineListIsTakenAsGivenWhileARowsCellIsSplitAtSemicolons()
    {
        Connect();
        Files.Png("one.png");
        Files.Png("two.png");
        // Given on the command line for every row, the alt text with ';' is one; the rows' own AltText cells are lists.
        var commandLine = Csv("same.csv", new[] { "Key", "Text", "When", "Media" }, new[]
        {
            new[] { "k-same", "Same alt text", Future(1), "one.png" },
        });
        Import(commandLine, "-AltText 'Revenue; 2024'").AssertNoErrors();
        var rows = Csv("rows.csv", new[] { "Key", "Text", "When", "Media", "AltText", "Poll", "PollOption", "PollDuration" }, new[]
        {
            new[] { "k-cell", "Own alt texts", Future(2), "one.png;two.png", "Revenue;Costs", "", "", "" },
            new[] { "k-poll", "Poll", Future(3), "", "", "Which?", "Tabs;Spaces", "ThreeDays" },
        });
        Import(rows).AssertNoErrors();
        // Columns of other names mapped with delay-bind script blocks are still each row's cells, so split.
        var mapped = Csv("mapped.csv", new[] { "Key", "Text", "When", "Pictures", "Alt" }, new[]
        {
            new[] { "k-mapped", "Mapped columns", Future(5), "one.png;two.png", "Revenue;Costs" },
        });
        Import(mapped, "-Media { $_.Pictures } -AltText { $_.Alt }").AssertNoErrors();
        PowerShell.Run($"Register-LinkedInScheduledPost -Key k-typed -Text 'Typed' -Poll 'Which?' -PollOption 'Tabs; always', 'Spaces' -ScheduledAt '{Future(4)}' -TimeZone {Zone}").AssertNoErrors();

        var export = Path.Combine(Files.Folder, "out", "lists.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(export)!);
        PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]", export).AssertNoErrors();
        var exported = PowerShell.Run("Import-Csv -LiteralPath $args[0]", export).Output.ToDictionary(r => Property(r, "Key")!.ToString()!);
        Assert.Equal("\"Revenue; 2024\"", Property(exported["k-same"], "AltText"));
        Assert.Equal("Revenue;Costs", Property(exported["k-cell"], "AltText"));
        Assert.Equal("Revenue;Costs", Property(exported["k-mapped"], "AltText"));
        Assert.Equal(2, Property(exported["k-mapped"], "Media")!.ToString()!.Split(';').Length);
        Assert.Equal("Tabs;Spaces", Property(exported["k-poll"], "PollOption"));
        Assert.Equal("\"Tabs; always\";Spaces", Property(exported["k-typed"], "PollOption"));

        // A row's cell passed on the command line is one file name there; the error says how to give several.
        var typedList = PowerShell.Run($"Register-LinkedInScheduledPost -Text 'Typed list' -Media 'one.png;two.png' -ScheduledAt '{Future(6)}' -TimeZone {Zone}");
        var error = typedList.SingleError();
        Assert.StartsWith("LinkedInMediaFileNotFound", error.FullyQualifiedErrorId);
        Assert.Contains("give several as -Media a.png, b.png", error.Exception.Message);
    }

    /// <summary>"accepted" for no error; else the one error's ErrorId and message (several errors are a failure of their own).</summary>
    private static (string Id, string Message) Describe(IReadOnlyList<ErrorRecord> errors) => errors.Count switch
    {
        0 => ("accepted", string.Empty),
        1 => (errors[0].FullyQualifiedErrorId.Split(',')[0], errors[0].Exception.Message),
        _ => ($"{errors.Count} errors", string.Join(" | ", errors.Select(e => e.FullyQualifiedErrorId))),
    };

    /// <summary>The queue's posts; none when -WhatIf kept the queue file from being created.</summary>
    private IReadOnlyList<PSObject> QueuedPostsIfAny() => File.Exists(Queue) ? QueuedPosts() : Array.Empty<PSObject>();
}
