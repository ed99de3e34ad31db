using System.Diagnostics;
using System.Security.Cryptography;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;
using LinkedInPosts.Core.Tests.Sandbox;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Media;

/// <summary>MediaUploader against the sandbox over real HTTP: the bytes arrive exactly, and every failure is typed.</summary>
public sealed class MediaUploaderTests
{
    private const int PartSize = 4 * 1024 * 1024;

    [Fact]
    public async Task An_image_is_uploaded_whole_and_waited_for_until_available()
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Write("chart.png", SampleFiles.Png(1200, 627));
        var progress = new RecordingProgress();
        var options = MediaSandbox.Fast();
        options.AltText = "A bar chart";

        var uploaded = await media.Uploader.UploadAsync(path, media.Session.MemberUrn, options, progress);

        Assert.Equal(LinkedInUrn.Image, uploaded.Urn.EntityType);
        Assert.Equal(MediaKind.Image, uploaded.Kind);
        Assert.Equal("AVAILABLE", uploaded.Status);
        Assert.Equal(media.Session.MemberUrn, uploaded.Owner);
        Assert.Equal("chart.png", uploaded.FileName);
        Assert.Equal("A bar chart", uploaded.AltText);
        Assert.Null(uploaded.Title);
        Assert.Equal(Sha256(path), uploaded.Sha256);
        var stored = (await media.Admin.GetMediaAsync(uploaded.Urn.ToString()))!;
        Assert.Equal((uploaded.Sha256, new FileInfo(path).Length, media.Session.Member.Urn), (stored.Sha256, stored.SizeBytes!.Value, stored.Owner));
        var put = Assert.Single(await media.UploadsAsync());
        Assert.Equal(201, put.Status);
        Assert.True(put.HadAuthorization); // the upload URL is on the connection's own API host
        Assert.Null(put.LinkedInVersion);
        Assert.Equal(new[] { UploadStage.Initializing, UploadStage.Uploading, UploadStage.Processing, UploadStage.Completed },
            progress.Reports.Select(r => r.Stage).Distinct());
        Assert.Equal((uploaded.SizeBytes, 1, 1), (progress.Reports[^1].BytesSent, progress.Reports[^1].PartsDone, progress.Reports[^1].TotalParts));
    }

    [Fact]
    public async Task A_document_gets_its_file_name_as_title()
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Write("Quarterly deck.pptx", SampleFiles.OfficeOpenXml("ppt"));

        var uploaded = await media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast());

        Assert.Equal(LinkedInUrn.Document, uploaded.Urn.EntityType);
        Assert.Equal("Quarterly deck.pptx", uploaded.Title);
        Assert.Equal(Sha256(path), (await media.Admin.GetMediaAsync(uploaded.Urn.ToString()))!.Sha256);
        Assert.Single(await media.Session.RequestsAsync("POST", "/rest/documents?action=initializeUpload"));
    }

    [Fact]
    public async Task A_video_goes_up_in_LinkedIns_parts_and_arrives_byte_for_byte()
    {
        await using var media = await MediaSandbox.StartAsync();
        const long length = 2L * PartSize + 1_234_567; // three parts, the last one short
        var path = media.Folder.Video("clip.mp4", length);
        var progress = new RecordingProgress();

        var uploaded = await media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast(), progress);

        Assert.Equal(LinkedInUrn.Video, uploaded.Urn.EntityType);
        Assert.Equal(GeneratedBytes.Sha256(length), uploaded.Sha256);
        var stored = (await media.Admin.GetMediaAsync(uploaded.Urn.ToString()))!;
        Assert.Equal((3, 3, length, uploaded.Sha256), (stored.PartCount, stored.UploadedPartCount, stored.SizeBytes!.Value, stored.Sha256));
        var puts = await media.UploadsAsync();
        Assert.Equal(3, puts.Select(p => p.Path).Distinct().Count());
        Assert.All(puts, p => Assert.Equal(200, p.Status));
        Assert.Single(await media.Session.RequestsAsync("POST", "/rest/videos?action=finalizeUpload"));
        var last = progress.Reports[^1];
        Assert.Equal((UploadStage.Completed, length, 3, 3), (last.Stage, last.BytesSent, last.PartsDone, last.TotalParts));
        Assert.Contains(progress.Reports, r => r.Stage == UploadStage.Uploading && r.BytesSent > 0 && r.BytesSent < length);
        Assert.Contains(progress.Reports, r => r.Stage == UploadStage.Finalizing);
    }

    [Fact]
    public async Task Processing_is_polled_until_available()
    {
        // Long enough that a slow upload on a loaded machine still finds the image processing at the first check.
        await using var media = await MediaSandbox.StartAsync(processing: TimeSpan.FromSeconds(2));
        var path = media.Folder.Write("photo.jpg", SampleFiles.Jpeg(800, 600));

        var uploaded = await media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast());

        Assert.Equal("AVAILABLE", uploaded.Status);
        Assert.True((await media.Session.RequestsAsync("GET", "/rest/images/urn")).Count >= 2);
    }

    [Fact]
    public async Task Processing_failed_is_a_typed_error_naming_the_media()
    {
        await using var media = await MediaSandbox.StartAsync();
        await media.Admin.FailNextProcessingAsync(SandboxMediaKind.Image);
        var path = media.Folder.Write("photo.png", SampleFiles.Png(640, 480));

        var error = await Assert.ThrowsAsync<LinkedInMediaException>(() => media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast()));

        Assert.Equal(MediaFailureReason.ProcessingFailed, error.Reason);
        Assert.Equal("LinkedInMediaProcessingFailed", error.ErrorId);
        Assert.StartsWith("urn:li:image:", error.MediaUrn);
        Assert.Equal(path, error.FilePath);
        Assert.Contains("PROCESSING_FAILED", error.Message);
    }

    [Fact]
    public async Task Processing_that_outlasts_the_timeout_says_the_media_may_still_become_available()
    {
        await using var media = await MediaSandbox.StartAsync(processing: TimeSpan.FromMinutes(5));
        var path = media.Folder.Write("photo.png", SampleFiles.Png(640, 480));
        var options = MediaSandbox.Fast();
        options.ProcessingTimeout = TimeSpan.FromMilliseconds(300);

        var error = await Assert.ThrowsAsync<LinkedInMediaException>(() => media.Uploader.UploadAsync(path, media.Session.MemberUrn, options));

        Assert.Equal(MediaFailureReason.ProcessingTimeout, error.Reason);
        Assert.Contains("still reports PROCESSING", error.Message);
        Assert.Contains(error.MediaUrn!, error.Message);
    }

    [Fact]
    public async Task An_expired_upload_url_is_a_typed_error_and_nothing_is_finalized()
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Video("clip.mp4", PartSize + 100_000);
        media.Uploader.AfterInitialize = _ => media.Admin.AdvanceClockAsync(TimeSpan.FromHours(25));

        var error = await Assert.ThrowsAsync<LinkedInMediaException>(() => media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast()));

        Assert.Equal(MediaFailureReason.UploadUrlExpired, error.Reason);
        Assert.Equal(401, error.HttpStatus);
        Assert.StartsWith("urn:li:video:", error.MediaUrn);
        Assert.Contains("Upload the file again", error.Message);
        Assert.All(await media.UploadsAsync(), p => Assert.Equal(401, p.Status));
        Assert.Empty(await media.Session.RequestsAsync("POST", "/rest/videos?action=finalizeUpload"));
    }

    [Theory]
    [InlineData(401, MediaFailureReason.UploadUrlExpired)]
    [InlineData(403, MediaFailureReason.UploadRejected)]
    [InlineData(409, MediaFailureReason.UploadRejected)]
    public async Task A_refused_upload_PUT_is_typed_and_not_retried(int status, MediaFailureReason reason)
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Write("deck.pdf", SampleFiles.Pdf());
        await media.Admin.AddFaultAsync(new SandboxFault { Method = "PUT", Path = "/sandbox-uploads", Status = status });

        var error = await Assert.ThrowsAsync<LinkedInMediaException>(() => media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast()));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(status, error.HttpStatus);
        Assert.StartsWith("urn:li:document:", error.MediaUrn);
        Assert.Single(await media.UploadsAsync());
    }

    [Fact]
    public async Task Part_ids_that_are_not_the_parts_ETags_in_order_are_refused_at_finalize()
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Video("clip.mp4", 2L * PartSize + 10);
        media.Uploader.PartIdsBeforeFinalize = ids => ids.Reverse().ToList();

        var error = await Assert.ThrowsAsync<LinkedInMediaException>(() => media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast()));

        Assert.Equal(MediaFailureReason.FinalizeRejected, error.Reason);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal("PART_ID_MISORDERED", error.LinkedInCode);
        Assert.Contains("refused to assemble clip.mp4 from its 3 parts", error.Message);
        Assert.Single(await media.Session.RequestsAsync("POST", "/rest/videos?action=finalizeUpload")); // a 400 is not retried
    }

    [Fact]
    public async Task A_part_answered_without_an_ETag_stops_the_upload()
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Video("clip.mp4", PartSize + 10);
        await media.Admin.AddFaultAsync(new SandboxFault { Method = "PUT", Path = "/sandbox-uploads", Status = 200 });

        var error = await Assert.ThrowsAsync<LinkedInMediaException>(() => media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast()));

        Assert.Equal(MediaFailureReason.UploadInstructionsInvalid, error.Reason);
        Assert.Contains("sent no ETag", error.Message);
        Assert.Empty(await media.Session.RequestsAsync("POST", "/rest/videos?action=finalizeUpload"));
    }

    [Fact]
    public async Task A_failed_part_is_retried_alone()
    {
        await using var media = await MediaSandbox.StartAsync();
        const long length = 2L * PartSize + 500_000;
        var path = media.Folder.Video("clip.mp4", length);
        await media.Admin.AddFaultAsync(new SandboxFault { Method = "PUT", Path = "/sandbox-uploads", Status = 503, Count = 1 });

        var uploaded = await media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast());

        var puts = await media.UploadsAsync();
        Assert.Equal(4, puts.Count);
        var retried = Assert.Single(puts.GroupBy(p => p.Path), g => g.Count() == 2);
        Assert.Equal(new[] { 503, 200 }, retried.Select(p => p.Status));
        Assert.Equal(GeneratedBytes.Sha256(length), (await media.Admin.GetMediaAsync(uploaded.Urn.ToString()))!.Sha256);
        Assert.Contains(media.Session.Log.Lines, l => l.Contains("Retrying PUT http://127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_more_parts_are_in_flight_than_MaxParallelParts()
    {
        await using var media = await MediaSandbox.StartAsync();
        const int delay = 400;
        var path = media.Folder.Video("clip.mp4", 4L * PartSize + 1000); // five parts
        await media.Admin.AddFaultAsync(new SandboxFault { Method = "PUT", Path = "/sandbox-uploads", DelayMilliseconds = delay, Count = 5 });

        await media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast(maxParallelParts: 2));

        Assert.Equal(2, media.Uploader.PeakParallelParts);
        // Every part is held 400 ms by the sandbox, so with two in flight any third arrival comes at least
        // 400 ms after the first of the two before it; and two parts did run side by side.
        var arrivals = (await media.UploadsAsync()).Select(p => p.At).OrderBy(t => t).ToList();
        Assert.Equal(5, arrivals.Count);
        for (var i = 2; i < arrivals.Count; i++)
        {
            Assert.True(arrivals[i] - arrivals[i - 2] >= TimeSpan.FromMilliseconds(delay - 30), $"parts {i - 2} and {i} arrived {(arrivals[i] - arrivals[i - 2]).TotalMilliseconds} ms apart");
        }
        Assert.Contains(Enumerable.Range(1, arrivals.Count - 1), i => arrivals[i] - arrivals[i - 1] < TimeSpan.FromMilliseconds(delay / 2));
    }

    [Fact]
    public async Task Cancelling_mid_upload_stops_promptly_and_sends_nothing_more()
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Video("clip.mp4", 3L * PartSize);
        // The sandbox holds each part for a second: the first two are in flight when the cancel comes.
        await media.Admin.AddFaultAsync(new SandboxFault { Method = "PUT", Path = "/sandbox-uploads", DelayMilliseconds = 1000, Count = 10 });
        using var cancel = new CancellationTokenSource();
        var progress = new RecordingProgress();
        media.Uploader.AfterInitialize = _ =>
        {
            cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
            return Task.CompletedTask;
        };
        var sinceCancel = new Stopwatch();
        using var registration = cancel.Token.Register(sinceCancel.Start);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast(maxParallelParts: 2), progress, cancel.Token));

        Assert.True(sinceCancel.Elapsed < TimeSpan.FromSeconds(1), $"stopping took {sinceCancel.Elapsed} after the cancel");
        var cancelledAt = await media.Admin.GetClockAsync();
        await Task.Delay(1200); // the sandbox finishes (and logs) what it was holding
        var puts = await media.UploadsAsync();
        Assert.InRange(puts.Count, 1, 2);
        Assert.All(puts, p => Assert.True(p.At < cancelledAt, $"a part arrived at {p.At:O}, after the cancel at {cancelledAt:O}"));
        Assert.Empty(await media.Session.RequestsAsync("POST", "/rest/videos?action=finalizeUpload"));
        Assert.DoesNotContain(progress.Reports, r => r.Stage == UploadStage.Finalizing);
    }

    [Fact]
    public async Task Media_for_someone_else_is_refused_by_LinkedIn_before_any_byte_is_sent()
    {
        await using var media = await MediaSandbox.StartAsync();
        var other = await media.Admin.CreateMemberAsync("Charles Babbage");
        var path = media.Folder.Write("photo.png", SampleFiles.Png(100, 100));

        var error = await Assert.ThrowsAsync<LinkedInPermissionException>(() => media.Uploader.UploadAsync(path, LinkedInUrn.Parse(other.Urn), MediaSandbox.Fast()));

        Assert.Equal(403, error.HttpStatus);
        Assert.Contains("media can only be uploaded for the signed-in member themself", error.Message);
        Assert.Contains("Accessing this image resource is forbidden", error.Message);
        Assert.Empty(await media.UploadsAsync());
    }

    [Fact]
    public async Task A_file_cut_short_during_the_upload_stops_it_and_is_not_retried()
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Video("clip.mp4", 2L * PartSize + 10);
        media.Uploader.AfterInitialize = _ =>
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            file.SetLength(PartSize + 10); // on Linux a reader's handle does not stop a writer
            return Task.CompletedTask;
        };

        var error = await Assert.ThrowsAsync<LinkedInValidationException>(() => media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast(maxParallelParts: 1)));

        Assert.Equal("Media", error.Field);
        Assert.Contains("the file changed after it was checked", error.Message);
        Assert.DoesNotContain(media.Session.Log.Lines, l => l.StartsWith("VERBOSE: Retrying PUT", StringComparison.Ordinal));
        Assert.Empty(await media.Session.RequestsAsync("POST", "/rest/videos?action=finalizeUpload"));
    }

    [Fact]
    public async Task An_invalid_file_fails_before_any_call()
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Write("photo.png", SampleFiles.Png(9000, 9000));

        var error = await Assert.ThrowsAsync<LinkedInValidationException>(() => media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast()));

        Assert.Equal("Media", error.Field);
        Assert.Empty(await media.Admin.GetRequestsAsync());
    }

    [Theory]
    [InlineData(0, 1000, 1000)]
    [InlineData(17, 1000, 1000)]
    [InlineData(4, 0, 1000)]
    [InlineData(4, 1000, -1)]
    public async Task Impossible_upload_options_are_refused_before_any_call(int parallel, int pollMilliseconds, int timeoutMilliseconds)
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Write("a.png", SampleFiles.Png(10, 10));
        var options = new MediaUploadOptions
        {
            MaxParallelParts = parallel,
            PollInterval = TimeSpan.FromMilliseconds(pollMilliseconds),
            ProcessingTimeout = TimeSpan.FromMilliseconds(timeoutMilliseconds),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => media.Uploader.UploadAsync(path, media.Session.MemberUrn, options));

        Assert.Empty(await media.Admin.GetRequestsAsync());
    }

    [Fact]
    public void The_token_goes_only_to_LinkedIns_hosts_and_the_connections_own_api_host()
    {
        using var client = new Core.Api.LinkedInClient(new Core.Auth.StaticAccessTokenSource("t"), new Core.Api.LinkedInClientOptions
        {
            Endpoints = Core.Api.LinkedInEndpoints.ForSandbox(new Uri("http://127.0.0.1:5155/")),
        });
        using var production = new Core.Api.LinkedInClient(new Core.Auth.StaticAccessTokenSource("t"), new Core.Api.LinkedInClientOptions());

        Assert.True(client.Transport.SendsTokenTo(new Uri("http://127.0.0.1:5155/sandbox-uploads/abc")));
        Assert.False(client.Transport.SendsTokenTo(new Uri("http://127.0.0.1:9999/sandbox-uploads/abc")));
        Assert.True(production.Transport.SendsTokenTo(new Uri("https://www.linkedin.com/dms-uploads/abc?sig=1")));
        Assert.False(production.Transport.SendsTokenTo(new Uri("http://www.linkedin.com/dms-uploads/abc")));
        Assert.False(production.Transport.SendsTokenTo(new Uri("https://linkedin.com.example.net/upload")));
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
