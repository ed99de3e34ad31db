using System.Text.Json;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;
using LinkedInPosts.Core.Tests.Media;

namespace LinkedInPosts.Core.Tests.Content;

/// <summary>Rich post content: each rule is checked before anything is uploaded or sent, and the preview shows the exact body.</summary>
public sealed class PostContentTests : IDisposable
{
    private static readonly LinkedInUrn Author = LinkedInUrn.Parse("urn:li:person:abc");
    private static readonly LinkedInUrn Image = LinkedInUrn.Parse("urn:li:image:C4E10AQFoyyAjHPMQuQ");
    private static readonly LinkedInUrn Video = LinkedInUrn.Parse("urn:li:video:C5505AQH-oV1qvnFtKA");
    private static readonly LinkedInUrn Document = LinkedInUrn.Parse("urn:li:document:D4D10AQH");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Media_content_is_written_with_its_title_and_alt_text()
    {
        var draft = new PostDraft(Author, "Look (new)") { Content = new MediaContent(MediaReference.FromUrn(Image), altText: "A chart (Q3) #1") };

        var media = Body(draft).GetProperty("content").GetProperty("media");

        Assert.Equal(Image.ToString(), media.GetProperty("id").GetString());
        Assert.Equal("A chart (Q3) #1", media.GetProperty("altText").GetString()); // plain text, not escaped
        Assert.False(media.TryGetProperty("title", out _));
    }

    [Fact]
    public void A_document_from_a_file_takes_its_file_name_as_title_and_a_document_urn_needs_one()
    {
        var path = _folder.Write("Q3 results.pdf", SampleFiles.Pdf());
        var fromFile = new PostDraft(Author, "Our results") { Content = new MediaContent(MediaReference.FromFile(path)) };

        var preview = LinkedInClient.PreviewCreate(fromFile);
        var error = Assert.Throws<LinkedInValidationException>(() => new MediaContent(MediaReference.FromUrn(Document)));

        var media = Body(preview).GetProperty("content").GetProperty("media");
        Assert.Equal("Q3 results.pdf", media.GetProperty("title").GetString());
        Assert.Equal($"(upload: {path})", media.GetProperty("id").GetString());
        Assert.Equal(new[] { path }, preview.PendingUploads);
        Assert.Equal("Title", error.Field);
        Assert.Contains("needs a title", error.Message);
        Assert.Equal("Deck", Body(new PostDraft(Author, "x") { Content = new MediaContent(MediaReference.FromUrn(Document), title: "Deck") })
            .GetProperty("content").GetProperty("media").GetProperty("title").GetString());
    }

    [Fact]
    public void Multi_image_content_lists_the_images_in_order_with_their_alt_text()
    {
        var items = Enumerable.Range(1, 3).Select(i => new MultiImageItem(MediaReference.FromUrn($"urn:li:image:img{i}"), i == 2 ? null : $"Photo {i}"));
        var draft = new PostDraft(Author, "Album") { Content = new MultiImageContent(items) };

        var images = Body(draft).GetProperty("content").GetProperty("multiImage").GetProperty("images").EnumerateArray().ToList();

        Assert.Equal(new[] { "urn:li:image:img1", "urn:li:image:img2", "urn:li:image:img3" }, images.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("Photo 1", images[0].GetProperty("altText").GetString());
        Assert.False(images[1].TryGetProperty("altText", out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(21)]
    public void Multi_image_takes_2_to_20_images(int count)
    {
        var items = Enumerable.Range(0, count).Select(i => new MultiImageItem(MediaReference.FromUrn($"urn:li:image:i{i}")));

        var error = Assert.Throws<LinkedInValidationException>(() => new MultiImageContent(items));

        Assert.Equal("Media", error.Field);
        Assert.Contains($"takes 2 to 20 images; {count}", error.Message);
    }

    [Fact]
    public void Multi_image_refuses_a_video_urn_and_a_file_that_is_not_an_image_before_anything_is_uploaded()
    {
        var urnError = Assert.Throws<LinkedInValidationException>(() => new MultiImageContent(new[]
        {
            new MultiImageItem(MediaReference.FromUrn(Image)), new MultiImageItem(MediaReference.FromUrn(Video)),
        }));
        var png = _folder.Write("a.png", SampleFiles.Png(10, 10));
        var pdf = _folder.Write("b.pdf", SampleFiles.Pdf());
        var draft = new PostDraft(Author, "Album")
        {
            Content = new MultiImageContent(new[] { new MultiImageItem(MediaReference.FromFile(png)), new MultiImageItem(MediaReference.FromFile(pdf)) }),
        };

        var fileError = Assert.Throws<LinkedInValidationException>(() => LinkedInClient.PreviewCreate(draft));

        Assert.Contains($"Image 2 of 2 ({Video}) is a video, but it must be an image", urnError.Message);
        Assert.Equal("Media", fileError.Field);
        Assert.Contains($"Image 2 of 2 ('{pdf}') is a document, but it must be an image", fileError.Message);
    }

    [Fact]
    public void Article_content_is_plain_text_and_never_escaped()
    {
        var draft = new PostDraft(Author, "Read this (long)")
        {
            Content = new ArticleContent(new Uri("https://example.com/a?b=1&c=(2)"), "Q&A: *bold* claims (and #hashtags)", "Under_scores ~ and [brackets]",
                MediaReference.FromUrn(Image), "Cover [art]"),
        };

        var article = Body(draft).GetProperty("content").GetProperty("article");

        Assert.Equal("https://example.com/a?b=1&c=(2)", article.GetProperty("source").GetString());
        Assert.Equal("Q&A: *bold* claims (and #hashtags)", article.GetProperty("title").GetString());
        Assert.Equal("Under_scores ~ and [brackets]", article.GetProperty("description").GetString());
        Assert.Equal(Image.ToString(), article.GetProperty("thumbnail").GetString());
        Assert.Equal("Cover [art]", article.GetProperty("thumbnailAltText").GetString());
    }

    [Fact]
    public void Article_rules()
    {
        Assert.Contains("not an absolute http or https URL", Assert.Throws<LinkedInValidationException>(() => new ArticleContent(new Uri("/relative", UriKind.Relative), "t")).Message);
        Assert.Contains("not an absolute http or https URL", Assert.Throws<LinkedInValidationException>(() => new ArticleContent(new Uri("ftp://example.com/x"), "t")).Message);
        Assert.Contains("The article's title is empty", Assert.Throws<LinkedInValidationException>(() => new ArticleContent(new Uri("https://example.com"), "")).Message);
        Assert.Equal("Thumbnail", Assert.Throws<LinkedInValidationException>(() => new ArticleContent(new Uri("https://example.com"), "t", thumbnailAltText: "alt")).Field);
        Assert.Contains("is a video, but it must be an image", Assert.Throws<LinkedInValidationException>(() => new ArticleContent(new Uri("https://example.com"), "t", thumbnail: MediaReference.FromUrn(Video))).Message);
        var description = Assert.Throws<LinkedInValidationException>(() => new ArticleContent(new Uri("https://example.com"), "t", "bad \u0007 bell"));
        Assert.Equal(("Article", "ArticleDescription", "LinkedInInvalidArticle"), (description.Field, description.Input, description.ErrorId));
    }

    [Fact]
    public void A_poll_is_written_with_LinkedIns_only_supported_settings()
    {
        var draft = new PostDraft(Author, "Vote!") { Content = new PollContent("Tabs or spaces (really)?", new[] { "Tabs", "Spaces #1", "Both_" }, PollDuration.ThreeDays) };

        var poll = Body(draft).GetProperty("content").GetProperty("poll");

        Assert.Equal("Tabs or spaces (really)?", poll.GetProperty("question").GetString());
        Assert.Equal(new[] { "Tabs", "Spaces #1", "Both_" }, poll.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("text").GetString()));
        var settings = poll.GetProperty("settings");
        Assert.Equal("THREE_DAYS", settings.GetProperty("duration").GetString());
        Assert.Equal("SINGLE_VOTE", settings.GetProperty("voteSelectionType").GetString());
        Assert.True(settings.GetProperty("isVoterVisibleToAuthor").GetBoolean());
    }

    [Theory]
    [InlineData(PollDuration.OneDay, "ONE_DAY")]
    [InlineData(PollDuration.SevenDays, "SEVEN_DAYS")]
    [InlineData(PollDuration.FourteenDays, "FOURTEEN_DAYS")]
    public void Poll_durations(PollDuration duration, string wire)
    {
        var draft = new PostDraft(Author, "Vote") { Content = new PollContent("Q?", new[] { "A", "B" }, duration) };

        Assert.Equal(wire, Body(draft).GetProperty("content").GetProperty("poll").GetProperty("settings").GetProperty("duration").GetString());
    }

    [Fact]
    public void Poll_rules_use_the_limits_in_ContentLimits()
    {
        var question140 = new string('q', ContentLimits.MaxPollQuestionLength);
        var option30 = new string('o', ContentLimits.MaxPollOptionLength);
        Assert.Equal(question140, new PollContent(question140, new[] { option30, "B", "C", "D" }).Question);

        Assert.Contains("141 characters, over the limit of 140", Poll(question140 + "?", "A", "B").Message);
        Assert.Contains("31 characters, over the limit of 30", Poll("Q?", option30 + "!", "B").Message);
        Assert.Contains("takes 2 to 4 options; 1 was given", Poll("Q?", "A").Message);
        Assert.Contains("takes 2 to 4 options; 5 were given", Poll("Q?", "A", "B", "C", "D", "E").Message);
        Assert.Contains("The poll question is empty", Poll("", "A", "B").Message);
        Assert.Contains("Poll option 2 ('  ') contains only whitespace", Poll("Q?", "A", "  ").Message);
        Assert.Contains("Poll options 1 ('Yes') and 3 ('yes ') are the same", Poll("Q?", "Yes", "No", "yes ").Message);
        Assert.Contains("must fit on one line", Poll("Q?", "A\nB", "C").Message);
        Assert.Equal("LinkedInInvalidPoll", Poll("Q?", "A").ErrorId);

        static LinkedInValidationException Poll(string question, params string[] options) =>
            Assert.Throws<LinkedInValidationException>(() => new PollContent(question, options));
    }

    [Fact]
    public void A_reshare_may_have_no_commentary_and_must_name_a_post()
    {
        var parent = LinkedInUrn.Parse("urn:li:share:7045020441609936898");
        var draft = new PostDraft(Author, "") { Content = new ReshareContent(parent) };

        var body = Body(draft);
        var error = Assert.Throws<LinkedInValidationException>(() => new ReshareContent(Author));

        Assert.Equal("", body.GetProperty("commentary").GetString());
        Assert.Equal(parent.ToString(), body.GetProperty("reshareContext").GetProperty("parent").GetString());
        Assert.False(body.TryGetProperty("content", out _));
        Assert.Equal("Reshare", error.Field);
        Assert.Equal("Commentary", Assert.Throws<LinkedInValidationException>(() => LinkedInClient.PreviewCreate(new PostDraft(Author, ""))).Field);
    }

    [Fact]
    public void A_text_post_has_no_content_field()
    {
        Assert.False(Body(new PostDraft(Author, "Just text")).TryGetProperty("content", out _));
    }

    [Fact]
    public void Media_owned_by_someone_else_is_refused_before_any_upload()
    {
        var page = LinkedInUrn.Parse("urn:li:organization:4242");
        var memberImage = new UploadedMedia(Image, MediaKind.Image, Author, "AVAILABLE", "a.png", 10, new string('0', 64));
        var png = _folder.Write("b.png", SampleFiles.Png(10, 10));
        var draft = new PostDraft(page, "Company album")
        {
            Content = new MultiImageContent(new[] { new MultiImageItem(MediaReference.FromFile(png)), new MultiImageItem(MediaReference.FromUpload(memberImage)) }),
        };

        var error = Assert.Throws<LinkedInValidationException>(() => LinkedInClient.PreviewCreate(draft));

        Assert.Equal("Media", error.Field);
        Assert.Contains($"Image 2 of 2 ({Image}) was uploaded for {Author}, but the post's author is {page}", error.Message);
    }

    [Fact]
    public void Uploaded_media_brings_its_alt_text_and_title()
    {
        var document = new UploadedMedia(Document, MediaKind.Document, Author, "AVAILABLE", "deck.pdf", 10, new string('0', 64), title: "The deck");

        var media = Body(new PostDraft(Author, "Slides") { Content = new MediaContent(document) }).GetProperty("content").GetProperty("media");

        Assert.Equal("The deck", media.GetProperty("title").GetString());
    }

    [Fact]
    public void Media_references_must_be_media()
    {
        var error = Assert.Throws<LinkedInValidationException>(() => MediaReference.FromUrn("urn:li:share:1"));
        var notUrn = Assert.Throws<LinkedInValidationException>(() => MediaReference.FromUrn("image-1"));

        Assert.Equal("Media", error.Field);
        Assert.Contains("is not media", error.Message);
        Assert.Contains("is not a LinkedIn media URN", notUrn.Message);
        Assert.Equal(MediaKind.Video, MediaReference.FromUrn("urn%3Ali%3Avideo%3AC5505").Kind);
    }

    [Fact]
    public void Alt_text_and_titles_with_characters_LinkedIn_cannot_show_are_refused()
    {
        Assert.Equal("AltText", Assert.Throws<LinkedInValidationException>(() => new MediaContent(MediaReference.FromUrn(Image), altText: "bad\0")).Field);
        Assert.Equal("Title", Assert.Throws<LinkedInValidationException>(() => new MediaContent(MediaReference.FromUrn(Image), title: "half \uD83D")).Field);
    }

    [Fact]
    public void Comment_urns_with_a_tuple_id_parse()
    {
        var urn = LinkedInUrn.Parse("urn:li:comment:(urn:li:share:7045020441609936898,7045020441609936899)");

        Assert.Equal(LinkedInUrn.Comment, urn.EntityType);
        Assert.Equal("(urn:li:share:7045020441609936898,7045020441609936899)", urn.Id);
        Assert.Equal(urn, LinkedInUrn.Parse(urn.Encoded));
    }

    private static JsonElement Body(PostDraft draft) => Body(LinkedInClient.PreviewCreate(draft));

    private static JsonElement Body(PostPreview preview) => JsonDocument.Parse(preview.JsonBody).RootElement;
}
