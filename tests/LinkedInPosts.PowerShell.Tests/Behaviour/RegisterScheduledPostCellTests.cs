using System.Management.Automation;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// Register-LinkedInScheduledPost reading cells as people fill them in: URNs and paths mixed in one media
/// cell, paths pasted with Explorer's quotes, blank first comments, and warnings and errors naming the
/// column the value came from.
/// </summary>
public sealed class RegisterScheduledPostCellTests : ScheduledPostTestBase
{
    public RegisterScheduledPostCellTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    /// <summary>The Media cells of the queue's posts, by key, as Export-LinkedInScheduledPost writes them.</summary>
    private IReadOnlyDictionary<string, string> ExportedMedia()
    {
        var export = Path.Combine(Files.Folder, "export", "posts.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(export)!);
        var run = PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]; Import-Csv -LiteralPath $args[0]", export);
        run.AssertNoErrors();
        return run.Output.ToDictionary(p => (string)p.Properties["Key"].Value, p => (string)p.Properties["Media"].Value);
    }

    [Fact]
    public void AMediaCellSplitsOnSemicolonsBeforeEachPartIsReadAsAUrnOrAPath()
    {
        Connect();
        Files.Png("in/b.png");
        var csv = Csv("in/rows.csv", new[] { "Key", "Text", "When", "Image" }, new[]
        {
            new[] { "urn-then-file", "A URN, then a file", Future(1), "urn:li:image:C4D;b.png" },
            new[] { "two-urns", "Two URNs", Future(2), "urn:li:image:A ; urn:li:image:B" },
            new[] { "file-then-urn", "A file, then a URN", Future(3), "b.png;urn:li:image:C4D" },
        });

        var run = Import(csv);

        run.AssertNoErrors();
        Assert.All(run.Output, p => Assert.Equal("MultiImage", Property(p, "Kind")));
        Assert.All(run.Output, p => Assert.Equal(2, Property(p, "MediaCount")));
        var media = ExportedMedia();
        Assert.Equal("urn:li:image:A;urn:li:image:B", media["two-urns"]);
        Assert.StartsWith("urn:li:image:C4D;", media["urn-then-file"]);
        Assert.EndsWith("-b.png", media["urn-then-file"]);
        Assert.EndsWith(";urn:li:image:C4D", media["file-then-urn"]);
    }

    [Fact]
    public void APathPastedWithItsQuotesIsReadWithoutThem()
    {
        Connect();
        Files.Png("in/pics/a.png");
        Files.Png("in/pics/b.png");
        // What Explorer's "Copy as path" puts on the clipboard: the path in double quotes.
        var csv = Csv("in/rows.csv", new[] { "Key", "Text", "When", "Media", "ArticleUrl", "ArticleTitle", "ArticleThumbnail" }, new[]
        {
            new[] { "quoted", "Quoted path", Future(1), "\"pics/a.png\"", "", "", "" },
            new[] { "quoted-list", "Quoted paths", Future(2), "\"pics/a.png\"; \"pics/b.png\"", "", "", "" },
            new[] { "quoted-full", "Quoted full path", Future(3), "\"" + Path.Combine(Files.Folder, "in", "pics", "b.png") + "\"", "", "", "" },
            new[] { "quoted-thumbnail", "Quoted thumbnail", Future(4), "", "https://example.com/pm", "Postmortem", "\"pics/a.png\"" },
        });

        var run = Import(csv);

        run.AssertNoErrors();
        Assert.Equal(new[] { "Media", "MultiImage", "Media", "Article" }, run.Output.Select(p => (string)Property(p, "Kind")!));
    }

    [Fact]
    public void APathCellWithCharactersNoPathCanHoldIsThatRowsErrorNamingTheColumn()
    {
        Connect();
        Files.Png("in/a.png");
        // A NUL is refused by every OS's path APIs; on Windows PowerShell 5.1 so are " < > | (Path.GetInvalidPathChars()).
        var csv = Csv("in/rows.csv", new[] { "Key", "Text", "When", "Media", "ArticleUrl", "ArticleTitle", "ArticleThumbnail" }, new[]
        {
            new[] { "before", "Before", Future(1), "a.png", "", "", "" },
            new[] { "bad-media", "Bad media", Future(2), "a\0.png", "", "", "" },
            new[] { "bad-thumbnail", "Bad thumbnail", Future(3), "", "https://example.com/pm", "Postmortem", "a\0.png" },
            new[] { "after", "After", Future(4), "a.png", "", "", "" },
        });

        var run = Import(csv);

        Assert.Null(run.Terminating);
        Assert.Equal(2, run.Errors.Count);
        Assert.StartsWith("LinkedInMediaFileNotFound,", run.Errors[0].FullyQualifiedErrorId);
        Assert.StartsWith("Row 2 (CSV line 3), column 'Media': ", Message(run.Errors[0]));
        Assert.StartsWith("Row 3 (CSV line 4), column 'ArticleThumbnail': ", Message(run.Errors[1]));
        Assert.All(run.Errors, e => Assert.Contains("cannot be in a path", Message(e)));
        Assert.Equal(new[] { "before", "after" }, run.Output.Select(KeyOf));
    }

    [Fact]
    public void AFirstCommentOfOnlySpacesIsNoComment()
    {
        Connect();
        var csv = Csv("rows.csv", new[] { "Text", "When", "FirstComment" }, new[] { new[] { "No comment", Future(1), "   " } });

        var run = Import(csv);

        run.AssertNoErrors();
        Assert.Null(Property(run.Output.Single(), "FirstComment"));
    }

    [Fact]
    public void AnAmbiguousTimeFromDateAndTimeColumnsNamesThoseColumns()
    {
        Connect();
        var csv = Csv("rows.csv", new[] { "Text", "Date", "Time" }, new[] { new[] { "Clocks go back", "2031-10-26", "02:30" } });

        var run = Import(csv);

        run.AssertNoErrors();
        var warning = Assert.Single(run.Warnings, w => w.Contains("happens twice", StringComparison.Ordinal));
        Assert.StartsWith("Row 1 (CSV line 2), column 'Date/Time': ", warning);
    }

    [Fact]
    public void AThumbnailFileLinkedInDoesNotTakeIsReportedAgainstTheThumbnailColumn()
    {
        Connect();
        Files.Text("notes.txt", "just notes");
        Files.Text("fake.png", "not a picture at all");
        var csv = Csv("rows.csv", new[] { "Text", "When", "ArticleUrl", "ArticleTitle", "ArticleThumbnail" }, new[]
        {
            new[] { "Text thumbnail", Future(1), "https://example.com/pm", "Postmortem", "notes.txt" },
            new[] { "Disguised thumbnail", Future(2), "https://example.com/pm", "Postmortem", "fake.png" },
        });

        var run = Import(csv);

        Assert.Equal(2, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.StartsWith("LinkedInInvalidMedia,", e.FullyQualifiedErrorId));
        Assert.StartsWith("Row 1 (CSV line 2), column 'ArticleThumbnail': ", Message(run.Errors[0]));
        Assert.StartsWith("Row 2 (CSV line 3), column 'ArticleThumbnail': ", Message(run.Errors[1]));
    }

    /// <summary>
    /// A picture beside a link (people mean "a link card with this picture"): the error names the row's own columns, not the
    /// parameters, and points at ArticleThumbnail, where leaving one kind empty would drop the picture (review S13-G3).
    /// </summary>
    [Fact]
    public void AnImageBesideALinkNamesTheRowsColumnsAndPointsAtArticleThumbnail()
    {
        Connect();
        Files.Png("g3/pics/card.png");
        var csv = Csv("g3/posts.csv", new[] { "Text", "When", "Image", "Link", "ArticleTitle" }, new[]
        {
            new[] { "Read the postmortem", Future(1), "pics/card.png", "https://example.com/pm", "Postmortem" },
        });

        var run = Import(csv);

        var error = run.SingleError();
        Assert.StartsWith("LinkedInInvalidPostKind,", error.FullyQualifiedErrorId);
        var message = Message(error);
        Assert.StartsWith("Row 1 (CSV line 2), column 'Image/Link/ArticleTitle': ", message);
        Assert.Contains("give it as ArticleThumbnail instead", message);
        Assert.False(File.Exists(Queue), "Nothing was registered, so no queue was created.");
    }

    /// <summary>Two kinds without a picture and a link get no thumbnail hint: it would be no help.</summary>
    [Fact]
    public void APollBesideALinkGetsNoThumbnailHint()
    {
        Connect();
        var csv = Csv("g3b/posts.csv", new[] { "Text", "When", "Poll", "PollOption", "Link" }, new[]
        {
            new[] { "Which one?", Future(1), "Ready?", "Yes;No", "https://example.com/pm" },
        });

        var message = Message(Import(csv).SingleError());

        Assert.StartsWith("Row 1 (CSV line 2), column 'Link/Poll/PollOption': ", message);
        Assert.DoesNotContain("ArticleThumbnail", message);
    }
}
