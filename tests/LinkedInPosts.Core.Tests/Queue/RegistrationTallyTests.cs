using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Tests.Auth;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// The PowerShell-free parts of Register-LinkedInScheduledPost's loop: what an import counts and says at
/// the end, when a past time is an error, and the key a row would get without touching the queue.
/// </summary>
public sealed class RegistrationTallyTests
{
    private static readonly LinkedInUrn Author = LinkedInUrn.Parse("urn:li:person:abc");
    private static readonly DateTimeOffset At = new(2031, 1, 7, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_WhatIf_import_says_what_would_be_registered_and_a_real_one_what_the_queue_got()
    {
        var whatIf = new RegistrationTally();
        whatIf.RowWouldRegister();
        whatIf.RowWouldRegister();
        whatIf.RowFailed();
        Assert.Equal("2 would be registered, 1 with errors (nothing was written).", whatIf.Summary(force: false, "/q.db"));
        whatIf.RowWouldExist();
        Assert.Equal("2 would be registered, 1 already there, 1 with errors (nothing was written).", whatIf.Summary(force: false, "/q.db"));
        var forced = new RegistrationTally();
        forced.RowWouldRegister();
        forced.RowWouldUpdate();
        forced.RowWouldUpdate();
        forced.RowWouldNotUpdate();
        Assert.Equal("1 would be registered, 2 would be updated, 1 not updatable (past Pending and Held), 0 with errors (nothing was written).", forced.Summary(force: true, "/q.db"));
        var onlyNotUpdatable = new RegistrationTally();
        onlyNotUpdatable.RowWouldNotUpdate();
        Assert.StartsWith("0 would be registered, 0 would be updated, 1 not updatable", onlyNotUpdatable.Summary(force: true, "/q.db"), StringComparison.Ordinal);
        var onlyExisting = new RegistrationTally();
        onlyExisting.RowWouldExist();
        Assert.Equal("0 would be registered, 1 already there, 0 with errors (nothing was written).", onlyExisting.Summary(force: false, "/q.db"));

        var real = new RegistrationTally();
        real.RowAccepted();
        real.Record(RegistrationOutcome.Added);
        real.Record(RegistrationOutcome.Updated);
        real.Record(RegistrationOutcome.AlreadyExists);
        real.RowFailed();
        Assert.Equal(2, real.Registered);
        Assert.Equal("1 registered, 1 already there, 1 with errors, in /q.db.", real.Summary(force: false, "/q.db"));
        Assert.Equal("1 registered, 1 already there, 1 updated, 0 not updatable (past Pending and Held), 1 with errors, in /q.db.", real.Summary(force: true, "/q.db"));
        Assert.Null(real.NothingNewWarning(force: false));
    }

    [Fact]
    public void Only_an_import_where_every_post_was_already_there_warns_and_Force_drops_the_hint()
    {
        var again = new RegistrationTally();
        Assert.Null(again.NothingNewWarning(force: false));
        again.RowAccepted();
        again.Record(RegistrationOutcome.AlreadyExists);
        again.Record(RegistrationOutcome.AlreadyExists);
        Assert.Equal("Nothing new was registered: all 2 posts were already in the queue (matched by key). Use -Force to update the pending ones with these rows.", again.NothingNewWarning(force: false));
        Assert.EndsWith("(matched by key).", again.NothingNewWarning(force: true));
    }

    [Theory]
    [InlineData(null, false, 0, true)]
    [InlineData(QueueState.Published, false, 0, false)]
    [InlineData(QueueState.Pending, false, 60, false)]
    [InlineData(QueueState.Pending, true, 0, false)]
    [InlineData(QueueState.Pending, true, 60, true)]
    [InlineData(QueueState.Held, true, 60, true)]
    [InlineData(QueueState.Published, true, 60, false)]
    public void A_past_time_is_refused_for_new_posts_and_for_Force_moving_an_updatable_one(QueueState? state, bool force, int movedSeconds, bool refused)
    {
        var existing = state == null ? null : new ScheduledPost { Key = "k", State = state.Value, ScheduledAtUtc = At };
        Assert.Equal(refused, PastTimeRule.Refuses(existing, force, At.AddSeconds(movedSeconds)));
    }

    [Fact]
    public void The_previewed_key_is_the_one_registration_gives_and_the_queue_gets_no_copy()
    {
        using var folder = new TempDataFolder();
        var image = Path.Combine(Path.GetTempPath(), "linkedinposts-key-" + Guid.NewGuid().ToString("N") + ".png");
        File.WriteAllBytes(image, Media.SampleFiles.Png(4, 3));
        try
        {
            var request = new ScheduleRequest(new PostDraft(Author, "With a picture") { Content = new MediaContent(MediaReference.FromFile(image)) }, "default", At, "UTC");
            var queueMedia = new MediaStore(Path.Combine(folder.Path, "media"));

            var preview = ScheduledPostKeyPreview.Derive(request);

            Assert.StartsWith(ScheduledPostKey.Prefix, preview);
            Assert.False(Directory.Exists(Path.Combine(folder.Path, "media")) && Directory.EnumerateFileSystemEntries(Path.Combine(folder.Path, "media")).Any());
            Assert.Equal(ScheduledPostBuilder.Build(request, queueMedia).Key, preview);
            Assert.True(queueMedia.Contains(MediaStore.HashOf(image)), "the hash read in place names the stored copy");
        }
        finally
        {
            File.Delete(image);
        }
    }
}
