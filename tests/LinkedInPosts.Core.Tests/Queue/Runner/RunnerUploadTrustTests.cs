using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Media;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Core.Tests.Media;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// What the runner trusts about an upload: an earlier one it reuses may be gone from LinkedIn (a post refused for it
/// uploads the file anew), and what a fresh one sent must be the registered file (review S14-M, 1 and 2).
/// </summary>
public sealed class RunnerUploadTrustTests
{
    /// <summary>
    /// A finished upload is reused for 30 days without a look. When LinkedIn no longer knows that URN (it dropped an unused
    /// one sooner, or a sandbox on the same host and port was restarted) the create is refused, and the post goes out on
    /// its next try with the file uploaded again, instead of failing on the same dead URN for 30 days, -Retry or not.
    /// </summary>
    [Fact]
    public async Task A_reused_upload_LinkedIn_no_longer_knows_is_forgotten_and_the_post_goes_out_with_a_new_upload()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("img", "Its earlier upload is gone", content: new MediaContent(MediaReference.FromFile(world.Png("photo.png"))));
        var sha = world.Get("img").MediaHashes[0];
        var apiBase = MediaUploadRecord.ApiBaseKey(world.Session.Client.Options.Endpoints.ApiBase);
        const string Gone = "urn:li:image:C4E10AQGoneFromLinkedIn";
        world.Store.RecordUpload(new MediaUploadRecord(sha, world.Author.ToString(), apiBase, Gone, world.Now));

        var refused = Assert.Single((await world.RunAsync()).Posts);

        // Refused for the dead URN: due again at once, so the next run sends it with the file uploaded anew.
        Assert.Equal(QueuePostOutcome.Retrying, refused.Outcome);
        Assert.Contains("no longer knows " + Gone, refused.Message);
        Assert.Contains("uploaded again", refused.Message);
        Assert.Equal(world.Now, world.Get("img").DueAtUtc);
        Assert.Equal(QueuePostOutcome.Published, Assert.Single((await world.RunAsync()).Posts).Outcome);
        Assert.Equal(QueueState.Published, world.Get("img").State);
        var media = Assert.Single(await world.Admin.GetAllMediaAsync());
        Assert.Equal(sha, media.Sha256);
        var recorded = world.Store.FindUpload(sha, world.Author.ToString(), apiBase, DateTimeOffset.MinValue);
        Assert.NotNull(recorded);
        Assert.NotEqual(Gone, recorded!.MediaUrn);
        // The refused try was no call that may have landed (a 400 creates nothing): no evidence rule waits for it.
        Assert.DoesNotContain(world.Store.GetAttempts(world.Get("img").Id), a => a.MayHaveLanded);
    }

    /// <summary>A post refused for something else keeps its earlier upload and fails as before: the refusal must name the reused media.</summary>
    [Fact]
    public async Task A_refusal_that_does_not_name_the_reused_upload_fails_the_post_and_keeps_the_upload()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("img", "Refused for another reason", content: new MediaContent(MediaReference.FromFile(world.Png("photo.png"))));
        var sha = world.Get("img").MediaHashes[0];
        var apiBase = MediaUploadRecord.ApiBaseKey(world.Session.Client.Options.Endpoints.ApiBase);
        // A real upload, then a create refused with a 400 that names no media.
        Assert.Equal(QueuePostOutcome.Published, Assert.Single((await world.RunAsync()).Posts).Outcome);
        var earlier = world.Store.FindUpload(sha, world.Author.ToString(), apiBase, DateTimeOffset.MinValue)!;
        world.Register("again", "The same picture once more", content: new MediaContent(MediaReference.FromFile(world.Png("photo.png"))));
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 400, Count = 1 });

        var refused = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Failed, refused.Outcome);
        Assert.Equal(earlier.MediaUrn, world.Store.FindUpload(sha, world.Author.ToString(), apiBase, DateTimeOffset.MinValue)?.MediaUrn);
    }

    /// <summary>
    /// The stored copy is verified, then opened again for the upload: a change in between (here while initializeUpload runs,
    /// the same length, still a PNG) must be neither posted nor recorded as the registered file's upload, or every later
    /// post of that file would show the other picture for 30 days.
    /// </summary>
    [Fact]
    public async Task A_stored_copy_changed_during_its_upload_is_not_posted_nor_recorded_under_the_registered_hash()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("pic", "The registered picture", content: new MediaContent(MediaReference.FromFile(world.Png("photo.png", 40, 30))));
        var sha = world.Get("pic").MediaHashes[0];
        var stored = world.Store.Media.PathOf(sha);
        var other = SampleFiles.Png(30, 40); // another picture of the same length
        Assert.Equal(new FileInfo(stored).Length, other.Length);
        var changed = false;
        var callback = new UploadProgressCallback(() =>
        {
            if (!changed)
            {
                changed = true;
                using var write = new FileStream(stored, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                write.Write(other, 0, other.Length);
            }
        });

        var result = Assert.Single((await world.RunAsync(o => o.UploadProgress = callback)).Posts);

        Assert.NotEqual(sha, Assert.Single(await world.Admin.GetAllMediaAsync()).Sha256);
        Assert.Equal(QueuePostOutcome.Failed, result.Outcome);
        Assert.Equal("LinkedInQueueMediaCorrupted", result.ErrorId);
        Assert.Contains("changed while it was uploaded", result.Message);
        Assert.Empty(await world.Admin.GetPostsAsync());
        var apiBase = MediaUploadRecord.ApiBaseKey(world.Session.Client.Options.Endpoints.ApiBase);
        Assert.Null(world.Store.FindUpload(sha, world.Author.ToString(), apiBase, DateTimeOffset.MinValue));
        Assert.Null(world.Store.FindProcessingUpload(sha, world.Author.ToString(), apiBase, DateTimeOffset.MinValue));
    }
}
