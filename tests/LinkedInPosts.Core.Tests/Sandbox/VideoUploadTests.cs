using System.Security.Cryptography;
using System.Text.RegularExpressions;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>Multi-part video upload (linkedin-api.md 3.3 and pitfall 7): exact byte ranges, ETags in order, finalize.</summary>
public sealed class VideoUploadTests : MediaTestBase
{
    /// <summary>Three parts: 4 MiB, 4 MiB and 611,392 bytes.</summary>
    private const long NineMegabytes = 9_000_000;

    /// <summary>Two parts, the second tiny, to keep the error cases cheap.</summary>
    private const long TwoParts = PartSize + 100;

    public VideoUploadTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public async Task Initialize_gives_one_instruction_per_4_MiB_part_each_with_its_own_url()
    {
        var ada = await NewPosterAsync();

        using var response = await InitializeAsync("videos", ada.Token, ada.Urn, NineMegabytes);

        Assert.Equal(200, (int)response.StatusCode);
        var value = (await JsonAsync(response))["value"]!;
        Assert.Matches(new Regex("^urn:li:video:[A-Za-z0-9_-]+$"), (string)value["video"]!);
        Assert.Equal("", (string)value["uploadToken"]!);
        Assert.Equal(SandboxFixture.StartTime.AddHours(24).ToUnixTimeMilliseconds(), (long)value["uploadUrlsExpireAt"]!, 5_000d);
        var instructions = value["uploadInstructions"]!.AsArray();
        Assert.Equal([(0L, 4_194_303L), (4_194_304L, 8_388_607L), (8_388_608L, 8_999_999L)],
            instructions.Select(i => ((long)i!["firstByte"]!, (long)i["lastByte"]!)).ToArray());
        var urls = instructions.Select(i => new Uri((string)i!["uploadUrl"]!)).ToList();
        Assert.Equal(3, urls.Distinct().Count());
        Assert.All(urls, url =>
        {
            Assert.Equal("127.0.0.1", url.Host);
            Assert.Equal(Fixture.Server.BaseUri.Port, url.Port);
            Assert.StartsWith("/sandbox-uploads/", url.AbsolutePath);
        });
    }

    [Fact]
    public async Task A_9_MB_video_uploaded_part_by_part_assembles_byte_for_byte_and_becomes_available()
    {
        var ada = await NewPosterAsync();
        var video = await InitializedVideoAsync(ada, NineMegabytes);
        var urn = (string)video["video"]!;

        // Parts may arrive in any order; the ETags still go to finalize in instruction order.
        var etags = await UploadPartsAsync(video, 2, 0, 1);

        Assert.Equal(3, etags.Distinct().Count());
        Assert.Equal("WAITING_UPLOAD", (string)(await StatusAsync("videos", urn, ada.Token))["status"]!);
        using (var finalized = await FinalizeAsync(ada.Token, urn, etags))
        {
            Assert.Equal(200, (int)finalized.StatusCode);
            Assert.Empty(await finalized.Content.ReadAsByteArrayAsync());
        }
        var stored = await Admin.GetMediaAsync(urn);
        Assert.NotNull(stored);
        Assert.Equal(NineMegabytes, stored.SizeBytes);
        Assert.Equal(GeneratedBytes.Sha256(NineMegabytes), stored.Sha256);
        Assert.Equal(3, stored.PartCount);
        Assert.Equal(3, stored.UploadedPartCount);
        Assert.Equal(SandboxMediaKind.Video, stored.Kind);
        Assert.Equal("PROCESSING", (string)(await StatusAsync("videos", urn, ada.Token))["status"]!);

        await Admin.AdvanceClockAsync(TimeSpan.FromSeconds(10));

        var status = await StatusAsync("videos", urn, ada.Token);
        Assert.Equal("AVAILABLE", (string)status["status"]!);
        Assert.Equal(ada.Urn, (string)status["owner"]!);
        Assert.Equal(urn, (string)status["id"]!);
        await using var download = await Http.GetStreamAsync((string)status["downloadUrl"]!);
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(download)));
    }

    [Fact]
    public async Task A_part_must_be_exactly_its_byte_range()
    {
        var ada = await NewPosterAsync();
        var video = await InitializedVideoAsync(ada, NineMegabytes);
        var instructions = video["uploadInstructions"]!.AsArray();
        var firstUrl = (string)instructions[0]!["uploadUrl"]!;
        var lastUrl = (string)instructions[2]!["uploadUrl"]!;
        const long lastLength = NineMegabytes - 2 * PartSize;

        using var shorter = await PutAsync(firstUrl, GeneratedBytes.Content(0, 1_000));
        using var longer = await PutAsync(lastUrl, GeneratedBytes.Content(2 * PartSize, lastLength + 1));
        // Without Content-Length (chunked), the sandbox counts what arrives.
        using var chunked = await PutAsync(lastUrl, new StreamContent(new GeneratedBytes(2 * PartSize, lastLength - 1)));

        var body = await ErrorAsync(shorter, 400);
        Assert.Contains("part 1 of 3 (bytes 0-4194303) must be exactly 4194304 bytes", (string)body["message"]!);
        Assert.Contains("exactly 611392 bytes", (string)(await ErrorAsync(longer, 400))["message"]!);
        Assert.Contains("received 611391", (string)(await ErrorAsync(chunked, 400))["message"]!);
        Assert.Equal(0, (await Admin.GetMediaAsync((string)video["video"]!))!.UploadedPartCount);
    }

    [Fact]
    public async Task Finalize_with_a_part_never_uploaded_is_400_naming_the_part()
    {
        var ada = await NewPosterAsync();
        var video = await InitializedVideoAsync(ada, NineMegabytes);
        var etags = await UploadPartsAsync(video, 0, 2);

        using var response = await FinalizeAsync(ada.Token, (string)video["video"]!, [etags[0], etags[2]]);

        var body = await ErrorAsync(response, 400);
        Assert.Contains("part 2 of 3 (bytes 4194304-8388607) was never uploaded", (string)body["message"]!);
        Assert.Contains(("finalizeUploadRequest.uploadedPartIds", "PART_NOT_UPLOADED"), RuleErrors(body));
        Assert.Equal("WAITING_UPLOAD", (await Admin.GetMediaAsync((string)video["video"]!))!.Status);
    }

    [Fact]
    public async Task Finalize_with_an_etag_of_no_part_is_400()
    {
        var ada = await NewPosterAsync();
        var video = await InitializedVideoAsync(ada, TwoParts);
        var etags = await UploadPartsAsync(video);

        using var response = await FinalizeAsync(ada.Token, (string)video["video"]!, [etags[0], "not-an-etag"]);

        var body = await ErrorAsync(response, 400);
        Assert.Contains("uploadedPartIds[1] \"not-an-etag\" is not the ETag of any uploaded part", (string)body["message"]!);
        Assert.Contains(("finalizeUploadRequest.uploadedPartIds.1", "PART_ID_UNKNOWN"), RuleErrors(body));
    }

    [Fact]
    public async Task Finalize_with_etags_out_of_instruction_order_is_400()
    {
        var ada = await NewPosterAsync();
        var video = await InitializedVideoAsync(ada, TwoParts);
        var etags = await UploadPartsAsync(video);

        using var response = await FinalizeAsync(ada.Token, (string)video["video"]!, [etags[1], etags[0]]);

        var body = await ErrorAsync(response, 400);
        Assert.Contains("uploadedPartIds[0] is the ETag of part 2, not of part 1", (string)body["message"]!);
        Assert.Equal(["PART_ID_MISORDERED", "PART_ID_MISORDERED"], RuleErrors(body).Select(e => e.Code).ToArray());
    }

    [Fact]
    public async Task Finalize_with_too_few_etags_is_400()
    {
        var ada = await NewPosterAsync();
        var video = await InitializedVideoAsync(ada, TwoParts);
        var etags = await UploadPartsAsync(video);

        using var response = await FinalizeAsync(ada.Token, (string)video["video"]!, [etags[0]]);

        var body = await ErrorAsync(response, 400);
        Assert.Contains(("finalizeUploadRequest.uploadedPartIds", "PART_COUNT_MISMATCH"), RuleErrors(body));
    }

    [Fact]
    public async Task Finalize_with_another_upload_token_is_400()
    {
        var ada = await NewPosterAsync();
        var video = await InitializedVideoAsync(ada, TwoParts);
        var etags = await UploadPartsAsync(video);

        using var response = await FinalizeAsync(ada.Token, (string)video["video"]!, etags, uploadToken: "made-up");

        var body = await ErrorAsync(response, 400);
        Assert.Contains(("finalizeUploadRequest.uploadToken", "UPLOAD_TOKEN_MISMATCH"), RuleErrors(body));
    }

    [Fact]
    public async Task Finalize_without_its_fields_is_422_and_of_an_unknown_video_404()
    {
        var ada = await NewPosterAsync();

        using var missing = await SendAsync(Rest(HttpMethod.Post, "rest/videos?action=finalizeUpload", ada.Token,
            "{\"finalizeUploadRequest\":{\"video\":\"urn:li:video:D5605AQnothere\"}}"));
        using var unknown = await FinalizeAsync(ada.Token, "urn:li:video:D5605AQnothere", ["x"]);

        var errors = InputErrors(await ErrorAsync(missing, 422));
        Assert.Equal("MISSING_REQUIRED_FIELD", errors["finalizeUploadRequest.uploadToken"]);
        Assert.Equal("MISSING_REQUIRED_FIELD", errors["finalizeUploadRequest.uploadedPartIds"]);
        Assert.Contains("urn:li:video:D5605AQnothere", (string)(await ErrorAsync(unknown, 404))["message"]!);
    }

    [Fact]
    public async Task A_retried_finalize_is_200_but_the_parts_are_fixed_from_then_on()
    {
        var ada = await NewPosterAsync();
        var video = await InitializedVideoAsync(ada, TwoParts);
        var urn = (string)video["video"]!;
        var secondUrl = (string)video["uploadInstructions"]![1]!["uploadUrl"]!;
        var etags = await UploadPartsAsync(video);
        (await FinalizeAsync(ada.Token, urn, etags)).Dispose();

        using var again = await FinalizeAsync(ada.Token, urn, etags);
        using var other = await FinalizeAsync(ada.Token, urn, [etags[1], etags[0]]);
        using var samePart = await PutAsync(secondUrl, GeneratedBytes.Content(PartSize, 100));
        using var otherPart = await PutAsync(secondUrl, Bytes(new byte[100]));

        Assert.Equal(200, (int)again.StatusCode);
        Assert.Contains(("finalizeUploadRequest.video", "ALREADY_FINALIZED"), RuleErrors(await ErrorAsync(other, 400)));
        Assert.Equal(200, (int)samePart.StatusCode);
        Assert.Equal(etags[1], Assert.Single(samePart.Headers.GetValues("ETag")));
        await ErrorAsync(otherPart, 409);
    }

    [Fact]
    public async Task Before_finalize_a_part_can_be_sent_again_the_same_bytes_keep_their_etag_other_bytes_replace_it()
    {
        var ada = await NewPosterAsync();
        var video = await InitializedVideoAsync(ada, TwoParts);
        var secondUrl = (string)video["uploadInstructions"]![1]!["uploadUrl"]!;
        var etags = await UploadPartsAsync(video);

        using var same = await PutAsync(secondUrl, GeneratedBytes.Content(PartSize, 100));
        using var replaced = await PutAsync(secondUrl, Bytes(new byte[100]));
        var newETag = Assert.Single(replaced.Headers.GetValues("ETag"));
        using var stale = await FinalizeAsync(ada.Token, (string)video["video"]!, etags);
        using var fresh = await FinalizeAsync(ada.Token, (string)video["video"]!, [etags[0], newETag]);

        Assert.Equal(etags[1], Assert.Single(same.Headers.GetValues("ETag")));
        Assert.NotEqual(etags[1], newETag);
        await ErrorAsync(stale, 400);
        Assert.Equal(200, (int)fresh.StatusCode);
    }

    [Fact]
    public async Task A_part_url_expires_24_hours_after_initialize()
    {
        var ada = await NewPosterAsync();
        var video = await InitializedVideoAsync(ada, TwoParts);
        var secondUrl = (string)video["uploadInstructions"]![1]!["uploadUrl"]!;

        await Admin.AdvanceClockAsync(TimeSpan.FromHours(24));
        using var response = await PutAsync(secondUrl, GeneratedBytes.Content(PartSize, 100));

        Assert.Contains("expired", (string)(await ErrorAsync(response, 401))["message"]!);
    }

    [Fact]
    public async Task Part_uploads_take_a_bearer_token_or_none_and_need_no_linkedin_headers()
    {
        var ada = await NewPosterAsync();
        var video = await InitializedVideoAsync(ada, TwoParts);
        var instructions = video["uploadInstructions"]!.AsArray();

        using var withToken = await PutAsync((string)instructions[0]!["uploadUrl"]!, GeneratedBytes.Content(0, PartSize), ada.Token);
        using var without = await PutAsync((string)instructions[1]!["uploadUrl"]!, GeneratedBytes.Content(PartSize, 100));

        Assert.Equal(200, (int)withToken.StatusCode);
        Assert.Equal(200, (int)without.StatusCode);
    }

    [Fact]
    public async Task A_video_whose_bytes_are_not_mp4_fails_processing()
    {
        var ada = await NewPosterAsync();
        await Admin.SetProcessingTimeAsync(SandboxMediaKind.Video, TimeSpan.Zero);
        var video = await InitializedVideoAsync(ada, 1_000);
        using var part = await PutAsync((string)video["uploadInstructions"]![0]!["uploadUrl"]!, Bytes(new byte[1_000]));
        var etag = Assert.Single(part.Headers.GetValues("ETag"));

        (await FinalizeAsync(ada.Token, (string)video["video"]!, [etag])).Dispose();

        var stored = await Admin.GetMediaAsync((string)video["video"]!);
        Assert.Equal("PROCESSING_FAILED", stored!.Status);
        Assert.Contains("not an MP4 video", stored.ProcessingFailureReason);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(5_368_709_121L)]
    public async Task Initialize_with_a_file_size_outside_1_byte_to_5_GiB_is_400(long size)
    {
        var ada = await NewPosterAsync();

        using var response = await InitializeAsync("videos", ada.Token, ada.Urn, size);

        Assert.Contains(("initializeUploadRequest.fileSizeBytes", "INVALID_VALUE"), RuleErrors(await ErrorAsync(response, 400)));
    }

    [Fact]
    public async Task Initialize_without_file_size_is_422()
    {
        var ada = await NewPosterAsync();

        using var response = await InitializeAsync("videos", ada.Token, ada.Urn);

        Assert.Equal("MISSING_REQUIRED_FIELD", InputErrors(await ErrorAsync(response, 422))["initializeUploadRequest.fileSizeBytes"]);
    }

    [Fact]
    public async Task Asking_for_a_caption_upload_is_400_because_the_sandbox_does_not_emulate_it()
    {
        var ada = await NewPosterAsync();
        var body = "{\"initializeUploadRequest\":{\"owner\":\"" + ada.Urn + "\",\"fileSizeBytes\":1000,\"uploadCaptions\":true,\"uploadThumbnail\":false}}";

        using var response = await SendAsync(Rest(HttpMethod.Post, "rest/videos?action=initializeUpload", ada.Token, body));

        Assert.Contains(("initializeUploadRequest.uploadCaptions", "INVALID_VALUE"), RuleErrors(await ErrorAsync(response, 400)));
    }

    [Fact]
    public async Task Finalize_is_not_an_action_of_images_and_a_post_without_action_is_400()
    {
        var ada = await NewPosterAsync();

        using var finalize = await SendAsync(Rest(HttpMethod.Post, "rest/images?action=finalizeUpload", ada.Token, FinalizeBody("urn:li:video:x", [])));
        using var create = await SendAsync(Rest(HttpMethod.Post, "rest/videos", ada.Token, InitializeBody(ada.Urn, 10)));
        using var wrongMethod = await SendAsync(Rest(HttpMethod.Post, "rest/videos?action=initializeUpload", ada.Token,
            InitializeBody(ada.Urn, 10), restLiMethod: "CREATE"));
        using var action = await SendAsync(Rest(HttpMethod.Post, "rest/videos?action=initializeUpload", ada.Token,
            InitializeBody(ada.Urn, 10), restLiMethod: "action"));

        Assert.Equal("PARAM_INVALID", InputErrors(await ErrorAsync(finalize, 400))["action"]);
        await ErrorAsync(create, 400);
        await ErrorAsync(wrongMethod, 400);
        Assert.Equal(200, (int)action.StatusCode);
    }
}
