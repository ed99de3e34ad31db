using LinkedInPosts.Sandbox;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>Due posts go out through the sandbox over real HTTP: text, images, multi-image with upload reuse, first comments.</summary>
public sealed class RunnerPublishTests
{
    [Fact]
    public async Task Due_text_posts_are_published_in_due_order_and_a_future_one_is_left_alone()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("second", "Second (in order)", world.Now.AddMinutes(-1));
        world.Register("first", "First #news", world.Now.AddMinutes(-5));
        world.Register("later", "Not yet", world.Now.AddHours(1));
        var seen = new List<QueuePostResult>();

        var report = await world.RunAsync(progress: seen);

        Assert.Equal(new[] { "first", "second" }, seen.Select(r => r.Key));
        Assert.Equal(2, report.Published);
        Assert.False(report.NeedsAttention);
        Assert.Equal("test-runner", report.RunnerId);
        var posts = await world.PostsOnceAsync();
        Assert.Equal(2, posts.Count);
        foreach (var result in report.Posts)
        {
            Assert.Equal(QueuePostOutcome.Published, result.Outcome);
            Assert.Equal(QueueState.Published, result.State);
            var stored = world.Get(result.Key);
            Assert.Equal(result.PostUrn, stored.PostUrn);
            Assert.Contains(posts, p => p.Urn == result.PostUrn);
            Assert.Equal("https://www.linkedin.com/feed/update/" + result.PostUrn, result.Url);
            var attempt = Assert.Single(world.Attempts(result.Key));
            Assert.Equal(AttemptOutcome.Published, attempt.Outcome);
            Assert.Equal(201, attempt.HttpStatus);
            Assert.Equal("test-runner", attempt.RunnerId);
        }
        Assert.Equal(QueueState.Pending, world.Get("later").State);
        Assert.Equal(new[] { "work" }, world.Connections.Opened); // once per run, not per post
    }

    [Fact]
    public async Task An_image_post_and_a_multi_image_post_share_one_upload_of_the_same_file_and_a_later_run_reuses_it_too()
    {
        await using var world = await RunnerHarness.StartAsync();
        var logo = world.Png("logo.png", 40, 30);
        var chart = world.Png("chart.png", 30, 40);
        world.Register("single", "Our logo", world.Now.AddMinutes(-2), new MediaContent(MediaReference.FromFile(logo), altText: "The logo"));
        world.Register("multi", "Logo and chart", world.Now.AddMinutes(-1), new MultiImageContent(new[]
        {
            new MultiImageItem(MediaReference.FromFile(logo), "Logo again"),
            new MultiImageItem(MediaReference.FromFile(chart), "Chart"),
        }));

        var report = await world.RunAsync();

        Assert.Equal(2, report.Published);
        Assert.Equal(2, (await world.RequestsAsync("POST", "/rest/images")).Count); // logo once, chart once
        Assert.Equal(2, (await world.RequestsAsync("PUT", "/sandbox-uploads/")).Count);
        var posts = await world.PostsOnceAsync();
        var single = posts.Single(p => p.Urn == world.Get("single").PostUrn);
        var multi = posts.Single(p => p.Urn == world.Get("multi").PostUrn);
        var logoUrn = ImageUrns(single.ContentJson).Single();
        Assert.Equal(2, ImageUrns(multi.ContentJson).Count);
        Assert.Equal(logoUrn, ImageUrns(multi.ContentJson)[0]);
        Assert.Contains("The logo", single.ContentJson);
        Assert.Contains("Logo again", multi.ContentJson); // alt text is the post's, not the upload's

        world.Register("again", "Logo, the next day", world.Now, new MediaContent(MediaReference.FromFile(logo)));
        var next = await world.RunAsync();

        Assert.Equal(QueuePostOutcome.Published, Assert.Single(next.Posts).Outcome);
        Assert.Equal(2, (await world.RequestsAsync("POST", "/rest/images")).Count); // no new upload
        var again = (await world.PostsOnceAsync()).Single(p => p.Urn == world.Get("again").PostUrn);
        Assert.Equal(logoUrn, ImageUrns(again.ContentJson).Single());
        Assert.NotNull(world.Store.FindUpload(world.Get("again").MediaHashes[0], world.Author.ToString(),
            MediaUploadRecord.ApiBaseKey(world.Session.Client.Options.Endpoints.ApiBase), DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task The_first_comment_is_added_after_the_post_as_its_author()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("commented", "Release notes are out", firstComment: "Link: https://example.com/notes");

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.NotNull(result.FirstCommentUrn);
        Assert.Null(result.FirstCommentErrorId);
        var comment = Assert.Single(await world.Admin.GetCommentsAsync(result.PostUrn!));
        Assert.Equal("Link: https://example.com/notes", comment.Text);
        Assert.Equal(world.Author.ToString(), comment.Actor);
        // Kept with the post in the queue, not only on the run's result.
        var stored = world.Get("commented");
        Assert.Equal((FirstCommentState?)FirstCommentState.Added, stored.FirstCommentState);
        Assert.Equal(result.FirstCommentUrn, stored.FirstCommentUrn);
        Assert.Null(stored.FirstCommentError);
    }

    [Theory]
    [InlineData(500, true)]   // no clear answer: the comment may be up
    [InlineData(403, false)]  // refused: it is not
    public async Task A_first_comment_that_fails_is_reported_once_and_never_retried_while_the_post_stays_Published(int status, bool outcomeUnknown)
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("commented", "Release notes, take two", firstComment: "See the notes");
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/socialActions", Status = status, Count = 5 });

        var report = await world.RunAsync();

        var result = Assert.Single(report.Posts);
        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        Assert.Equal(QueueState.Published, world.Get("commented").State);
        Assert.Equal(outcomeUnknown, result.FirstCommentErrorId == "LinkedInPostOutcomeUnknown");
        Assert.Contains(outcomeUnknown ? "whether its first comment was added is not known" : "first comment was not added", result.FirstCommentError);
        Assert.True(result.NeedsAttention);
        Assert.True(report.NeedsAttention);
        Assert.Single(await world.RequestsAsync("POST", "/rest/socialActions"));
        Assert.Empty(await world.Admin.GetCommentsAsync(result.PostUrn!));
        var stored = world.Get("commented");
        // Unknown stays Adding, as after a crash during the call; a refusal is Failed with the error.
        Assert.Equal((FirstCommentState?)(outcomeUnknown ? FirstCommentState.Adding : FirstCommentState.Failed), stored.FirstCommentState);
        Assert.Equal(outcomeUnknown ? null : result.FirstCommentError, stored.FirstCommentError);
        Assert.Null(stored.FirstCommentUrn);

        // A later run has nothing to do for it.
        Assert.Empty((await world.RunAsync()).Posts);
        Assert.Single(await world.RequestsAsync("POST", "/rest/socialActions"));
    }

    [Fact]
    public async Task A_run_stopped_during_the_first_comment_call_leaves_it_Adding_and_no_later_run_makes_that_call_again()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("commented", "Release notes, take three", firstComment: "See the notes, once");
        // LinkedIn stores the comment, then its answer is held back; the run is stopped while it waits.
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/socialActions", HoldAfterStoreMilliseconds = 20_000 });
        using var stop = new CancellationTokenSource();
        var run = world.Runner().RunAsync(null, stop.Token);
        while ((await world.Admin.GetHeldResponsesAsync()).Count == 0)
        {
            Assert.False(run.IsCompleted, "The run ended before its comment call was held.");
            await Task.Delay(10);
        }
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        var stored = world.Get("commented");
        Assert.Equal(QueueState.Published, stored.State);
        Assert.Equal((FirstCommentState?)FirstCommentState.Adding, stored.FirstCommentState);
        world.Queue.Clock.Advance(world.Options.Lease + TimeSpan.FromMinutes(1));

        Assert.Empty((await world.RunAsync()).Posts);

        // One comment: the held call's (stored before its answer was held). A second call would have stored another
        // (the fault holds only the first). The request log cannot count it: the sandbox logs a request as its answer
        // goes out, and the held call's client went away first.
        Assert.Single(await world.Admin.GetCommentsAsync(stored.PostUrn!));
        Assert.Equal((FirstCommentState?)FirstCommentState.Adding, world.Get("commented").FirstCommentState);
    }

    [Fact]
    public async Task MaxPosts_caps_a_run_and_BatchSize_only_changes_how_many_are_claimed_at_once()
    {
        await using var world = await RunnerHarness.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            world.Register("p" + i, "Post number " + i, world.Now.AddMinutes(-10 + i));
        }

        var first = await world.RunAsync(o => { o.MaxPosts = 3; o.BatchSize = 2; });
        var rest = await world.RunAsync(o => o.BatchSize = 2);

        Assert.Equal(new[] { "p0", "p1", "p2" }, first.Posts.Select(p => p.Key));
        Assert.Equal(new[] { "p3", "p4" }, rest.Posts.Select(p => p.Key));
        Assert.Equal(5, (await world.PostsOnceAsync()).Count);
    }

    [Fact]
    public async Task Preview_claims_nothing_and_sends_nothing()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("due", "Due now");
        world.Register("stale", "Two days late", world.Now.AddDays(-2));
        world.Register("future", "Tomorrow", world.Now.AddDays(1));

        var preview = world.Runner().Preview();

        Assert.Equal(new[] { ("stale", QueuePostOutcome.WouldMiss), ("due", QueuePostOutcome.WouldPublish) }, preview.Select(p => (p.Key, p.Outcome)));
        Assert.Equal(QueueRunErrorIds.Missed, preview[0].ErrorId);
        Assert.All(new[] { "due", "stale", "future" }, key => Assert.Equal(QueueState.Pending, world.Get(key).State));
        Assert.Empty(await world.Admin.GetRequestsAsync());
        Assert.Empty(world.Connections.Opened);
    }

    private static List<string> ImageUrns(string? contentJson) =>
        System.Text.RegularExpressions.Regex.Matches(contentJson ?? "", "urn:li:image:[A-Za-z0-9_-]+").Select(m => m.Value).ToList();
}
