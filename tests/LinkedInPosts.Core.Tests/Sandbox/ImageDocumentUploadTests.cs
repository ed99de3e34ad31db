using System.Text.RegularExpressions;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>Single-PUT uploads of images and documents (linkedin-api.md 3.1, 3.2) and their processing by the sandbox clock.</summary>
public sealed class ImageDocumentUploadTests : MediaTestBase
{
    public ImageDocumentUploadTests(SandboxFixture fixture) : base(fixture) { }

    [Theory]
    [InlineData("images", "image")]
    [InlineData("documents", "document")]
    public async Task Initialize_answers_a_value_envelope_with_the_urn_and_an_upload_url_on_the_sandbox(string collection, string field)
    {
        var ada = await NewPosterAsync();

        using var response = await InitializeAsync(collection, ada.Token, ada.Urn);

        Assert.Equal(200, (int)response.StatusCode);
        var value = (await JsonAsync(response))["value"]!.AsObject();
        Assert.Equal(["uploadUrlExpiresAt", "uploadUrl", field], value.Select(p => p.Key).ToArray());
        Assert.Matches(new Regex($"^urn:li:{field}:[A-Za-z0-9_-]+$"), (string)value[field]!);
        Assert.Equal(SandboxFixture.StartTime.AddHours(24).ToUnixTimeMilliseconds(), (long)value["uploadUrlExpiresAt"]!, 5_000d);
        var url = new Uri((string)value["uploadUrl"]!);
        Assert.Equal(Fixture.Server.BaseUri.Authority, url.Authority);
        Assert.StartsWith("/sandbox-uploads/", url.AbsolutePath);
    }

    [Fact]
    public async Task An_image_goes_from_waiting_upload_to_processing_to_available_by_the_sandbox_clock()
    {
        var ada = await NewPosterAsync();
        var png = MediaSamples.Png(1200, 627);
        var upload = await InitializedAsync("images", ada);
        Assert.Equal("WAITING_UPLOAD", (string)(await StatusAsync("images", upload.Urn, ada.Token))["status"]!);

        using var put = await PutAsync(upload.UploadUrl, Bytes(png));

        Assert.Equal(201, (int)put.StatusCode);
        Assert.Empty(await put.Content.ReadAsByteArrayAsync());
        var processing = await StatusAsync("images", upload.Urn, ada.Token);
        Assert.Equal("PROCESSING", (string)processing["status"]!);
        Assert.Null(processing["downloadUrl"]);
        await Admin.AdvanceClockAsync(TimeSpan.FromSeconds(1));
        Assert.Equal("PROCESSING", (string)(await StatusAsync("images", upload.Urn, ada.Token))["status"]!);
        await Admin.AdvanceClockAsync(TimeSpan.FromSeconds(1));
        var available = await StatusAsync("images", upload.Urn, ada.Token);
        Assert.Equal("AVAILABLE", (string)available["status"]!);
        Assert.Equal(ada.Urn, (string)available["owner"]!);
        Assert.Equal(upload.Urn, (string)available["id"]!);
        Assert.Equal(1200, (int)available["aspectRatioWidth"]!);
        Assert.Equal(627, (int)available["aspectRatioHeight"]!);
        Assert.Equal(png, await Http.GetByteArrayAsync((string)available["downloadUrl"]!));
        var stored = await Admin.GetMediaAsync(upload.Urn);
        Assert.Equal(png.Length, stored!.SizeBytes);
        Assert.Equal(MediaSamples.Sha256(png), stored.Sha256);
        Assert.Equal(1, stored.PartCount);
        Assert.Equal(1, stored.UploadedPartCount);
        Assert.Null(stored.ProcessingFailureReason);
    }

    [Fact]
    public async Task A_document_goes_to_available_and_is_served_back_as_pdf()
    {
        var ada = await NewPosterAsync();
        var pdf = MediaSamples.Pdf();
        var upload = await InitializedAsync("documents", ada);

        using var put = await PutAsync(upload.UploadUrl, Bytes(pdf), ada.Token);
        await Admin.AdvanceClockAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(201, (int)put.StatusCode);
        var status = await StatusAsync("documents", upload.Urn, ada.Token);
        Assert.Equal("AVAILABLE", (string)status["status"]!);
        Assert.Null(status["aspectRatioWidth"]);
        using var download = await Http.GetAsync((string)status["downloadUrl"]!);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(SandboxMediaKind.Document, (await Admin.GetMediaAsync(upload.Urn))!.Kind);
    }

    [Theory]
    [InlineData("jpeg", 1920, 1080)]
    [InlineData("gif", 400, 300)]
    public async Task Jpeg_and_gif_headers_give_the_pixel_size(string format, int width, int height)
    {
        var ada = await NewPosterAsync();
        await Admin.SetProcessingTimeAsync(SandboxMediaKind.Image, TimeSpan.Zero);

        var urn = await UploadedImageAsync(ada, bytes: format == "jpeg" ? MediaSamples.Jpeg(width, height) : MediaSamples.Gif(width, height));

        var status = await StatusAsync("images", urn, ada.Token);
        Assert.Equal("AVAILABLE", (string)status["status"]!);
        Assert.Equal(width, (int)status["aspectRatioWidth"]!);
        Assert.Equal(height, (int)status["aspectRatioHeight"]!);
    }

    [Fact]
    public async Task Processing_time_zero_makes_an_upload_available_at_once_and_is_configurable_per_kind()
    {
        var ada = await NewPosterAsync();
        await Admin.SetProcessingTimeAsync(SandboxMediaKind.Image, TimeSpan.Zero);
        await Admin.SetProcessingTimeAsync(SandboxMediaKind.Document, TimeSpan.FromMinutes(5));
        var document = await InitializedAsync("documents", ada);
        (await PutAsync(document.UploadUrl, Bytes(MediaSamples.Pdf()))).Dispose();

        var image = await UploadedImageAsync(ada);

        Assert.Equal("AVAILABLE", (await Admin.GetMediaAsync(image))!.Status);
        Assert.Equal("PROCESSING", (await Admin.GetMediaAsync(document.Urn))!.Status);
        await Admin.AdvanceClockAsync(TimeSpan.FromMinutes(5));
        Assert.Equal("AVAILABLE", (await Admin.GetMediaAsync(document.Urn))!.Status);
    }

    [Theory]
    [InlineData("images", "not a JPG, PNG or GIF image")]
    [InlineData("documents", "not a PDF, PPT, PPTX, DOC or DOCX document")]
    public async Task Bytes_of_the_wrong_format_fail_processing(string collection, string reason)
    {
        var ada = await NewPosterAsync();
        var upload = await InitializedAsync(collection, ada);

        using var put = await PutAsync(upload.UploadUrl, Bytes("plain text, not media"u8.ToArray()));
        await Admin.AdvanceClockAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(201, (int)put.StatusCode);
        var status = await StatusAsync(collection, upload.Urn, ada.Token);
        Assert.Equal("PROCESSING_FAILED", (string)status["status"]!);
        Assert.Null(status["downloadUrl"]);
        Assert.Contains(reason, (await Admin.GetMediaAsync(upload.Urn))!.ProcessingFailureReason);
    }

    [Fact]
    public async Task An_image_of_36152320_pixels_or_more_fails_processing()
    {
        var ada = await NewPosterAsync();
        await Admin.SetProcessingTimeAsync(SandboxMediaKind.Image, TimeSpan.Zero);

        var tooBig = await UploadedImageAsync(ada, bytes: MediaSamples.Png(6016, 6010));
        var justUnder = await UploadedImageAsync(ada, bytes: MediaSamples.Png(6016, 6009));

        Assert.Equal("PROCESSING_FAILED", (await Admin.GetMediaAsync(tooBig))!.Status);
        Assert.Equal("AVAILABLE", (await Admin.GetMediaAsync(justUnder))!.Status);
    }

    [Fact]
    public async Task Fail_next_processing_fails_that_many_uploads_of_that_kind_only()
    {
        var ada = await NewPosterAsync();
        await Admin.FailNextProcessingAsync(SandboxMediaKind.Image, 2);

        var first = await UploadedImageAsync(ada);
        var second = await UploadedImageAsync(ada);
        var third = await UploadedImageAsync(ada);
        var document = await InitializedAsync("documents", ada);
        (await PutAsync(document.UploadUrl, Bytes(MediaSamples.Pdf()))).Dispose();
        Assert.Equal("PROCESSING", (await Admin.GetMediaAsync(first))!.Status);
        await Admin.AdvanceClockAsync(TimeSpan.FromSeconds(2));

        Assert.Equal("PROCESSING_FAILED", (await Admin.GetMediaAsync(first))!.Status);
        Assert.Equal("PROCESSING_FAILED", (await Admin.GetMediaAsync(second))!.Status);
        Assert.Equal("AVAILABLE", (await Admin.GetMediaAsync(third))!.Status);
        Assert.Equal("AVAILABLE", (await Admin.GetMediaAsync(document.Urn))!.Status);
    }

    [Fact]
    public async Task Failing_one_urn_works_until_its_processing_has_ended()
    {
        var ada = await NewPosterAsync();
        var waiting = await InitializedAsync("images", ada);
        var available = await AvailableImageAsync(ada);

        await Admin.FailProcessingAsync(waiting.Urn);
        var late = await Assert.ThrowsAsync<HttpRequestException>(() => Admin.FailProcessingAsync(available));
        (await PutAsync(waiting.UploadUrl, Bytes(MediaSamples.Png(10, 10)))).Dispose();
        await Admin.AdvanceClockAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("PROCESSING_FAILED", (string)(await StatusAsync("images", waiting.Urn, ada.Token))["status"]!);
        Assert.Equal("AVAILABLE", (await Admin.GetMediaAsync(available))!.Status);
    }

    [Fact]
    public async Task The_same_bytes_again_are_201_and_other_bytes_are_409()
    {
        var ada = await NewPosterAsync();
        var png = MediaSamples.Png(100, 100);
        var upload = await InitializedAsync("images", ada);
        (await PutAsync(upload.UploadUrl, Bytes(png))).Dispose();

        using var retry = await PutAsync(upload.UploadUrl, Bytes(png));
        using var other = await PutAsync(upload.UploadUrl, Bytes(MediaSamples.Png(200, 200)));

        Assert.Equal(201, (int)retry.StatusCode);
        Assert.Contains(upload.Urn, (string)(await ErrorAsync(other, 409))["message"]!);
        Assert.Equal(MediaSamples.Sha256(png), (await Admin.GetMediaAsync(upload.Urn))!.Sha256);
    }

    [Fact]
    public async Task An_upload_url_expires_24_hours_after_initialize()
    {
        var ada = await NewPosterAsync();
        var upload = await InitializedAsync("images", ada);

        await Admin.AdvanceClockAsync(TimeSpan.FromHours(24));
        using var response = await PutAsync(upload.UploadUrl, Bytes(MediaSamples.Png(10, 10)));

        await ErrorAsync(response, 401);
        Assert.Equal("WAITING_UPLOAD", (await Admin.GetMediaAsync(upload.Urn))!.Status);
    }

    [Fact]
    public async Task A_put_to_an_upload_url_never_handed_out_is_404()
    {
        using var response = await PutAsync(new Uri(Fixture.Server.BaseUri, "sandbox-uploads/nothing-here").AbsoluteUri, Bytes([1, 2, 3]));

        await ErrorAsync(response, 404);
    }

    [Fact]
    public async Task A_download_url_works_until_its_expiry()
    {
        var ada = await NewPosterAsync();
        var urn = await AvailableImageAsync(ada);
        var status = await StatusAsync("images", urn, ada.Token);
        var url = (string)status["downloadUrl"]!;
        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds((long)status["downloadUrlExpiresAt"]!);

        using var tampered = await Http.GetAsync(url.Replace("expires=", "expires=9", StringComparison.Ordinal));
        await Admin.SetClockAsync(expiresAt);
        using var expired = await Http.GetAsync(url);

        await ErrorAsync(tampered, 403);
        await ErrorAsync(expired, 403);
    }

    [Fact]
    public async Task Uploads_are_logged_as_api_calls_and_can_be_faulted()
    {
        var ada = await NewPosterAsync();
        var upload = await InitializedAsync("images", ada);
        await Admin.AddFaultAsync(new SandboxFault { Method = "PUT", Path = "/sandbox-uploads", Status = 503 });

        using var faulted = await PutAsync(upload.UploadUrl, Bytes(MediaSamples.Png(10, 10)));
        using var retried = await PutAsync(upload.UploadUrl, Bytes(MediaSamples.Png(10, 10)));

        Assert.Equal(503, (int)faulted.StatusCode);
        Assert.Equal(201, (int)retried.StatusCode);
        var puts = (await Admin.GetRequestsAsync()).Where(r => r.Method == "PUT").Select(r => r.Status).ToArray();
        Assert.Equal([503, 201], puts);
    }

    [Fact]
    public async Task Reset_forgets_media_and_deletes_their_files_and_dispose_deletes_the_folder()
    {
        var root = Directory.CreateTempSubdirectory("sandbox-media-test-").FullName;
        try
        {
            string folder;
            await using (var sandbox = await SandboxServer.StartAsync(new SandboxOptions { StartTime = SandboxFixture.StartTime, MediaRoot = root }))
            {
                using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
                var member = await sandbox.Admin.CreateMemberAsync("Ada Lovelace");
                var token = await sandbox.Admin.CreateTokenAsync(member.Urn, ["w_member_social"]);
                var request = Rest(HttpMethod.Post, "rest/images?action=initializeUpload", token, InitializeBody(member.Urn));
                using var initialized = await http.SendAsync(request);
                var uploadUrl = (string)(await JsonAsync(initialized))["value"]!["uploadUrl"]!;
                (await http.PutAsync(uploadUrl, Bytes(MediaSamples.Png(10, 10)))).Dispose();
                folder = Assert.Single(Directory.GetDirectories(root));
                Assert.Single(Directory.GetFiles(folder));

                await sandbox.Admin.ResetAsync();

                Assert.Empty(await sandbox.Admin.GetAllMediaAsync());
                Assert.Empty(Directory.GetFiles(folder));
            }
            Assert.False(Directory.Exists(folder));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
