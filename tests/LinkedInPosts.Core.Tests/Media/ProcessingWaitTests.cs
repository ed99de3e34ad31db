using LinkedInPosts.Core.Media;

namespace LinkedInPosts.Core.Tests.Media;

/// <summary>The wait for LinkedIn's processing, against the sandbox over real HTTP: it is reported while it lasts.</summary>
public sealed class ProcessingWaitTests
{
    [Fact]
    public async Task Every_status_check_that_finds_the_media_processing_is_reported()
    {
        await using var media = await MediaSandbox.StartAsync(processing: TimeSpan.FromMilliseconds(300));
        var path = media.Folder.Write("photo.jpg", SampleFiles.Jpeg(800, 600));
        var progress = new RecordingProgress();

        await media.Uploader.UploadAsync(path, media.Session.MemberUrn, MediaSandbox.Fast(), progress);

        var checks = (await media.Session.RequestsAsync("GET", "/rest/images/urn")).Count;
        Assert.True(checks >= 2);
        // One report as processing starts, then one after every check but the last (AVAILABLE).
        Assert.Equal(checks, progress.Reports.Count(r => r.Stage == UploadStage.Processing));
    }
}
