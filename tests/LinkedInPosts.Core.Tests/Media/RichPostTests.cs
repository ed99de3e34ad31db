using System.Text.Json;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;
using LinkedInPosts.Core.Tests.Api;
using LinkedInPosts.Core.Tests.Sandbox;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Media;

/// <summary>Every kind of rich post end to end against the sandbox: files uploaded for the author, then the post.</summary>
public sealed class RichPostTests
{
    [Fact]
    public async Task An_image_post_uploads_the_file_then_posts_its_urn_with_the_alt_text()
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Write("chart.png", SampleFiles.Png(1200, 627));
        var draft = new PostDraft(media.Session.MemberUrn, "Q3 (final)") { Content = new MediaContent(MediaReference.FromFile(path), altText: "Revenue (up)") };
        var progress = new RecordingProgress();

        var post = await media.Session.Client.CreatePostAsync(draft, MediaSandbox.Fast(), progress);

        var content = await StoredContentAsync(media.Session, post.Urn);
        var image = content.GetProperty("media");
        var urn = image.GetProperty("id").GetString()!;
        Assert.StartsWith("urn:li:image:", urn);
        Assert.Equal("Revenue (up)", image.GetProperty("altText").GetString());
        Assert.Equal(MediaSamples.Sha256(SampleFiles.Png(1200, 627)), (await media.Admin.GetMediaAsync(urn))!.Sha256);
        var resolved = Assert.IsType<MediaContent>(post.Content);
        Assert.Equal(urn, resolved.Media.Urn!.ToString());
        Assert.Contains(progress.Reports, r => r.Stage == UploadStage.Completed && r.FileName == "chart.png");
    }

    [Fact]
    public async Task A_document_post_is_titled_with_the_file_name()
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Write("Board memo.docx", SampleFiles.OfficeOpenXml("word"));

        var post = await media.Session.Client.CreatePostAsync(new PostDraft(media.Session.MemberUrn, "The memo") { Content = new MediaContent(MediaReference.FromFile(path)) }, MediaSandbox.Fast(), null);

        var document = (await StoredContentAsync(media.Session, post.Urn)).GetProperty("media");
        Assert.StartsWith("urn:li:document:", document.GetProperty("id").GetString());
        Assert.Equal("Board memo.docx", document.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_video_post_of_several_parts()
    {
        await using var media = await MediaSandbox.StartAsync();
        const long length = 9_500_000;
        var path = media.Folder.Video("demo.mp4", length);

        var post = await media.Session.Client.CreatePostAsync(
            new PostDraft(media.Session.MemberUrn, "Demo") { Content = new MediaContent(MediaReference.FromFile(path), title: "Product demo") }, MediaSandbox.Fast(), null);

        var video = (await StoredContentAsync(media.Session, post.Urn)).GetProperty("media");
        var stored = (await media.Admin.GetMediaAsync(video.GetProperty("id").GetString()!))!;
        Assert.Equal((3, GeneratedBytes.Sha256(length)), (stored.PartCount, stored.Sha256));
        Assert.Equal("Product demo", video.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    public async Task A_multi_image_post_uploads_each_file_once_in_order(int count)
    {
        await using var media = await MediaSandbox.StartAsync();
        var paths = Enumerable.Range(1, count).Select(i => media.Folder.Write($"photo{i}.png", SampleFiles.Png(100 + i, 100))).ToList();
        var items = paths.Select((p, i) => new MultiImageItem(MediaReference.FromFile(p), $"Photo {i + 1}"));

        var post = await media.Session.Client.CreatePostAsync(new PostDraft(media.Session.MemberUrn, "Album") { Content = new MultiImageContent(items) }, MediaSandbox.Fast(), null);

        var images = (await StoredContentAsync(media.Session, post.Urn)).GetProperty("multiImage").GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(count, images.Count);
        for (var i = 0; i < count; i++)
        {
            var stored = (await media.Admin.GetMediaAsync(images[i].GetProperty("id").GetString()!))!;
            Assert.Equal(MediaSamples.Sha256(SampleFiles.Png(101 + i, 100)), stored.Sha256);
            Assert.Equal($"Photo {i + 1}", images[i].GetProperty("altText").GetString());
        }
        Assert.Equal(count, (await media.UploadsAsync()).Count);
    }

    [Fact]
    public async Task An_article_without_a_thumbnail_uploads_nothing()
    {
        await using var media = await MediaSandbox.StartAsync();
        var draft = new PostDraft(media.Session.MemberUrn, "Worth reading")
        {
            Content = new ArticleContent(new Uri("https://example.com/post"), "Patch Tuesday (again) #ops", "What_changed & why"),
        };

        var post = await media.Session.Client.CreatePostAsync(draft);

        var article = (await StoredContentAsync(media.Session, post.Urn)).GetProperty("article");
        Assert.Equal("Patch Tuesday (again) #ops", article.GetProperty("title").GetString());
        Assert.Equal("What_changed & why", article.GetProperty("description").GetString());
        Assert.False(article.TryGetProperty("thumbnail", out _));
        Assert.Empty(await media.Session.RequestsAsync("POST", "/rest/images"));
    }

    [Fact]
    public async Task An_article_with_a_thumbnail_file()
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Write("cover.jpg", SampleFiles.Jpeg(1200, 627));
        var draft = new PostDraft(media.Session.MemberUrn, "Worth reading")
        {
            Content = new ArticleContent(new Uri("https://example.com/post"), "Title", thumbnail: MediaReference.FromFile(path), thumbnailAltText: "Cover"),
        };

        var post = await media.Session.Client.CreatePostAsync(draft, MediaSandbox.Fast(), null);

        var article = (await StoredContentAsync(media.Session, post.Urn)).GetProperty("article");
        Assert.StartsWith("urn:li:image:", article.GetProperty("thumbnail").GetString());
        Assert.Equal("Cover", article.GetProperty("thumbnailAltText").GetString());
    }

    [Fact]
    public async Task A_poll_post()
    {
        await using var media = await MediaSandbox.StartAsync();
        var draft = new PostDraft(media.Session.MemberUrn, "Quick poll") { Content = new PollContent("Which shell (honestly)?", new[] { "pwsh", "bash", "cmd.exe" }, PollDuration.OneDay) };

        var post = await media.Session.Client.CreatePostAsync(draft);

        var poll = (await StoredContentAsync(media.Session, post.Urn)).GetProperty("poll");
        Assert.Equal("Which shell (honestly)?", poll.GetProperty("question").GetString());
        Assert.Equal(3, poll.GetProperty("options").GetArrayLength());
        Assert.Equal("ONE_DAY", poll.GetProperty("settings").GetProperty("duration").GetString());
    }

    [Fact]
    public async Task A_reshare_with_empty_commentary()
    {
        await using var media = await MediaSandbox.StartAsync();
        var original = await media.Session.Client.CreatePostAsync(new PostDraft(media.Session.MemberUrn, "Original"));

        var reshare = await media.Session.Client.CreatePostAsync(new PostDraft(media.Session.MemberUrn, "") { Content = new ReshareContent(LinkedInUrn.Parse(original.Urn)) });

        var stored = (await media.Admin.GetPostAsync(reshare.Urn))!;
        Assert.Equal(original.Urn, stored.ReshareParent);
        Assert.Equal("", stored.Commentary);
    }

    [Fact]
    public async Task Media_uploaded_earlier_can_be_posted_by_urn()
    {
        await using var media = await MediaSandbox.StartAsync();
        var uploaded = await media.Uploader.UploadAsync(media.Folder.Write("a.gif", SampleFiles.Gif(20, 20, 2)), media.Session.MemberUrn, new MediaUploadOptions
        {
            AltText = "Spinner",
            PollInterval = TimeSpan.FromMilliseconds(20),
        });

        var post = await media.Session.Client.CreatePostAsync(new PostDraft(media.Session.MemberUrn, "Again") { Content = new MediaContent(uploaded) });

        var image = (await StoredContentAsync(media.Session, post.Urn)).GetProperty("media");
        Assert.Equal(uploaded.Urn.ToString(), image.GetProperty("id").GetString());
        Assert.Equal("Spinner", image.GetProperty("altText").GetString());
    }

    [Fact]
    public async Task Media_owned_by_another_author_is_caught_before_any_upload_or_call()
    {
        await using var media = await MediaSandbox.StartAsync();
        var memberImage = await media.Uploader.UploadAsync(media.Folder.Write("a.png", SampleFiles.Png(10, 10)), media.Session.MemberUrn, MediaSandbox.Fast());
        var callsBefore = (await media.Admin.GetRequestsAsync()).Count;
        var page = LinkedInUrn.Parse(SandboxSession.OrganizationUrn);
        var draft = new PostDraft(page, "Company album")
        {
            Content = new MultiImageContent(new[]
            {
                new MultiImageItem(MediaReference.FromFile(media.Folder.Write("b.png", SampleFiles.Png(10, 10)))),
                new MultiImageItem(MediaReference.FromUpload(memberImage)),
            }),
        };

        var error = await Assert.ThrowsAsync<LinkedInValidationException>(() => media.Session.Client.CreatePostAsync(draft, MediaSandbox.Fast(), null));

        Assert.Equal("Media", error.Field);
        Assert.Contains($"was uploaded for {media.Session.Member.Urn}, but the post's author is {page}", error.Message);
        Assert.Equal(callsBefore, (await media.Admin.GetRequestsAsync()).Count);
    }

    [Fact]
    public async Task Media_of_another_owner_named_by_urn_is_refused_by_LinkedIn_with_a_typed_error()
    {
        await using var media = await MediaSandbox.StartAsync();
        var memberImage = await media.Uploader.UploadAsync(media.Folder.Write("a.png", SampleFiles.Png(10, 10)), media.Session.MemberUrn, MediaSandbox.Fast());
        var draft = new PostDraft(LinkedInUrn.Parse(SandboxSession.OrganizationUrn), "Company news") { Content = new MediaContent(MediaReference.FromUrn(memberImage.Urn)) };

        var error = await Assert.ThrowsAsync<LinkedInValidationException>(() => media.Session.Client.CreatePostAsync(draft));

        Assert.Equal(400, error.HttpStatus);
        Assert.Equal("MEDIA_OWNER_MISMATCH", error.LinkedInCode);
    }

    [Fact]
    public async Task Media_for_a_page_is_uploaded_for_the_page()
    {
        await using var media = await MediaSandbox.StartAsync();
        var page = LinkedInUrn.Parse(SandboxSession.OrganizationUrn);
        var draft = new PostDraft(page, "Company news") { Content = new MediaContent(MediaReference.FromFile(media.Folder.Write("logo.png", SampleFiles.Png(400, 400)))) };

        var post = await media.Session.Client.CreatePostAsync(draft, MediaSandbox.Fast(), null);

        var urn = (await StoredContentAsync(media.Session, post.Urn)).GetProperty("media").GetProperty("id").GetString()!;
        Assert.Equal(page.ToString(), (await media.Admin.GetMediaAsync(urn))!.Owner);
    }

    [Fact]
    public async Task Every_file_is_checked_before_the_first_upload()
    {
        await using var media = await MediaSandbox.StartAsync();
        var good = media.Folder.Write("good.png", SampleFiles.Png(10, 10));
        var huge = media.Folder.Write("huge.png", SampleFiles.Png(10000, 10000));
        var draft = new PostDraft(media.Session.MemberUrn, "Album")
        {
            Content = new MultiImageContent(new[] { new MultiImageItem(MediaReference.FromFile(good)), new MultiImageItem(MediaReference.FromFile(huge)) }),
        };

        var error = await Assert.ThrowsAsync<LinkedInValidationException>(() => media.Session.Client.CreatePostAsync(draft, MediaSandbox.Fast(), null));

        Assert.Contains(huge, error.Message);
        Assert.Empty(await media.Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task The_same_file_named_twice_is_uploaded_once()
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Write("same.png", SampleFiles.Png(10, 10));
        var draft = new PostDraft(media.Session.MemberUrn, "Twice")
        {
            Content = new MultiImageContent(new[] { new MultiImageItem(MediaReference.FromFile(path), "first"), new MultiImageItem(MediaReference.FromFile(path), "second") }),
        };

        var post = await media.Session.Client.CreatePostAsync(draft, MediaSandbox.Fast(), null);

        var ids = (await StoredContentAsync(media.Session, post.Urn)).GetProperty("multiImage").GetProperty("images").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids[0], ids[1]);
        Assert.Single(await media.UploadsAsync());
    }

    [Fact]
    public async Task Posts_read_back_with_their_content()
    {
        await using var media = await MediaSandbox.StartAsync();
        var client = media.Session.Client;
        var author = media.Session.MemberUrn;
        var image = await media.Uploader.UploadAsync(media.Folder.Write("a.png", SampleFiles.Png(10, 10)), author, MediaSandbox.Fast());
        var second = await media.Uploader.UploadAsync(media.Folder.Write("b.png", SampleFiles.Png(20, 10)), author, MediaSandbox.Fast());
        var withMedia = await client.CreatePostAsync(new PostDraft(author, "one") { Content = new MediaContent(image, altText: "Alt (1)") });
        var withImages = await client.CreatePostAsync(new PostDraft(author, "two") { Content = new MultiImageContent(new[] { new MultiImageItem(MediaReference.FromUpload(image), "first"), new MultiImageItem(MediaReference.FromUpload(second)) }) });
        var withArticle = await client.CreatePostAsync(new PostDraft(author, "three") { Content = new ArticleContent(new Uri("https://example.com/x"), "T (1)", "D", MediaReference.FromUpload(image), "Thumb") });
        var withPoll = await client.CreatePostAsync(new PostDraft(author, "four") { Content = new PollContent("Q?", new[] { "A", "B" }, PollDuration.FourteenDays) });
        var reshare = await client.CreatePostAsync(new PostDraft(author, "") { Content = new ReshareContent(LinkedInUrn.Parse(withPoll.Urn)) });

        var readMedia = Assert.IsType<MediaContent>((await client.GetPostAsync(LinkedInUrn.Parse(withMedia.Urn))).Content);
        var readImages = Assert.IsType<MultiImageContent>((await client.GetPostAsync(LinkedInUrn.Parse(withImages.Urn))).Content);
        var readArticle = Assert.IsType<ArticleContent>((await client.GetPostAsync(LinkedInUrn.Parse(withArticle.Urn))).Content);
        var readPoll = Assert.IsType<PollContent>((await client.GetPostAsync(LinkedInUrn.Parse(withPoll.Urn))).Content);
        var readReshare = Assert.IsType<ReshareContent>((await client.GetPostAsync(LinkedInUrn.Parse(reshare.Urn))).Content);

        Assert.Equal((image.Urn, "Alt (1)", MediaKind.Image), (readMedia.Media.Urn, readMedia.AltText, readMedia.Media.Kind!.Value));
        Assert.Equal(new[] { image.Urn, second.Urn }, readImages.Images.Select(i => i.Image.Urn));
        Assert.Equal(new[] { "first", null }, readImages.Images.Select(i => i.AltText));
        Assert.Equal(("T (1)", "D", image.Urn, "Thumb"), (readArticle.Title, readArticle.Description, readArticle.Thumbnail!.Urn, readArticle.ThumbnailAltText));
        Assert.Equal(("Q?", PollDuration.FourteenDays), (readPoll.Question, readPoll.Duration));
        Assert.Equal(new[] { "A", "B" }, readPoll.Options);
        Assert.Equal(withPoll.Urn, readReshare.Parent.ToString());
        Assert.Null((await client.GetPostAsync(LinkedInUrn.Parse((await client.CreatePostAsync(new PostDraft(author, "plain"))).Urn))).Content);
    }

    private static async Task<JsonElement> StoredContentAsync(SandboxSession session, string urn)
    {
        var stored = (await session.Admin.GetPostAsync(urn))!;
        Assert.NotNull(stored.ContentJson);
        return JsonDocument.Parse(stored.ContentJson!).RootElement;
    }
}
