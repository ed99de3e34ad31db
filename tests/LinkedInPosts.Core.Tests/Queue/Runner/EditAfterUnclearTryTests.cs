using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// A Pending post whose earlier create call may have landed (a read-back found nothing, then a 429 left it waiting for
/// the next day) is guarded against a second post only by LinkedIn's duplicate check, which matches the same text. An
/// edit of what it posts would slip past that check, so the store refuses it until a person says they checked.
/// </summary>
public sealed class EditAfterUnclearTryTests
{
    private static readonly TimeSpan DeadLease = TimeSpan.FromMinutes(10);
    private const string Original = "Patch night is Tuesday #ops";

    [Fact]
    public async Task A_new_text_is_refused_and_the_post_goes_out_once()
    {
        await using var world = await WaitingAfterAnUnclearTryAsync();

        var result = Edit(world, new ScheduledPostChanges { Text = Original + ", typo fixed" }, RegistrationMode.UpdatePending);

        Assert.Equal(RegistrationOutcome.MayAlreadyBePosted, result.Outcome);
        Assert.Contains("may have reached LinkedIn", result.Error);
        Assert.Equal(Original, QueuePayload.Deserialize(world.Get("p").PayloadJson).Commentary);
        world.Queue.Clock.Advance(TimeSpan.FromHours(17));
        var run = await world.RunAsync();
        Assert.Equal(QueuePostOutcome.Published, Assert.Single(run.Posts).Outcome);
        Assert.Single(await world.PostsOnceAsync());
    }

    [Fact]
    public async Task A_new_connection_or_first_comment_is_refused_too()
    {
        await using var world = await WaitingAfterAnUnclearTryAsync();
        var post = world.Get("p");

        var otherConnection = Register(world, post, connection: "other");
        var otherComment = Register(world, post, firstComment: "Details in the runbook");

        Assert.Equal(RegistrationOutcome.MayAlreadyBePosted, otherConnection.Outcome);
        Assert.Equal(RegistrationOutcome.MayAlreadyBePosted, otherComment.Outcome);
        Assert.Equal("work", world.Get("p").Connection);
    }

    [Fact]
    public async Task The_same_content_at_a_new_time_is_replaced()
    {
        // A -Force re-import of an unchanged row must not fail for the rows a run tried: only what it posts matters.
        await using var world = await WaitingAfterAnUnclearTryAsync();
        var post = world.Get("p");
        var later = post.ScheduledAtUtc.AddHours(20);

        var result = Register(world, post, at: later);

        Assert.Equal(RegistrationOutcome.Updated, result.Outcome);
        Assert.Equal(later, world.Get("p").ScheduledAtUtc);
        Assert.True(world.Get("p").AttemptsSinceRetry > 0, "a move keeps the earlier tries in the runner's view");
    }

    [Fact]
    public async Task Checked_not_posted_replaces_the_content_and_re_arms_it()
    {
        await using var world = await WaitingAfterAnUnclearTryAsync(landed: false);

        var result = Edit(world, new ScheduledPostChanges { Text = Original + ", typo fixed" }, RegistrationMode.UpdatePendingCheckedNotPosted);

        Assert.Equal(RegistrationOutcome.Updated, result.Outcome);
        var post = world.Get("p");
        Assert.Equal(0, post.AttemptsSinceRetry);
        world.Queue.Clock.Advance(TimeSpan.FromHours(17));
        var run = await world.RunAsync();
        Assert.Equal(QueuePostOutcome.Published, Assert.Single(run.Posts).Outcome);
        Assert.Equal(Original + ", typo fixed", Assert.Single(await world.PostsOnceAsync()).SentCommentary);
    }

    [Fact]
    public async Task A_check_does_not_cover_a_try_made_after_it()
    {
        // The person looked (and answered the question) while a run tried the post again: that try may have landed too.
        await using var world = await WaitingAfterAnUnclearTryAsync(landed: false);
        var seen = world.Get("p").Attempts;
        var request = ScheduledPostEdit.Rebuild(world.Get("p"), world.Store.Media, new ScheduledPostChanges { Text = Original + ", typo fixed" });
        var edit = ScheduledPostBuilder.Build(request, world.Store.Media);
        edit.CheckedAttempts = seen - 1;

        var stale = Assert.Single(world.Store.RegisterBatch(new[] { edit }, RegistrationMode.UpdatePendingCheckedNotPosted));
        edit.CheckedAttempts = seen;
        var current = Assert.Single(world.Store.RegisterBatch(new[] { edit }, RegistrationMode.UpdatePendingCheckedNotPosted));

        Assert.Equal(RegistrationOutcome.MayAlreadyBePosted, stale.Outcome);
        Assert.Equal(RegistrationOutcome.Updated, current.Outcome);
    }

    [Fact]
    public async Task Too_late_after_a_try_that_may_have_landed_is_Unconfirmed_not_Missed()
    {
        // Missed would tell the person it never went out; it may be on LinkedIn.
        await using var world = await WaitingAfterAnUnclearTryAsync();
        var creates = await world.CreateCallsAsync();
        world.Queue.Clock.Advance(world.Options.MaxLateness + TimeSpan.FromHours(1));

        var preview = Assert.Single(world.Runner().Preview());
        var run = await world.RunAsync();

        Assert.Equal(QueuePostOutcome.WouldMarkUnconfirmed, preview.Outcome);

        var result = Assert.Single(run.Posts);
        Assert.Equal((QueuePostOutcome.Unconfirmed, QueueState.Unconfirmed), (result.Outcome, world.Get("p").State));
        Assert.Contains("may be there already", result.Message);
        Assert.Equal(creates, await world.CreateCallsAsync());
    }

    [Fact]
    public async Task A_post_whose_tries_made_nothing_is_edited_freely()
    {
        // A 429 on the first send is LinkedIn's refusal: nothing was created, so nothing can be posted twice.
        await using var world = await RunnerHarness.StartAsync();
        world.Register("p", Original);
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 429, Count = 1 });
        await world.RunAsync();
        Assert.Equal(QueueState.Pending, world.Get("p").State);
        Assert.True(world.Get("p").AttemptsSinceRetry > 0);

        var result = Edit(world, new ScheduledPostChanges { Text = Original + ", typo fixed" }, RegistrationMode.UpdatePending);

        Assert.Equal(RegistrationOutcome.Updated, result.Outcome);
        Assert.True(world.Get("p").AttemptsSinceRetry > 0, "an edit without a check keeps the tries");
    }

    /// <summary>
    /// A dead run left the post Sending; the next run's read-back finds nothing and its send gets a 429, so the post waits
    /// Pending until midnight UTC. With <paramref name="landed"/>, the dead run's call reaches LinkedIn late after all.
    /// </summary>
    private static async Task<RunnerHarness> WaitingAfterAnUnclearTryAsync(bool landed = true)
    {
        var world = await RunnerHarness.StartAsync(canReadBack: true);
        world.Register("p", Original);
        var claimed = Assert.Single(world.Store.ClaimDue(world.Now, "dead-run", DeadLease, 10));
        Assert.True(world.Store.MarkSending(claimed.Claim!, world.Now, DeadLease).Applied);
        world.Queue.Clock.Advance(DeadLease + TimeSpan.FromMinutes(1));
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 429, Count = 1 });
        await world.RunAsync();
        if (landed)
        {
            await world.CreateDirectlyAsync(Original);
        }
        var post = world.Get("p");
        Assert.Equal(QueueState.Pending, post.State);
        Assert.Contains(world.Attempts("p"), a => a.MayHaveLanded);
        return world;
    }

    private static RegistrationResult Edit(RunnerHarness world, ScheduledPostChanges changes, RegistrationMode mode)
    {
        var request = ScheduledPostEdit.Rebuild(world.Get("p"), world.Store.Media, changes);
        return Assert.Single(world.Store.RegisterBatch(new[] { ScheduledPostBuilder.Build(request, world.Store.Media) }, mode));
    }

    /// <summary>The post registered again under its key, as a -Force re-import of its row with these changes would.</summary>
    private static RegistrationResult Register(RunnerHarness world, ScheduledPost post, string connection = "work", string? firstComment = null, DateTimeOffset? at = null)
    {
        var request = new ScheduleRequest(new PostDraft(world.Author, Original), connection, at ?? post.ScheduledAtUtc, post.TimeZoneId)
        {
            Key = post.Key,
            FirstComment = firstComment,
        };
        return Assert.Single(world.Store.RegisterBatch(new[] { ScheduledPostBuilder.Build(request, world.Store.Media) }, RegistrationMode.UpdatePending));
    }
}
