using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Media;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// Media whose bytes LinkedIn accepted but is still processing when a run stops waiting: later runs look at that
/// upload again instead of sending the file once more (a long wait keeping the claim: <see cref="RunnerLeaseTests"/>).
/// </summary>
public sealed class RunnerProcessingTests
{
    private const string InitializeUpload = "?action=initializeUpload";

    /// <summary>A run that gives up on processing quickly (real time: the sandbox processes in its own clock).</summary>
    private static void ShortWait(QueueRunOptions options) => options.Upload = new MediaUploadOptions
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        ProcessingTimeout = TimeSpan.FromMilliseconds(300),
    };

    private static void LongWait(QueueRunOptions options) => options.Upload = new MediaUploadOptions
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        ProcessingTimeout = TimeSpan.FromSeconds(20),
    };

    private static async Task<PostContent> SlowMediaAsync(RunnerHarness world, SandboxMediaKind kind)
    {
        await world.Admin.SetProcessingTimeAsync(kind, TimeSpan.FromHours(1));
        var path = kind == SandboxMediaKind.Video ? world.Files.Video("clip.mp4", 5_000_000) : world.Png("photo.png");
        return new MediaContent(MediaReference.FromFile(path));
    }

    private static async Task<int> InitializeCallsAsync(RunnerHarness world) =>
        (await world.RequestsAsync("POST", "/rest/")).Count(r => r.Path.Contains(InitializeUpload, StringComparison.Ordinal));

    private static async Task<int> ByteUploadsAsync(RunnerHarness world) => (await world.RequestsAsync("PUT", "/sandbox-uploads/")).Count;

    private static string ApiBase(RunnerHarness world) => MediaUploadRecord.ApiBaseKey(world.Session.Client.Options.Endpoints.ApiBase);

    [Theory]
    [InlineData(SandboxMediaKind.Image, 1)]
    [InlineData(SandboxMediaKind.Video, 2)] // 5 MB: two 4 MiB parts
    public async Task Media_still_processing_when_runs_stop_waiting_is_posted_by_a_later_run_with_one_upload_of_its_bytes(SandboxMediaKind kind, int parts)
    {
        await using var world = await RunnerHarness.StartAsync(systemClientClock: true);
        world.Register("slow", "LinkedIn takes its time with this one", content: await SlowMediaAsync(world, kind));

        var first = Assert.Single((await world.RunAsync(ShortWait)).Posts);
        Assert.Equal(QueuePostOutcome.Retrying, first.Outcome);
        Assert.Equal("LinkedInMediaProcessingTimeout", first.ErrorId);
        var urn = Assert.Single(await world.Admin.GetAllMediaAsync()).Urn;

        // Due again, and LinkedIn is still at it: this run waits for the same media, not for a new upload.
        world.Queue.Clock.Advance(TimeSpan.FromMinutes(20)); // past the back-off, within ProcessingUploadMaxAge
        var second = Assert.Single((await world.RunAsync(ShortWait)).Posts);
        Assert.Equal(QueuePostOutcome.Retrying, second.Outcome);
        Assert.Equal("LinkedInMediaProcessingTimeout", second.ErrorId);

        await world.Admin.AdvanceClockAsync(TimeSpan.FromHours(1)); // LinkedIn has finished
        world.Queue.Clock.Advance(TimeSpan.FromMinutes(20)); // past the back-off, within ProcessingUploadMaxAge
        var third = Assert.Single((await world.RunAsync(ShortWait)).Posts);

        Assert.Equal(QueuePostOutcome.Published, third.Outcome);
        Assert.Equal(1, await InitializeCallsAsync(world));
        Assert.Equal(parts, await ByteUploadsAsync(world));
        var media = Assert.Single(await world.Admin.GetAllMediaAsync());
        Assert.Equal((urn, "AVAILABLE"), (media.Urn, media.Status));
        var post = Assert.Single(await world.PostsOnceAsync());
        Assert.Contains(urn, post.ContentJson);
        Assert.Equal(new[] { AttemptOutcome.Retry, AttemptOutcome.Retry, AttemptOutcome.Published }, world.Attempts("slow").Select(a => a.Outcome));
        // Finished now, it is reused like any finished upload.
        Assert.Equal(urn, world.Store.FindUpload(world.Get("slow").MediaHashes[0], world.Author.ToString(), ApiBase(world), DateTimeOffset.MinValue)!.MediaUrn);
    }

    [Fact]
    public async Task A_retry_waits_again_for_the_media_and_posts_it_once_LinkedIn_has_finished_in_that_wait()
    {
        await using var world = await RunnerHarness.StartAsync(systemClientClock: true);
        world.Register("slow", "Worth the wait", content: await SlowMediaAsync(world, SandboxMediaKind.Image));
        Assert.Equal(QueuePostOutcome.Retrying, Assert.Single((await world.RunAsync(ShortWait)).Posts).Outcome);
        var urn = Assert.Single(await world.Admin.GetAllMediaAsync()).Urn;
        var checksBefore = (await world.RequestsAsync("GET", "/rest/images/")).Count;

        // LinkedIn finishes about a second into the next run's wait.
        await world.Admin.AdvanceClockAsync(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        world.Queue.Clock.Advance(TimeSpan.FromMinutes(20)); // past the back-off, within ProcessingUploadMaxAge
        var result = Assert.Single((await world.RunAsync(LongWait)).Posts);

        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.True((await world.RequestsAsync("GET", "/rest/images/")).Count - checksBefore > 1, "the retry polled the media until it was AVAILABLE");
        Assert.Equal(1, await ByteUploadsAsync(world));
        Assert.Contains(urn, Assert.Single(await world.PostsOnceAsync()).ContentJson);
    }

    [Fact]
    public async Task Media_whose_processing_failed_by_the_retry_is_uploaded_afresh_and_the_post_shows_the_new_upload()
    {
        await using var world = await RunnerHarness.StartAsync(systemClientClock: true);
        world.Register("slow", "Second time lucky", content: await SlowMediaAsync(world, SandboxMediaKind.Image));
        Assert.Equal(QueuePostOutcome.Retrying, Assert.Single((await world.RunAsync(ShortWait)).Posts).Outcome);
        var failed = Assert.Single(await world.Admin.GetAllMediaAsync()).Urn;
        await world.Admin.FailProcessingAsync(failed);
        await world.Admin.SetProcessingTimeAsync(SandboxMediaKind.Image, TimeSpan.Zero); // the new upload is ready at once
        await world.Admin.AdvanceClockAsync(TimeSpan.FromHours(1));
        Assert.Equal("PROCESSING_FAILED", (await world.Admin.GetMediaAsync(failed))!.Status);

        world.Queue.Clock.Advance(TimeSpan.FromMinutes(20)); // past the back-off, within ProcessingUploadMaxAge
        var result = Assert.Single((await world.RunAsync(ShortWait)).Posts);

        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.Equal(2, await InitializeCallsAsync(world));
        Assert.Equal(2, await ByteUploadsAsync(world));
        var fresh = (await world.Admin.GetAllMediaAsync()).Single(m => m.Urn != failed);
        Assert.Equal("AVAILABLE", fresh.Status);
        var post = Assert.Single(await world.PostsOnceAsync());
        Assert.Contains(fresh.Urn, post.ContentJson);
        Assert.DoesNotContain(failed, post.ContentJson);
        Assert.Equal(fresh.Urn, world.Store.FindUpload(world.Get("slow").MediaHashes[0], world.Author.ToString(), ApiBase(world), DateTimeOffset.MinValue)!.MediaUrn);
    }

    [Fact]
    public async Task An_upload_LinkedIn_no_longer_knows_is_forgotten_and_the_file_uploaded_afresh()
    {
        await using var world = await RunnerHarness.StartAsync(systemClientClock: true);
        world.Register("gone", "Its earlier upload is gone", content: new MediaContent(MediaReference.FromFile(world.Png("photo.png"))));
        var sha = world.Get("gone").MediaHashes[0];
        world.Store.RecordProcessingUpload(new MediaUploadRecord(sha, world.Author.ToString(), ApiBase(world), "urn:li:image:C4E10AQNeverUploaded", world.Now));

        var result = Assert.Single((await world.RunAsync(ShortWait)).Posts);

        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.Single(await world.RequestsAsync("GET", "/rest/images/"), r => r.Path.Contains("NeverUploaded", StringComparison.Ordinal)); // looked at once: 404
        Assert.Equal(1, await ByteUploadsAsync(world));
        var uploaded = Assert.Single(await world.Admin.GetAllMediaAsync()).Urn;
        Assert.Contains(uploaded, Assert.Single(await world.PostsOnceAsync()).ContentJson);
        Assert.Null(world.Store.FindProcessingUpload(sha, world.Author.ToString(), ApiBase(world), DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task An_upload_still_processing_after_ProcessingUploadMaxAge_is_given_up_for_a_fresh_one()
    {
        await using var world = await RunnerHarness.StartAsync(systemClientClock: true);
        world.Register("stuck", "LinkedIn never finishes the first one", content: await SlowMediaAsync(world, SandboxMediaKind.Image));
        void Options(QueueRunOptions o)
        {
            ShortWait(o);
            o.MaxLateness = TimeSpan.FromDays(7);
        }
        Assert.Equal(QueuePostOutcome.Retrying, Assert.Single((await world.RunAsync(Options)).Posts).Outcome);
        var stuck = Assert.Single(await world.Admin.GetAllMediaAsync()).Urn;
        await world.Admin.SetProcessingTimeAsync(SandboxMediaKind.Image, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(1), new QueueRunOptions().ProcessingUploadMaxAge);
        world.Queue.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var result = Assert.Single((await world.RunAsync(Options)).Posts);

        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.Equal(2, await ByteUploadsAsync(world));
        var fresh = (await world.Admin.GetAllMediaAsync()).Single(m => m.Urn != stuck).Urn;
        Assert.Contains(fresh, Assert.Single(await world.PostsOnceAsync()).ContentJson);
    }

    [Fact]
    public async Task A_run_that_loses_its_claim_while_waiting_for_the_earlier_upload_records_nothing_when_that_wait_then_times_out()
    {
        await using var world = await RunnerHarness.StartAsync(systemClientClock: true);
        world.Register("slow", "Taken over mid-wait", content: await SlowMediaAsync(world, SandboxMediaKind.Image));
        Assert.Equal(QueuePostOutcome.Retrying, Assert.Single((await world.RunAsync(ShortWait)).Posts).Outcome);
        world.Queue.Clock.Advance(TimeSpan.FromMinutes(20)); // past the back-off, within ProcessingUploadMaxAge
        var taken = -1;
        // At the retry's first report of its wait, its lease runs out and an overlapping run takes the post; the
        // wait's next reports find the claim gone, and then the wait times out.
        var progress = new UploadProgressCallback(() =>
        {
            if (taken < 0)
            {
                world.Queue.Clock.Advance(TimeSpan.FromMinutes(11));
                taken = world.Store.ClaimDue(world.Now, "other-runner", TimeSpan.FromMinutes(10), 10).Count;
            }
        });

        var result = Assert.Single((await world.RunAsync(o =>
        {
            o.Lease = TimeSpan.FromMinutes(10);
            o.UploadProgress = progress;
            o.Upload = new MediaUploadOptions { PollInterval = TimeSpan.FromMilliseconds(20), ProcessingTimeout = TimeSpan.FromSeconds(1) };
        })).Posts);

        Assert.Equal(1, taken); // the retry waited for the earlier upload, and the other run took the post meanwhile
        Assert.Equal(QueuePostOutcome.Skipped, result.Outcome);
        Assert.Equal(QueueRunErrorIds.ClaimLost, result.ErrorId);
        var post = world.Get("slow");
        Assert.Equal((QueueState.Claimed, "other-runner"), (post.State, post.ClaimedBy));
        // Only the first run's try: the timeout of a wait this run no longer owned is not the post's attempt.
        Assert.Equal(new[] { AttemptOutcome.Retry }, world.Attempts("slow").Select(a => a.Outcome));
        Assert.NotNull(world.Store.FindProcessingUpload(post.MediaHashes[0], world.Author.ToString(), ApiBase(world), DateTimeOffset.MinValue));
        Assert.Equal(1, await ByteUploadsAsync(world));
    }

    [Fact]
    public async Task A_run_stopped_while_LinkedIn_processes_the_media_leaves_that_upload_for_the_next_run()
    {
        await using var world = await RunnerHarness.StartAsync(systemClientClock: true);
        world.Register("stopped", "Stopped mid-wait", content: await SlowMediaAsync(world, SandboxMediaKind.Image));
        using var stop = new CancellationTokenSource();
        var runner = world.Runner(o =>
        {
            LongWait(o);
            o.UploadProgress = new StopWhenProcessing(stop);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(null, stop.Token));

        Assert.Equal(QueueState.Pending, world.Get("stopped").State); // nothing sent: simply due again
        var urn = Assert.Single(await world.Admin.GetAllMediaAsync()).Urn;
        Assert.Equal(urn, world.Store.FindProcessingUpload(world.Get("stopped").MediaHashes[0], world.Author.ToString(), ApiBase(world), DateTimeOffset.MinValue)!.MediaUrn);

        await world.Admin.AdvanceClockAsync(TimeSpan.FromHours(1));
        var result = Assert.Single((await world.RunAsync(ShortWait)).Posts);

        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.Equal(1, await ByteUploadsAsync(world));
        Assert.Contains(urn, Assert.Single(await world.PostsOnceAsync()).ContentJson);
    }

    /// <summary>Stops the run once LinkedIn has the bytes and is processing them.</summary>
    private sealed class StopWhenProcessing : IProgress<UploadProgress>
    {
        private readonly CancellationTokenSource _stop;

        public StopWhenProcessing(CancellationTokenSource stop) => _stop = stop;

        public void Report(UploadProgress value)
        {
            if (value.Stage == UploadStage.Processing)
            {
                _stop.Cancel();
            }
        }
    }

    [Fact]
    public async Task Another_post_of_the_same_file_waits_for_the_upload_LinkedIn_is_processing_and_never_posts_it_before_it_is_available()
    {
        await using var world = await RunnerHarness.StartAsync(systemClientClock: true);
        var content = await SlowMediaAsync(world, SandboxMediaKind.Image);
        world.Register("first", "The photo, take one", content: content);
        Assert.Equal(QueuePostOutcome.Retrying, Assert.Single((await world.RunAsync(ShortWait)).Posts).Outcome);
        world.Register("second", "The photo, take two", world.Now, content);

        world.Queue.Clock.Advance(TimeSpan.FromMinutes(20)); // past the back-off, within ProcessingUploadMaxAge
        var waiting = (await world.RunAsync(ShortWait)).Posts;

        Assert.Equal(new[] { QueuePostOutcome.Retrying, QueuePostOutcome.Retrying }, waiting.Select(p => p.Outcome));
        Assert.Equal(0, await world.CreateCallsAsync()); // a post never shows media that is not AVAILABLE
        Assert.Equal(1, await ByteUploadsAsync(world));
        Assert.Null(world.Store.FindUpload(world.Get("first").MediaHashes[0], world.Author.ToString(), ApiBase(world), DateTimeOffset.MinValue));

        await world.Admin.AdvanceClockAsync(TimeSpan.FromHours(1));
        world.Queue.Clock.Advance(TimeSpan.FromMinutes(20)); // past the back-off, within ProcessingUploadMaxAge
        var published = (await world.RunAsync(ShortWait)).Posts;

        Assert.Equal(new[] { QueuePostOutcome.Published, QueuePostOutcome.Published }, published.Select(p => p.Outcome));
        var urn = Assert.Single(await world.Admin.GetAllMediaAsync()).Urn;
        Assert.All(await world.PostsOnceAsync(), p => Assert.Contains(urn, p.ContentJson));
        Assert.Equal(1, await ByteUploadsAsync(world));
    }
}
