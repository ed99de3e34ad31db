using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>Registering posts: batches, keys, validation, and what -Force may replace.</summary>
public sealed class RegistrationTests : IDisposable
{
    private readonly TestQueue _queue = new();

    public void Dispose() => _queue.Dispose();

    private IQueueStore Store => _queue.Store;

    [Fact]
    public void A_batch_is_added_and_read_back_as_registered()
    {
        var berlin = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(1));
        var draft = new PostDraft(LinkedInUrn.Parse("urn:li:organization:42"), "Spring #news (with *stars*)")
        {
            Visibility = PostVisibility.LoggedIn,
            Format = CommentaryFormat.Raw,
            IsReshareDisabledByAuthor = true,
        };
        var results = Store.RegisterBatch(new[] { NewScheduledPost.FromDraft(draft, "company", berlin, "Europe/Berlin", key: "spring-1") });

        var result = Assert.Single(results);
        Assert.Equal(RegistrationOutcome.Added, result.Outcome);
        Assert.Equal(QueueState.Pending, result.State);
        var post = Store.Get(result.Id!.Value)!;
        Assert.Equal("spring-1", post.Key);
        Assert.Equal("company", post.Connection);
        Assert.Equal("urn:li:organization:42", post.Author);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero), post.ScheduledAtUtc);
        Assert.Equal(TimeSpan.Zero, post.ScheduledAtUtc.Offset);
        Assert.Equal("Europe/Berlin", post.TimeZoneId);
        Assert.Equal(post.ScheduledAtUtc, post.DueAtUtc);
        Assert.Equal(TestQueue.Start, post.CreatedAt);
        Assert.Equal(0, post.Attempts);
        Assert.Null(post.Claim);
        var back = QueuePayload.Deserialize(post.PayloadJson);
        Assert.Equal(draft.Commentary, back.Commentary);
        Assert.Equal(draft.Author, back.Author);
        Assert.Equal(PostVisibility.LoggedIn, back.Visibility);
        Assert.Equal(CommentaryFormat.Raw, back.Format);
        Assert.True(back.IsReshareDisabledByAuthor);

        using var raw = _queue.Raw();
        Assert.Equal("2026-03-02T08:30:00.000Z", TestQueue.Scalar(raw, "SELECT scheduled_at FROM posts WHERE key = 'spring-1';"));
    }

    [Fact]
    public void Importing_the_same_rows_again_adds_nothing_and_says_which_keys_existed()
    {
        var first = _queue.RegisterMany(5, TestQueue.Start);
        Assert.All(first, r => Assert.Equal(RegistrationOutcome.Added, r.Outcome));

        var posts = Enumerable.Range(0, 7).Select(i => TestQueue.Post("k" + i.ToString("D6"), TestQueue.Start.AddMinutes(i), "Changed text " + i)).ToList();
        var second = Store.RegisterBatch(posts);

        Assert.Equal(Enumerable.Repeat(RegistrationOutcome.AlreadyExists, 5).Concat(Enumerable.Repeat(RegistrationOutcome.Added, 2)), second.Select(r => r.Outcome));
        Assert.Equal(first.Select(r => r.Id), second.Take(5).Select(r => r.Id));
        Assert.Equal(Enumerable.Range(0, 7), second.Select(r => r.Index));
        Assert.Equal("Post number 0", QueuePayload.Deserialize(Store.GetByKey("k000000")!.PayloadJson).Commentary);
        Assert.Equal(7, Store.CountByState()[QueueState.Pending]);
    }

    [Fact]
    public void Rows_without_a_key_get_one_from_author_text_time_and_media_so_reimport_is_idempotent_too()
    {
        var at = TestQueue.Start.AddDays(1);
        var first = Store.RegisterBatch(new[] { TestQueue.Post(null, at, "Line one\r\nLine two") });
        var again = Store.RegisterBatch(new[] { TestQueue.Post("", at, "Line one\nLine two") });

        Assert.Equal(RegistrationOutcome.Added, first[0].Outcome);
        Assert.Equal(RegistrationOutcome.AlreadyExists, again[0].Outcome);
        Assert.Equal(first[0].Key, again[0].Key);
        Assert.StartsWith(ScheduledPostKey.Prefix, first[0].Key);
        Assert.Equal(ScheduledPostKey.Prefix.Length + 32, first[0].Key.Length);
    }

    [Fact]
    public void The_derived_key_changes_with_each_of_author_text_time_and_media()
    {
        var media = new[] { new string('a', 64) };
        var baseKey = ScheduledPostKey.Derive("urn:li:person:abc", "Hello", TestQueue.Start, media);

        Assert.Equal(baseKey, ScheduledPostKey.Derive("urn:li:person:abc", "Hello", TestQueue.Start.ToOffset(TimeSpan.FromHours(2)), media));
        Assert.NotEqual(baseKey, ScheduledPostKey.Derive("urn:li:person:xyz", "Hello", TestQueue.Start, media));
        Assert.NotEqual(baseKey, ScheduledPostKey.Derive("urn:li:person:abc", "Hello!", TestQueue.Start, media));
        Assert.NotEqual(baseKey, ScheduledPostKey.Derive("urn:li:person:abc", "Hello", TestQueue.Start.AddMinutes(1), media));
        Assert.NotEqual(baseKey, ScheduledPostKey.Derive("urn:li:person:abc", "Hello", TestQueue.Start, new[] { new string('b', 64) }));
        Assert.NotEqual(baseKey, ScheduledPostKey.Derive("urn:li:person:abc", "Hello", TestQueue.Start, Array.Empty<string>()));
    }

    [Fact]
    public void Invalid_rows_are_reported_and_never_written_while_the_good_rows_of_the_batch_go_in()
    {
        var missingMedia = new string('c', 64);
        var batch = new[]
        {
            TestQueue.Post("good-1", TestQueue.Start),
            new NewScheduledPost("bad-author", "work", "urn:li:share:1", TestQueue.Start, "UTC", QueuePayload.Serialize(Draft())),
            new NewScheduledPost("bad-json", "work", "urn:li:person:abc", TestQueue.Start, "UTC", "{not json"),
            new NewScheduledPost("future-payload", "work", "urn:li:person:abc", TestQueue.Start, "UTC", "{\"v\":99}"),
            new NewScheduledPost("no-zone", "work", "urn:li:person:abc", TestQueue.Start, " ", QueuePayload.Serialize(Draft())),
            new NewScheduledPost("", "work", "urn:li:person:abc", TestQueue.Start, "UTC", QueuePayload.Serialize(Draft())),
            new NewScheduledPost(" padded ", "work", "urn:li:person:abc", TestQueue.Start, "UTC", QueuePayload.Serialize(Draft())),
            new NewScheduledPost("no-connection", "", "urn:li:person:abc", TestQueue.Start, "UTC", QueuePayload.Serialize(Draft())),
            TestQueue.Post("unknown-media", TestQueue.Start, media: new[] { missingMedia }),
            TestQueue.Post("bad-hash", TestQueue.Start, media: new[] { "not-a-hash" }),
            TestQueue.Post("good-2", TestQueue.Start),
        };

        var results = Store.RegisterBatch(batch);

        Assert.Equal(RegistrationOutcome.Added, results[0].Outcome);
        Assert.Equal(RegistrationOutcome.Added, results[10].Outcome);
        for (var i = 1; i < 10; i++)
        {
            Assert.Equal(RegistrationOutcome.Invalid, results[i].Outcome);
            Assert.False(string.IsNullOrWhiteSpace(results[i].Error));
            Assert.Null(results[i].Id);
        }
        Assert.Contains("person or organization URN", results[1].Error);
        Assert.Contains("not valid JSON", results[2].Error);
        Assert.Contains("newer than this module reads", results[3].Error);
        Assert.Contains("time zone", results[4].Error);
        Assert.Contains("key is empty", results[5].Error);
        Assert.Contains("white space", results[6].Error);
        Assert.Contains("connection", results[7].Error);
        Assert.Contains(missingMedia, results[8].Error);
        Assert.Contains("not a media hash", results[9].Error);

        using var raw = _queue.Raw();
        Assert.Equal(2L, TestQueue.Scalar(raw, "SELECT count(*) FROM posts;"));
        Assert.Equal(0L, TestQueue.Scalar(raw, "SELECT count(*) FROM post_media;"));
    }

    private static PostDraft Draft() => new(LinkedInUrn.Parse("urn:li:person:abc"), "text");

    [Fact]
    public void A_batch_the_database_rejects_midway_leaves_nothing_behind()
    {
        var media = Store.Media.Add(new MemoryStream(new byte[] { 1, 2, 3 })).Sha256;
        using (var raw = _queue.Raw())
        {
            // Stands in for anything SQLite can refuse partway (a full disk, say), after earlier rows were written.
            TestQueue.Execute(raw, "CREATE TRIGGER refuse_boom BEFORE INSERT ON posts WHEN NEW.key = 'boom' BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        }
        var batch = new[]
        {
            TestQueue.Post("before", TestQueue.Start, media: new[] { media }),
            TestQueue.Post("boom", TestQueue.Start),
            TestQueue.Post("after", TestQueue.Start),
        };

        var e = Assert.Throws<LinkedInPosts.Core.Errors.LinkedInQueueException>(() => Store.RegisterBatch(batch));

        Assert.Equal("LinkedInQueueUnavailable", e.ErrorId);
        using var check = _queue.Raw();
        Assert.Equal(0L, TestQueue.Scalar(check, "SELECT count(*) FROM posts;"));
        Assert.Equal(0L, TestQueue.Scalar(check, "SELECT count(*) FROM post_media;"));
        TestQueue.Execute(check, "DROP TRIGGER refuse_boom;");
        Assert.All(Store.RegisterBatch(batch), r => Assert.Equal(RegistrationOutcome.Added, r.Outcome));
    }

    [Fact]
    public void Force_replaces_pending_and_held_posts_and_leaves_the_others_alone()
    {
        _queue.RegisterMany(4, TestQueue.Start);
        var held = Store.GetByKey("k000001")!;
        Assert.True(Store.Hold(held.Id, TestQueue.Start).Applied);
        var claimed = Store.ClaimDue(TestQueue.Start.AddMinutes(3), "runner", TimeSpan.FromMinutes(5), 10).Where(p => p.Key == "k000002" || p.Key == "k000003").ToList();
        Assert.Equal(2, claimed.Count);
        var claimedPost = claimed.Single(p => p.Key == "k000002");
        Store.Release(claimed.Single(p => p.Key == "k000003").Claim!, TestQueue.Start);
        Store.Cancel(Store.GetByKey("k000003")!.Id, TestQueue.Start);
        var later = TestQueue.Start.AddDays(3);
        var media = Store.Media.Add(new MemoryStream(new byte[] { 9, 9, 9 })).Sha256;

        var results = Store.RegisterBatch(
            Enumerable.Range(0, 5).Select(i => TestQueue.Post("k" + i.ToString("D6"), later, "Replaced " + i, media: new[] { media }, connection: "other")).ToList(),
            RegistrationMode.UpdatePending);

        Assert.Equal(new[] { RegistrationOutcome.NotUpdatable, RegistrationOutcome.Updated, RegistrationOutcome.NotUpdatable, RegistrationOutcome.NotUpdatable, RegistrationOutcome.Added },
            results.Select(r => r.Outcome));
        // k000000 was claimed too (due at Start); the first ClaimDue above took it with the others.
        Assert.Equal(QueueState.Claimed, results[0].State);
        Assert.Equal(QueueState.Held, results[1].State);
        Assert.Equal(QueueState.Claimed, results[2].State);
        Assert.Equal(QueueState.Cancelled, results[3].State);

        var replaced = Store.GetByKey("k000001")!;
        Assert.Equal(QueueState.Held, replaced.State);
        Assert.Equal(later, replaced.ScheduledAtUtc);
        Assert.Equal(later, replaced.DueAtUtc);
        Assert.Equal("other", replaced.Connection);
        Assert.Equal(new[] { media }, replaced.MediaHashes);
        Assert.Equal("Replaced 1", QueuePayload.Deserialize(replaced.PayloadJson).Commentary);
        var untouched = Store.Get(claimedPost.Id)!;
        Assert.Equal("Post number 2", QueuePayload.Deserialize(untouched.PayloadJson).Commentary);
        Assert.Empty(untouched.MediaHashes);
    }

    [Fact]
    public void A_key_repeated_in_one_batch_behaves_as_in_two_batches()
    {
        var results = Store.RegisterBatch(new[] { TestQueue.Post("twice", TestQueue.Start, "first"), TestQueue.Post("twice", TestQueue.Start, "second") });
        Assert.Equal(new[] { RegistrationOutcome.Added, RegistrationOutcome.AlreadyExists }, results.Select(r => r.Outcome));

        var forced = Store.RegisterBatch(new[] { TestQueue.Post("again", TestQueue.Start, "first"), TestQueue.Post("again", TestQueue.Start, "second") }, RegistrationMode.UpdatePending);
        Assert.Equal(new[] { RegistrationOutcome.Added, RegistrationOutcome.Updated }, forced.Select(r => r.Outcome));
        Assert.Equal("second", QueuePayload.Deserialize(Store.GetByKey("again")!.PayloadJson).Commentary);
    }

    [Fact]
    public void Media_are_stored_in_order_with_the_post()
    {
        var a = Store.Media.Add(new MemoryStream(new byte[] { 1 })).Sha256;
        var b = Store.Media.Add(new MemoryStream(new byte[] { 2 })).Sha256;
        Store.RegisterBatch(new[] { TestQueue.Post("two-images", TestQueue.Start, media: new[] { b, a }) });

        Assert.Equal(new[] { b, a }, Store.GetByKey("two-images")!.MediaHashes);
    }

    [Fact]
    public void Ten_thousand_rows_register_in_one_call()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var results = _queue.RegisterMany(10_000, TestQueue.Start);
        started.Stop();

        Assert.Equal(10_000, results.Count(r => r.Outcome == RegistrationOutcome.Added));
        Assert.Equal(10_000, Store.CountByState()[QueueState.Pending]);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"10,000 registrations took {started.Elapsed}");
    }

    [Fact]
    public void The_buffer_commits_full_batches_so_a_crash_loses_at_most_the_open_one()
    {
        var buffer = new QueueRegistrationBuffer(Store, batchSize: 100);
        var written = new List<RegistrationResult>();
        for (var i = 0; i < 250; i++)
        {
            written.AddRange(buffer.Add(TestQueue.Post("b" + i.ToString("D4"), TestQueue.Start)));
        }

        // A process dying now leaves what another connection sees: the two full batches.
        Assert.Equal(50, buffer.Uncommitted);
        using (var raw = _queue.Raw())
        {
            Assert.Equal(200L, TestQueue.Scalar(raw, "SELECT count(*) FROM posts;"));
        }
        written.AddRange(buffer.Flush());
        Assert.Equal(Enumerable.Range(0, 250), written.Select(r => r.Index));
        Assert.Equal(0, buffer.Uncommitted);
        Assert.Equal(250, Store.CountByState()[QueueState.Pending]);
    }

    [Fact]
    public void Query_filters_by_state_connection_key_and_time_and_pages_in_time_order()
    {
        for (var i = 0; i < 6; i++)
        {
            Store.RegisterBatch(new[] { TestQueue.Post("q" + i, TestQueue.Start.AddHours(i), connection: i % 2 == 0 ? "even" : "odd") });
        }
        Store.Hold(Store.GetByKey("q4")!.Id, TestQueue.Start);

        Assert.Equal(new[] { "q0", "q2", "q4" }, Store.Query(new QueueQuery { Connection = "even" }).Select(p => p.Key));
        // Ignoring case, as the token store and the runner match connection names.
        Assert.Equal(new[] { "q0", "q2", "q4" }, Store.Query(new QueueQuery { Connection = "EVEN" }).Select(p => p.Key));
        Assert.Equal(new[] { "q4" }, Store.Query(new QueueQuery { States = new[] { QueueState.Held } }).Select(p => p.Key));
        Assert.Equal(new[] { "q1", "q2" }, Store.Query(new QueueQuery { ScheduledFrom = TestQueue.Start.AddHours(1), ScheduledBefore = TestQueue.Start.AddHours(3) }).Select(p => p.Key));
        Assert.Equal(new[] { "q3" }, Store.Query(new QueueQuery { Key = "q3" }).Select(p => p.Key));
        var page1 = Store.Query(new QueueQuery { Limit = 4 });
        var page2 = Store.Query(new QueueQuery { Limit = 4, After = page1[^1] });
        Assert.Equal(new[] { "q0", "q1", "q2", "q3", "q4", "q5" }, page1.Concat(page2).Select(p => p.Key));
    }
}
