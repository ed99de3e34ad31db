using System.Management.Automation;
using System.Text;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// The bad-CSV matrix: one CSV through Import-Csv with a good row after each kind of bad row below (more than 30). Each
/// bad row must write exactly one error with its own ErrorId, naming its row number (and CSV line), its
/// column and the fix, with the row as TargetObject; the good rows around them register; the queue then
/// holds exactly the good rows.
/// </summary>
public sealed class BadCsvMatrixTests : ScheduledPostTestBase
{
    private static readonly string[] Columns =
    {
        "Case", "Key", "Text", "When", "Date", "Time", "TimeZone", "Media", "AltText", "Title", "ArticleUrl", "ArticleTitle",
        "ArticleDescription", "ArticleThumbnail", "Poll", "PollOption", "PollDuration", "Reshare", "Visibility", "Author", "Connection", "FirstComment", "DisableReshare", "State",
    };

    public BadCsvMatrixTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    /// <summary>One kind of bad row: its cells (the rest are a valid text post), the ErrorId, the column named, and a fragment of the message.</summary>
    private sealed record BadRow(string Case, Dictionary<string, string> Cells, string ErrorId, string Column, string Fragment);

    private static BadRow Bad(string name, string errorId, string column, string fragment, params (string Column, string Value)[] cells) =>
        new(name, cells.ToDictionary(c => c.Column, c => c.Value), errorId, column, fragment);

    private static IEnumerable<BadRow> Matrix()
    {
        var many = string.Join(";", Enumerable.Range(1, 5).Select(i => "Option " + i));
        yield return Bad("bad-date", "LinkedInInvalidScheduledAt", "When", "2031-13-45", ("When", "2031-13-45 09:00"));
        yield return Bad("day-month-ambiguous", "LinkedInInvalidScheduledAt", "When", "03/04/2031", ("When", "03/04/2031 09:00"));
        yield return Bad("dst-gap", "LinkedInInvalidScheduledAt", "When", "2031-03-30", ("When", "2031-03-30 02:30"));
        yield return Bad("past", "LinkedInInvalidScheduledAt", "When", "in the past", ("When", "2020-01-01 09:00"));
        yield return Bad("no-time", "LinkedInInvalidScheduledAt", "When", "has no time", ("When", string.Empty));
        yield return Bad("bad-date-column", "LinkedInInvalidScheduledAt", "Date/Time", "Date '2031-02-30'", ("When", string.Empty), ("Date", "2031-02-30"), ("Time", "09:00"));
        yield return Bad("bad-time-column", "LinkedInInvalidScheduledAt", "Date/Time", "Time '25:00'", ("When", string.Empty), ("Date", "2031-02-03"), ("Time", "25:00"));
        // Digits other than ASCII 0-9 (an IME's full-width ones) and instants outside the years 0001-9999 once stopped the import.
        yield return Bad("full-width-digits", "LinkedInInvalidScheduledAt", "When", "cannot be read", ("When", "\uFF12\uFF10\uFF13\uFF11-\uFF10\uFF12-\uFF10\uFF13 \uFF10\uFF19:\uFF10\uFF10"));
        yield return Bad("full-width-time-column", "LinkedInInvalidScheduledAt", "Date/Time", "Time '", ("When", string.Empty), ("Date", "2031-02-03"), ("Time", "\uFF10\uFF19:\uFF10\uFF10"));
        yield return Bad("after-year-9999-in-zone", "LinkedInInvalidScheduledAt", "Date/Time", "outside the years 0001 to 9999",
            ("When", string.Empty), ("Date", "9999-12-31"), ("Time", "23:30"), ("TimeZone", "America/New_York"));
        yield return Bad("before-year-1-in-zone", "LinkedInInvalidScheduledAt", "When", "outside the years 0001 to 9999", ("When", "0001-01-01 00:30"));
        yield return Bad("unknown-zone", "LinkedInInvalidTimeZone", "TimeZone", "Mars/Olympus_Mons", ("TimeZone", "Mars/Olympus_Mons"));
        yield return Bad("text-3001", "LinkedInInvalidCommentary", "Text", "3000", ("Text", new string('x', 3001)));
        yield return Bad("text-empty", "LinkedInInvalidCommentary", "Text", "empty", ("Text", string.Empty));
        yield return Bad("text-control-character", "LinkedInInvalidCommentary", "Text", "U+0007", ("Text", "Bell \u0007 here"));
        yield return Bad("author-unknown", "LinkedInInvalidUrn", "Author", "ceo", ("Author", "ceo"));
        yield return Bad("author-not-allowed", "LinkedInAuthorNotAllowed", "Author", "urn:li:person:someoneElse", ("Author", "urn:li:person:someoneElse"));
        yield return Bad("connection-unknown", "LinkedInNotConnected", "Connection", "'nope'", ("Connection", "nope"));
        yield return Bad("file-missing", "LinkedInMediaFileNotFound", "Media", "missing.png", ("Media", "missing.png"));
        yield return Bad("file-is-folder", "LinkedInMediaFileNotFound", "Media", "is a folder", ("Media", "pics"));
        yield return Bad("path-invalid-character", "LinkedInMediaFileNotFound", "Media", "cannot be in a path", ("Media", "a\0.png"));
        yield return Bad("file-wrong-type", "LinkedInInvalidMedia", "Media", "notes.txt", ("Media", "notes.txt"));
        yield return Bad("file-disguised", "LinkedInInvalidMedia", "Media", "fake.png", ("Media", "fake.png"));
        yield return Bad("video-among-images", "LinkedInInvalidMedia", "Media", "clip.mp4", ("Media", "pics/a.png;clip.mp4"));
        yield return Bad("media-urn-not-media", "LinkedInInvalidMedia", "Media", "urn:li:share:123", ("Media", "urn:li:share:123"));
        yield return Bad("visibility-unknown", "LinkedInInvalidVisibility", "Visibility", "Friends", ("Visibility", "Friends"));
        yield return Bad("key-duplicate", "LinkedInScheduledPostDuplicateKey", "Key", "row 2", ("Key", "good-1"));
        yield return Bad("key-too-long", "LinkedInInvalidKey", "Key", "200", ("Key", new string('k', 201)));
        yield return Bad("poll-one-option", "LinkedInInvalidPoll", "PollOption", "2", ("Poll", "Tabs or spaces?"), ("PollOption", "Tabs"));
        yield return Bad("poll-five-options", "LinkedInInvalidPoll", "PollOption", "4", ("Poll", "Which one?"), ("PollOption", many));
        yield return Bad("poll-question-141", "LinkedInInvalidPoll", "Poll", "140", ("Poll", new string('q', 141)), ("PollOption", "Yes;No"));
        yield return Bad("poll-options-repeated", "LinkedInInvalidPoll", "PollOption", "are the same", ("Poll", "Ready?"), ("PollOption", "Yes;yes"));
        yield return Bad("poll-duration-unknown", "LinkedInInvalidPollDuration", "PollDuration", "Forever", ("Poll", "Ready?"), ("PollOption", "Yes;No"), ("PollDuration", "Forever"));
        yield return Bad("article-without-title", "LinkedInInvalidArticle", "ArticleTitle", "no title", ("ArticleUrl", "https://example.com/postmortem"));
        yield return Bad("article-relative-url", "LinkedInInvalidArticle", "ArticleUrl", "example.com/pm", ("ArticleUrl", "example.com/pm"), ("ArticleTitle", "Postmortem"));
        yield return Bad("article-ftp-url", "LinkedInInvalidArticle", "ArticleUrl", "ftp://", ("ArticleUrl", "ftp://example.com/pm"), ("ArticleTitle", "Postmortem"));
        // A good address and title: the column at fault is the description's, which the error names (not a guess at the title).
        yield return Bad("article-description-control-char", "LinkedInInvalidArticle", "ArticleDescription", "U+0007",
            ("ArticleUrl", "https://example.com/pm"), ("ArticleTitle", "Postmortem"), ("ArticleDescription", "What went \u0007 wrong"));
        // The title may come from the Title column (ArticleTitle empty): then that is the column named.
        yield return Bad("article-title-from-Title-control-char", "LinkedInInvalidArticle", "Title", "U+0007",
            ("ArticleUrl", "https://example.com/pm"), ("Title", "Post\u0007mortem"));
        yield return Bad("thumbnail-not-an-image", "LinkedInInvalidThumbnail", "ArticleThumbnail", "deck.pdf", ("ArticleUrl", "https://example.com/pm"), ("ArticleTitle", "Postmortem"), ("ArticleThumbnail", "deck.pdf"));
        yield return Bad("thumbnail-wrong-type", "LinkedInInvalidMedia", "ArticleThumbnail", "notes.txt", ("ArticleUrl", "https://example.com/pm"), ("ArticleTitle", "Postmortem"), ("ArticleThumbnail", "notes.txt"));
        yield return Bad("reshare-media-urn", "LinkedInInvalidReshare", "Reshare", "urn:li:image:C4E10AQ", ("Reshare", "urn:li:image:C4E10AQ"));
        yield return Bad("reshare-not-a-urn", "LinkedInInvalidReshare", "Reshare", "share 123", ("Reshare", "share 123"));
        yield return Bad("alt-text-count-mismatch", "LinkedInInvalidAltText", "AltText", "3 texts for 2 images", ("Media", "pics/a.png;pics/b.png"), ("AltText", "x;y;z"));
        yield return Bad("alt-text-two-for-one", "LinkedInInvalidAltText", "AltText", "2 texts", ("Media", "pics/a.png"), ("AltText", "x;y"));
        yield return Bad("alt-text-without-media", "LinkedInInvalidAltText", "AltText", "no picture", ("AltText", "A chart"));
        yield return Bad("first-comment-1251", "LinkedInInvalidComment", "FirstComment", "1250", ("FirstComment", new string('c', 1251)));
        yield return Bad("two-kinds", "LinkedInInvalidPostKind", "Media/Poll/PollOption", "2 kinds", ("Poll", "Ready?"), ("PollOption", "Yes;No"), ("Media", "pics/a.png"));
        yield return Bad("flag-unknown", "LinkedInInvalidDisableReshare", "DisableReshare", "maybe", ("DisableReshare", "maybe"));
        yield return Bad("state-unknown", "LinkedInInvalidState", "State", "'Paused' is not a state", ("State", "Paused"));
    }

    private static string[] Row(string name, string key, string text, string when, Dictionary<string, string>? cells = null) =>
        Columns.Select(column => cells != null && cells.TryGetValue(column, out var value) ? value : column switch
        {
            "Case" => name,
            "Key" => key,
            "Text" => text,
            "When" => when,
            "TimeZone" => Zone,
            _ => string.Empty,
        }).ToArray();

    [Fact]
    public void EveryKindOfBadRowWritesItsOwnErrorAndTheGoodRowsAroundItRegister()
    {
        Connect();
        Files.Png("pics/a.png");
        Files.Png("pics/b.png");
        Files.Png("good.png");
        Files.Pdf("deck.pdf");
        Files.Text("notes.txt", "just notes");
        Files.Text("fake.png", "not a picture at all");
        Files.Mp4("clip.mp4", 80 * 1024);

        var matrix = Matrix().ToList();
        Assert.True(matrix.Count >= 30, "The matrix must keep at least 30 kinds of bad row.");
        Assert.Equal(matrix.Count, matrix.Select(m => m.ErrorId + "/" + m.Case).Distinct().Count());
        var rows = new List<string[]>();
        var goodKeys = new List<string>();
        var badRowNumbers = new Dictionary<string, int>();
        rows.Add(Row("good", "good-0", "Good row 0", Future(0)));
        goodKeys.Add("good-0");
        rows.Add(Row("good", "good-1", "Good row 1 with a picture", Future(1)));
        rows[^1][Array.IndexOf(Columns, "Media")] = "good.png";
        goodKeys.Add("good-1");
        for (var i = 0; i < matrix.Count; i++)
        {
            rows.Add(Row(matrix[i].Case, "bad-" + matrix[i].Case, "Bad row " + matrix[i].Case, Future(10 + i), matrix[i].Cells));
            badRowNumbers[matrix[i].Case] = rows.Count;
            var key = $"good-{i + 2}";
            rows.Add(Row("good", key, $"Good row {i + 2}", Future(100 + i)));
            goodKeys.Add(key);
        }
        var csv = Csv("matrix/posts.csv", Columns, rows);
        foreach (var file in Directory.GetFiles(Files.Folder))
        {
            File.Copy(file, Path.Combine(Files.Folder, "matrix", Path.GetFileName(file)));
        }
        Directory.CreateDirectory(Path.Combine(Files.Folder, "matrix", "pics"));
        foreach (var file in Directory.GetFiles(Path.Combine(Files.Folder, "pics")))
        {
            File.Copy(file, Path.Combine(Files.Folder, "matrix", "pics", Path.GetFileName(file)));
        }

        // No -TimeZone: each row's TimeZone column is used (one of them is unknown).
        var run = PowerShell.Run("Import-Csv -LiteralPath $args[0] | Register-LinkedInScheduledPost -BasePath $args[0]", csv);
        Assert.Null(run.Terminating);

        var problems = new StringBuilder();
        foreach (var bad in matrix)
        {
            var errors = run.Errors.Where(e => (string?)PSObject.AsPSObject(e.TargetObject).Properties["Case"]?.Value == bad.Case).ToList();
            if (errors.Count != 1)
            {
                problems.AppendLine($"{bad.Case}: expected one error, got {errors.Count}.");
                continue;
            }
            var error = errors[0];
            var message = Message(error);
            var number = badRowNumbers[bad.Case];
            if (!error.FullyQualifiedErrorId.StartsWith(bad.ErrorId + ",", StringComparison.Ordinal))
            {
                problems.AppendLine($"{bad.Case}: ErrorId {error.FullyQualifiedErrorId}, expected {bad.ErrorId}. {message}");
            }
            if (!message.StartsWith($"Row {number} (CSV line {number + 1}), column '{bad.Column}': ", StringComparison.Ordinal))
            {
                problems.AppendLine($"{bad.Case}: message does not start with row {number} and column '{bad.Column}': {message}");
            }
            if (!message.Contains(bad.Fragment, StringComparison.Ordinal))
            {
                problems.AppendLine($"{bad.Case}: message lacks '{bad.Fragment}': {message}");
            }
            if (error.CategoryInfo.Category == ErrorCategory.NotSpecified)
            {
                problems.AppendLine($"{bad.Case}: no error category.");
            }
        }
        var strays = run.Errors.Where(e => (string?)PSObject.AsPSObject(e.TargetObject).Properties["Case"]?.Value == "good").Select(Message).ToList();
        foreach (var stray in strays)
        {
            problems.AppendLine("A good row failed: " + stray);
        }
        Assert.True(problems.Length == 0, problems.ToString());
        Assert.Equal(matrix.Count, run.Errors.Count);

        Assert.Equal(goodKeys, run.Output.Select(KeyOf));
        Assert.All(run.Output, p => Assert.Equal("Added", Property(p, "RegistrationOutcome")!.ToString()));
        Assert.Equal(goodKeys.OrderBy(k => k, StringComparer.Ordinal), QueuedPosts().Select(KeyOf).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Contains(run.Information, i => i.StartsWith($"{goodKeys.Count} registered, 0 already there, {matrix.Count} with errors", StringComparison.Ordinal));
        // Only the good rows' one picture was copied into the queue: a bad row leaves nothing behind.
        Assert.Single(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(Queue)!, "media")));
    }

    [Fact]
    public void ARowErrorStopsTheImportOnlyWhenTheScriptAsksForIt()
    {
        Connect();
        var csv = Csv("rows.csv", new[] { "Text", "When" }, new[]
        {
            new[] { "Good", Future(1) },
            new[] { "Bad", "tomorrow-ish" },
            new[] { "Never reached", Future(2) },
        });
        var run = PowerShell.Run($"try {{ Import-Csv -LiteralPath $args[0] | Register-LinkedInScheduledPost -TimeZone {Zone} -ErrorAction Stop }} catch {{ $_.FullyQualifiedErrorId }}", csv);
        Assert.Contains(run.Output, o => o.ToString()!.StartsWith("LinkedInInvalidScheduledAt,", StringComparison.Ordinal));
        // The row before the bad one was accepted; whether it is committed depends on the stop, so re-running completes the import.
        var again = Import(csv);
        Assert.Single(again.Errors);
        Assert.Equal(2, QueuedPosts().Count);
    }
}
