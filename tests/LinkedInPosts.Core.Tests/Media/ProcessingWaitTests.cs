using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Media;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Media;

/// <summary>
/// The wait for LinkedIn's processing, against the sandbox over real HTTP: it is reported while it lasts, and media
/// whose processing outlasted an upload's wait can be waited for again without sending the bytes again.
/// </summary>
public sealed class ProcessingWaitTests
{
    private static MediaUploadOptions GiveUpSoon()
    {
        var options = MediaSandbox.Fast();
        options.ProcessingTimeout = TimeSpan.FromMilliseconds(300);
        return options;
    }

    /// <summary>Uploads a PNG that LinkedIn processes for an hour, so the upload's wait runs out; returns the file and its URN.</summary>
    private static async Task<(MediaFile File, LinkedInUrn Urn)> UploadStillProcessingAsync(MediaSandbox media)
    {
        await media.Admin.SetProcessingTimeAsync(SandboxMediaKind.Image, TimeSpan.FromHours(1));
        var path = media.Folder.Write("photo.png", SampleFiles.Png(640, 480));
        var error = await Assert.ThrowsAsync<LinkedInMediaException>(() => media.Uploader.UploadAsync(path, media.Session.MemberUrn, GiveUpSoon()));
        Assert.Equal(MediaFailureReason.ProcessingTimeout, error.Reason);
        return (MediaFile.Inspect(path), LinkedInUrn.Parse(error.MediaUrn!));
    }

    [Fact]
    public async Task Every_status_check_that_finds_the_media_processing_is_reported_and_reports_name_the_media_once_LinkedIn_has()
    {
        // Two seconds of processing: with 300 ms, a loaded machine (CI builds alongside) could take that long to
        // upload, and the first check already found the image AVAILABLE.
        await using var media = await MediaSandbox.StartAsync(processing: TimeSpan.FromSeconds(2));
        var path = media.Folder.Write("photo.jpg", SampleFiles.Jpeg(800, 600));
        var progress = new RecordingProgress();

        var uploaded = await media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast(), progress);

        var checks = (await media.Session.RequestsAsync("GET", "/rest/images/urn")).Count;
        Assert.True(checks >= 2, checks + " status check(s)");
        // One report as processing starts, then one after every check but the last (AVAILABLE).
        Assert.Equal(checks, progress.Reports.Count(r => r.Stage == UploadStage.Processing));
        Assert.All(progress.Reports.Where(r => r.Stage == UploadStage.Initializing), r => Assert.Null(r.MediaUrn));
        Assert.All(progress.Reports.Where(r => r.Stage != UploadStage.Initializing), r => Assert.Equal(uploaded.Urn, r.MediaUrn));
    }

    [Fact]
    public async Task Media_whose_processing_outlasted_the_upload_is_waited_for_again_without_sending_its_bytes_again()
    {
        await using var media = await MediaSandbox.StartAsync();
        var (file, urn) = await UploadStillProcessingAsync(media);
        await media.Admin.AdvanceClockAsync(TimeSpan.FromHours(1));
        var progress = new RecordingProgress();

        var available = await media.Uploader.WaitUntilAvailableAgainAsync(file, urn, MediaSandbox.Fast(), progress, CancellationToken.None);

        Assert.True(available);
        Assert.Single(await media.UploadsAsync());
        Assert.Single(await media.Session.RequestsAsync("POST", "/rest/images?action=initializeUpload"));
        Assert.Equal(new[] { UploadStage.Processing, UploadStage.Completed }, progress.Reports.Select(r => r.Stage).Distinct());
        Assert.All(progress.Reports, r => Assert.Equal((urn, file.FileName), (r.MediaUrn, r.FileName)));
    }

    [Fact]
    public async Task Media_still_processing_at_the_end_of_the_second_wait_times_out_again_naming_it()
    {
        await using var media = await MediaSandbox.StartAsync();
        var (file, urn) = await UploadStillProcessingAsync(media);

        var error = await Assert.ThrowsAsync<LinkedInMediaException>(() => media.Uploader.WaitUntilAvailableAgainAsync(file, urn, GiveUpSoon(), null, CancellationToken.None));

        Assert.Equal(MediaFailureReason.ProcessingTimeout, error.Reason);
        Assert.Equal(urn.ToString(), error.MediaUrn);
        Assert.Contains("it was uploaded earlier", error.Message);
        Assert.Contains("still reports PROCESSING", error.Message);
    }

    [Fact]
    public async Task A_recent_upload_that_still_says_WAITING_UPLOAD_is_waited_for_not_given_up()
    {
        // Right after an upload LinkedIn may not have registered the bytes yet: a re-wait that soon keeps polling,
        // as the first wait does, instead of forgetting a good upload and sending the file a second time.
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Write("photo.png", SampleFiles.Png(640, 480));
        media.Uploader.AfterInitialize = _ => throw new OperationCanceledException("stopped before any byte was sent");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast()));
        var urn = LinkedInUrn.Parse(Assert.Single(await media.Admin.GetAllMediaAsync()).Urn);

        var error = await Assert.ThrowsAsync<LinkedInMediaException>(() =>
            media.Uploader.WaitUntilAvailableAgainAsync(MediaFile.Inspect(path), urn, GiveUpSoon(), null, CancellationToken.None, waitingUploadIsFinal: false));

        Assert.Equal(MediaFailureReason.ProcessingTimeout, error.Reason);
        Assert.Contains("WAITING_UPLOAD", error.Message);
        Assert.True((await media.Session.RequestsAsync("GET", "/rest/images/urn")).Count >= 2, "it kept checking");
    }

    [Theory]
    [InlineData("PROCESSING_FAILED")]
    [InlineData("WAITING_UPLOAD")] // LinkedIn no longer has the bytes it accepted
    [InlineData("unknown")]        // 404: LinkedIn does not know the URN (any more)
    public async Task Media_LinkedIn_has_nothing_usable_for_any_more_is_reported_so_the_file_goes_up_again(string state)
    {
        await using var media = await MediaSandbox.StartAsync();
        var path = media.Folder.Write("photo.png", SampleFiles.Png(640, 480));
        var file = MediaFile.Inspect(path);
        LinkedInUrn urn;
        switch (state)
        {
            case "PROCESSING_FAILED":
                (_, urn) = await UploadStillProcessingAsync(media);
                await media.Admin.FailProcessingAsync(urn.ToString());
                await media.Admin.AdvanceClockAsync(TimeSpan.FromHours(1));
                break;
            case "WAITING_UPLOAD":
                media.Uploader.AfterInitialize = _ => throw new OperationCanceledException("stopped before any byte was sent");
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast()));
                urn = LinkedInUrn.Parse(Assert.Single(await media.Admin.GetAllMediaAsync()).Urn);
                break;
            default:
                urn = LinkedInUrn.Parse("urn:li:image:C4E10AQNeverUploaded");
                break;
        }
        var log = media.Session.Log;

        var available = await media.Uploader.WaitUntilAvailableAgainAsync(file, urn, MediaSandbox.Fast(), null, CancellationToken.None);

        Assert.False(available);
        Assert.Contains(log.Lines, l => l.Contains(urn.ToString(), StringComparison.Ordinal) && l.Contains("uploaded again", StringComparison.Ordinal));
    }
}
