using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Media;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>A claim outlives a long upload and a long processing wait, and a run that lost its claim sends nothing.</summary>
public sealed class RunnerLeaseTests
{
    [Fact]
    public async Task An_upload_longer_than_the_lease_keeps_the_claim_alive_so_no_other_run_can_take_the_post()
    {
        await using var world = await RunnerHarness.StartAsync(systemClientClock: true);
        world.Register("slow", "A slow upload", content: new MediaContent(MediaReference.FromFile(world.Png("big.png"))));
        var taken = 0;
        var progress = new UploadProgressCallback(() =>
        {
            world.Queue.Clock.Advance(TimeSpan.FromMinutes(4));
            taken += world.Store.ClaimDue(world.Now, "other-runner", TimeSpan.FromMinutes(10), 10).Count; // an overlapping run
        });

        var result = Assert.Single((await world.RunAsync(o => { o.Lease = TimeSpan.FromMinutes(10); o.UploadProgress = progress; })).Posts);

        Assert.True(progress.Reports * 4 > 10, "the upload took longer than the lease by the queue's clock");
        Assert.Equal(0, taken);
        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.Single(await world.PostsOnceAsync());
    }

    [Fact]
    public async Task A_run_whose_claim_is_taken_while_it_uploads_sends_nothing_and_says_so()
    {
        await using var world = await RunnerHarness.StartAsync(systemClientClock: true);
        world.Register("taken", "Taken over", content: new MediaContent(MediaReference.FromFile(world.Png("big.png"))));
        var stolen = false;
        var progress = new UploadProgressCallback(() =>
        {
            if (!stolen)
            {
                stolen = true;
                world.Queue.Clock.Advance(TimeSpan.FromMinutes(11));
                Assert.Single(world.Store.ClaimDue(world.Now, "other-runner", TimeSpan.FromMinutes(10), 10));
            }
        });

        var result = Assert.Single((await world.RunAsync(o => { o.Lease = TimeSpan.FromMinutes(10); o.UploadProgress = progress; })).Posts);

        Assert.Equal(QueuePostOutcome.Skipped, result.Outcome);
        Assert.Equal(QueueRunErrorIds.ClaimLost, result.ErrorId);
        Assert.Equal(QueueState.Claimed, world.Get("taken").State);
        Assert.Equal("other-runner", world.Get("taken").ClaimedBy);
        Assert.Equal(0, await world.CreateCallsAsync());
        Assert.Empty(world.Attempts("taken"));
        // The upload itself is kept for whichever run posts it.
        Assert.NotNull(world.Store.FindUpload(world.Get("taken").MediaHashes[0], world.Author.ToString(),
            MediaUploadRecord.ApiBaseKey(world.Session.Client.Options.Endpoints.ApiBase), DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task A_processing_wait_longer_than_the_lease_keeps_the_claim_so_no_other_run_can_take_the_post()
    {
        RunnerHarness? world = null;
        var taken = 0;
        var finished = false;
        // Each wait between status checks moves the queue's clock on; an overlapping run tries to claim meanwhile,
        // and LinkedIn finishes 25 minutes in, more than twice the 10-minute lease.
        await using var started = await RunnerHarness.StartAsync(clientClock: queueClock => new InstantWaitClock(queueClock, _ =>
        {
            var w = world!;
            taken += w.Store.ClaimDue(w.Now, "other-runner", TimeSpan.FromMinutes(10), 10).Count;
            if (!finished && w.Now - TestQueue.Start >= TimeSpan.FromMinutes(25))
            {
                finished = true;
                w.Admin.AdvanceClockAsync(TimeSpan.FromHours(2)).GetAwaiter().GetResult();
            }
        }));
        world = started;
        await world.Admin.SetProcessingTimeAsync(SandboxMediaKind.Image, TimeSpan.FromHours(1));
        world.Register("slow", "A long wait", content: new MediaContent(MediaReference.FromFile(world.Png("photo.png"))));

        var result = Assert.Single((await world.RunAsync(o =>
        {
            o.Lease = TimeSpan.FromMinutes(10);
            o.Upload = new MediaUploadOptions { PollInterval = TimeSpan.FromMinutes(1), ProcessingTimeout = TimeSpan.FromHours(1) };
        })).Posts);

        Assert.True(finished, "the wait outlasted the lease by the queue's clock");
        Assert.Equal(0, taken);
        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.Single(await world.PostsOnceAsync());
    }
}
