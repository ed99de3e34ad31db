using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Tests.Media;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>Rich content through the payload (version 2) and registration's checks and media copies.</summary>
public sealed class ScheduledContentTests : IDisposable
{
    private static readonly LinkedInUrn Author = LinkedInUrn.Parse("urn:li:person:abc");
    private readonly TestQueue _queue = new();
    private readonly string _files = Directory.CreateTempSubdirectory("lip-files-").FullName;

    private string File(string name, byte[] bytes)
    {
        var path = Path.Combine(_files, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private NewScheduledPost Build(PostContent? content, string text = "Scheduled (with parentheses)", string? comment = null, string? key = null) =>
        ScheduledPostBuilder.Build(new ScheduleRequest(new PostDraft(Author, text) { Content = content }, "work", TestQueue.Start.AddDays(1), "Europe/Berlin")
        {
            FirstComment = comment,
            Key = key,
        }, _queue.Store.Media);

    [Fact]
    public void A_media_post_is_stored_as_a_copy_in_the_queue_and_reads_back_by_hash_with_its_document_title()
    {
        var pdf = File("runbook-v3.pdf", SampleFiles.Pdf());

        var registration = Build(new MediaContent(MediaReference.FromFile(pdf)), comment: "Questions below");
        System.IO.File.Delete(pdf); // the original may go: the queue has its own copy
        var back = QueuePayload.Read(registration.PayloadJson);

        var media = Assert.IsType<MediaContent>(back.Draft.Content);
        Assert.Null(media.Media.FilePath);
        Assert.NotNull(media.Media.StoredSha256);
        Assert.Equal(MediaKind.Document, media.Media.Kind);
        Assert.Equal("runbook-v3.pdf", media.Title); // fixed at registration, so a reused upload keeps it
        Assert.Equal(new[] { media.Media.StoredSha256 }, registration.MediaHashes);
        Assert.Equal(MediaCheck.Intact, _queue.Store.Media.Check(media.Media.StoredSha256!));
        Assert.Equal("Questions below", back.FirstComment);
        Assert.Equal(2, QueuePayload.ReadVersion(registration.PayloadJson));
    }

    [Fact]
    public void Every_content_kind_round_trips_through_the_payload()
    {
        var a = File("a.png", SampleFiles.Png(40, 30));
        var b = File("b.png", SampleFiles.Png(30, 40));
        var contents = new PostContent[]
        {
            new MultiImageContent(new[] { new MultiImageItem(MediaReference.FromFile(a), "First"), new MultiImageItem(MediaReference.FromFile(b)) }),
            new ArticleContent(new Uri("https://example.com/pm?x=1"), "What broke", "A (long) story", MediaReference.FromFile(a), "Cover"),
            new PollContent("Patch on Fridays?", new[] { "Never", "If tested" }, PollDuration.ThreeDays),
            new ReshareContent(LinkedInUrn.Parse("urn:li:share:7045020441609936898")),
            new MediaContent(MediaReference.FromUrn("urn:li:image:C4E10AQ"), altText: "Uploaded before"),
        };

        var back = contents.Select(c => QueuePayload.Read(Build(c).PayloadJson).Draft.Content).ToList();

        var multi = Assert.IsType<MultiImageContent>(back[0]);
        Assert.Equal(new[] { "First", null }, multi.Images.Select(i => i.AltText));
        Assert.All(multi.Images, i => Assert.Equal(MediaKind.Image, i.Image.Kind));
        Assert.NotEqual(multi.Images[0].Image.StoredSha256, multi.Images[1].Image.StoredSha256);
        var article = Assert.IsType<ArticleContent>(back[1]);
        Assert.Equal("https://example.com/pm?x=1", article.Source.AbsoluteUri);
        Assert.Equal(("What broke", "A (long) story", "Cover"), (article.Title, article.Description, article.ThumbnailAltText));
        Assert.Equal(multi.Images[0].Image.StoredSha256, article.Thumbnail!.StoredSha256);
        var poll = Assert.IsType<PollContent>(back[2]);
        Assert.Equal(("Patch on Fridays?", PollDuration.ThreeDays), (poll.Question, poll.Duration));
        Assert.Equal(new[] { "Never", "If tested" }, poll.Options);
        Assert.Equal("urn:li:share:7045020441609936898", Assert.IsType<ReshareContent>(back[3]).Parent.ToString());
        var media = Assert.IsType<MediaContent>(back[4]);
        Assert.Equal(("urn:li:image:C4E10AQ", "Uploaded before"), (media.Media.Urn!.ToString(), media.AltText));
    }

    [Fact]
    public void A_post_LinkedIn_would_refuse_fails_at_registration_naming_the_field_and_copies_nothing()
    {
        var video = File("clip.png", SampleFiles.Pdf()); // named like an image, but a PDF

        var tooLong = Assert.Throws<LinkedInValidationException>(() => Build(null, new string('x', 3001)));
        var wrongKind = Assert.Throws<LinkedInValidationException>(() =>
            Build(new MultiImageContent(new[] { new MultiImageItem(MediaReference.FromFile(video)), new MultiImageItem(MediaReference.FromFile(video)) })));
        var badComment = Assert.Throws<LinkedInValidationException>(() => Build(null, comment: new string('c', 1251)));

        Assert.Equal("Commentary", tooLong.Field);
        Assert.Equal("Media", wrongKind.Field);
        Assert.Contains("must be an image", wrongKind.Message);
        Assert.Equal("Comment", badComment.Field);
        Assert.False(Directory.Exists(_queue.Store.Media.Folder) && Directory.EnumerateFiles(_queue.Store.Media.Folder).Any());
    }

    [Fact]
    public void The_derived_key_follows_the_media_content_so_the_same_row_twice_is_one_post()
    {
        var a = File("a.png", SampleFiles.Png(40, 30));
        var first = Build(new MediaContent(MediaReference.FromFile(a)));
        var again = Build(new MediaContent(MediaReference.FromFile(a)));
        System.IO.File.WriteAllBytes(a, SampleFiles.Png(41, 30));
        var edited = Build(new MediaContent(MediaReference.FromFile(a)));

        Assert.Equal(first.Key, again.Key);
        Assert.NotEqual(first.Key, edited.Key);
        Assert.Equal("mine-1", Build(null, key: " mine-1 ").Key);
    }

    [Fact]
    public void A_registered_rich_post_survives_the_store_with_its_media_rows()
    {
        var a = File("a.png", SampleFiles.Png(40, 30));
        var b = File("b.png", SampleFiles.Png(30, 40));
        var registration = Build(new MultiImageContent(new[] { new MultiImageItem(MediaReference.FromFile(b)), new MultiImageItem(MediaReference.FromFile(a)) }));

        var result = Assert.Single(_queue.Store.RegisterBatch(new[] { registration }));
        var stored = _queue.Store.Get(result.Id!.Value)!;

        Assert.Equal(RegistrationOutcome.Added, result.Outcome);
        Assert.Equal(registration.MediaHashes, stored.MediaHashes);
        var images = Assert.IsType<MultiImageContent>(QueuePayload.Read(stored.PayloadJson).Draft.Content).Images;
        Assert.Equal(stored.MediaHashes, images.Select(i => i.Image.StoredSha256));
    }

    public void Dispose()
    {
        _queue.Dispose();
        Directory.Delete(_files, recursive: true);
    }
}
