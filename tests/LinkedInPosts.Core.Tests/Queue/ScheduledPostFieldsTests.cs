using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// The Core side of Register-LinkedInScheduledPost's CSV rows: the kind of post decided from what is filled
/// in, cell lists and flags, and the export columns that read back into the same post.
/// </summary>
public sealed class ScheduledPostFieldsTests
{
    private static readonly LinkedInUrn Author = LinkedInUrn.Parse("urn:li:person:abc");

    private static LinkedInValidationException Refused(ScheduledPostFields fields) =>
        Assert.Throws<LinkedInValidationException>(() => fields.ToDraft(Author));

    [Fact]
    public void The_kind_comes_from_the_filled_in_columns()
    {
        var image = MediaReference.FromUrn("urn:li:image:C4E10AQ");
        var other = MediaReference.FromUrn("urn:li:image:D5F21BR");
        Assert.Null(new ScheduledPostFields { Text = "Hi", AltText = new[] { string.Empty } }.ToDraft(Author).Content);
        Assert.IsType<MediaContent>(new ScheduledPostFields { Media = new[] { image } }.ToDraft(Author).Content);
        var images = Assert.IsType<MultiImageContent>(new ScheduledPostFields { Media = new[] { image, other }, AltText = new[] { "A", string.Empty } }.ToDraft(Author).Content);
        Assert.Equal(new[] { "A", null }, images.Images.Select(i => i.AltText));
        var poll = Assert.IsType<PollContent>(new ScheduledPostFields { Poll = "Ready?", PollOption = new[] { "Yes", "No" }, PollDuration = "3" }.ToDraft(Author).Content);
        Assert.Equal(PollDuration.ThreeDays, poll.Duration);
        var article = Assert.IsType<ArticleContent>(new ScheduledPostFields { ArticleUrl = "https://example.com/a", Title = "From Title" }.ToDraft(Author).Content);
        Assert.Equal("From Title", article.Title);
        Assert.IsType<ReshareContent>(new ScheduledPostFields { Reshare = " urn:li:share:7045020441609936898 " }.ToDraft(Author).Content);
    }

    [Fact]
    public void Columns_of_two_kinds_are_refused_naming_both()
    {
        var error = Refused(new ScheduledPostFields { Poll = "Ready?", PollOption = new[] { "Yes", "No" }, Reshare = "urn:li:share:1" });
        Assert.Equal("LinkedInInvalidPostKind", error.ErrorId);
        Assert.Contains("Poll/PollOption and Reshare", error.Message);
    }

    [Theory]
    [InlineData("", PostVisibility.Public)]
    [InlineData(" connections ", PostVisibility.Connections)]
    [InlineData("LOGGEDIN", PostVisibility.LoggedIn)]
    public void Visibility_is_read_case_insensitively_and_empty_is_public(string value, PostVisibility expected) =>
        Assert.Equal(expected, new ScheduledPostFields { Text = "x", Visibility = value }.ToDraft(Author).Visibility);

    [Fact]
    public void An_unknown_visibility_is_refused() =>
        Assert.Equal("LinkedInInvalidVisibility", Refused(new ScheduledPostFields { Text = "x", Visibility = "Friends" }).ErrorId);

    [Theory]
    [InlineData("", false)]
    [InlineData("False", false)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    [InlineData("True", true)]
    [InlineData(" yes ", true)]
    [InlineData("1", true)]
    public void Flags_read_what_people_write_and_False_is_false(string cell, bool expected) =>
        Assert.Equal(expected, ScheduledPostFields.ParseFlag(cell, "DisableReshare"));

    [Fact]
    public void A_flag_that_is_neither_is_refused() =>
        Assert.Equal("LinkedInInvalidDisableReshare", Assert.Throws<LinkedInValidationException>(() => ScheduledPostFields.ParseFlag("maybe", "DisableReshare")).ErrorId);

    [Fact]
    public void Lists_split_on_semicolons_and_keep_empty_places_when_asked()
    {
        Assert.Equal(new[] { "a.png", "b.png" }, ScheduledPostFields.SplitList(" a.png ; ;b.png"));
        Assert.Equal(new[] { "A", string.Empty, "C" }, ScheduledPostFields.SplitList("A;;C", dropEmpty: false));
        Assert.Empty(ScheduledPostFields.SplitList(string.Empty, dropEmpty: false));
        Assert.Equal("A;;C", ScheduledPostFields.JoinList(new[] { "A", null, "C" }));
    }

    [Theory]
    [InlineData("\"Revenue; 2024\";Costs", new[] { "Revenue; 2024", "Costs" })]
    [InlineData(" \"a;b\" ; \"c\" ", new[] { "a;b", "c" })]
    [InlineData("\"She said \"\"hi\"\"\"", new[] { "She said \"hi\"" })]
    [InlineData("\"C:\\pics\\a b.jpg\";\"C:\\pics\\c.jpg\"", new[] { "C:\\pics\\a b.jpg", "C:\\pics\\c.jpg" })]
    // Only looks quoted: read as written, as before quoting existed.
    [InlineData("\"Hello\" she said;b", new[] { "\"Hello\" she said", "b" })]
    [InlineData("\"open;b", new[] { "\"open", "b" })]
    [InlineData("a\"b\";c", new[] { "a\"b\"", "c" })]
    public void A_value_in_double_quotes_may_hold_semicolons_and_quotes(string cell, string[] expected) =>
        Assert.Equal(expected, ScheduledPostFields.SplitList(cell));

    [Theory]
    // The values, separated by '|' here.
    [InlineData("Revenue; 2024")]
    [InlineData("a;b||\"quoted\"| padded |plain|x\"y")]
    [InlineData("\"|;|\"\";\"\"")]
    public void Joined_values_split_back_as_they_were(string valuesSeparatedByBars)
    {
        var values = valuesSeparatedByBars.Split('|');
        Assert.Equal(values, ScheduledPostFields.SplitList(ScheduledPostFields.JoinList(values), dropEmpty: false));
    }

    [Fact]
    public void Values_that_need_no_quotes_are_joined_plain() =>
        Assert.Equal("a.png;urn:li:image:B;Tabs", ScheduledPostFields.JoinList(new[] { "a.png", "urn:li:image:B", "Tabs" }));

    [Fact]
    public void Export_columns_hold_what_the_fields_read_back()
    {
        var draft = new ScheduledPostFields
        {
            Text = "Vote (now)",
            Poll = "Tabs or spaces?",
            PollOption = new[] { "Tabs", "Spaces" },
            PollDuration = "FourteenDays",
            Visibility = "LoggedIn",
            DisableReshare = true,
        }.ToDraft(Author);
        var post = new ScheduledPost
        {
            Id = 7,
            Key = "k",
            Connection = "default",
            Author = Author.ToString(),
            ScheduledAtUtc = new DateTimeOffset(2031, 1, 7, 8, 30, 0, TimeSpan.Zero),
            TimeZoneId = "Europe/Berlin",
            State = QueueState.Pending,
            PayloadJson = QueuePayload.Serialize(draft, "First!"),
        };

        var row = ScheduledPostColumns.From(post, _ => throw new InvalidOperationException("no stored media here"));

        Assert.Equal(ScheduledPostColumns.Names.OrderBy(n => n), row.Keys.OrderBy(n => n));
        Assert.Equal("2031-01-07 09:30:00+01:00", row["ScheduledAt"]);
        Assert.Equal("Tabs;Spaces", row["PollOption"]);
        var back = new ScheduledPostFields
        {
            Text = row["Text"],
            Poll = row["Poll"],
            PollOption = ScheduledPostFields.SplitList(row["PollOption"]),
            PollDuration = row["PollDuration"],
            Visibility = row["Visibility"],
            DisableReshare = ScheduledPostFields.ParseFlag(row["DisableReshare"], "DisableReshare"),
            Raw = ScheduledPostFields.ParseFlag(row["Raw"], "Raw"),
        }.ToDraft(Author);
        Assert.Equal(QueuePayload.Serialize(draft, "First!"), QueuePayload.Serialize(back, row["FirstComment"]));
        var time = ScheduleTime.Resolve(row["ScheduledAt"], row["TimeZone"], post.ScheduledAtUtc.AddDays(-1), allowPast: false);
        Assert.Equal(post.ScheduledAtUtc, time.Utc);
    }

    [Fact]
    public void Csv_quotes_every_field_and_doubles_quotes()
    {
        var writer = new StringWriter();
        ScheduledPostColumns.WriteCsv(writer, new[] { new Dictionary<string, string> { ["Key"] = "a\"b", ["Text"] = "x,y\nz" } });
        var lines = writer.ToString().Split("\r\n");
        Assert.StartsWith("\"Key\",\"ScheduledAt\"", lines[0]);
        Assert.StartsWith("\"a\"\"b\",\"\",\"\",\"\",\"\",\"x,y\nz\"", lines[1]);
    }
}
