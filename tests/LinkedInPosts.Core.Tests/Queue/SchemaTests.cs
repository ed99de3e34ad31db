using System.Runtime.Versioning;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Sqlite;
using Microsoft.Data.Sqlite;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>The queue file itself: where it is, how it is created, its schema version and migrations.</summary>
public sealed class SchemaTests : IDisposable
{
    private readonly TestQueue _queue = new();

    public void Dispose() => _queue.Dispose();

    public static TheoryData<int> EveryReleasedVersion()
    {
        var data = new TheoryData<int>();
        for (var version = 1; version <= SqliteSchema.CurrentVersion; version++)
        {
            data.Add(version);
        }
        return data;
    }

    private static string FixturePath(int version) => Path.Combine(AppContext.BaseDirectory, "Queue", "Fixtures", $"queue-v{version}.sql");

    /// <summary>Every table, index and trigger of a file, as SQLite stores their definitions.</summary>
    private static string[] SchemaOf(string path)
    {
        using var connection = TestQueue.RawConnection(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name;";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" ", reader.GetString(0).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        }
        return rows.ToArray();
    }

    private string CreateFromFixture(int version)
    {
        Directory.CreateDirectory(_queue.DataFolder);
        using (var connection = TestQueue.RawConnection(_queue.QueuePath))
        {
            TestQueue.Execute(connection, File.ReadAllText(FixturePath(version)));
        }
        return _queue.QueuePath;
    }

    [Fact]
    public void A_new_queue_is_created_at_the_current_version_and_marked_as_a_LinkedInPosts_queue()
    {
        Assert.Equal(SqliteSchema.CurrentVersion, _queue.Store.SchemaVersion);
        Assert.Equal(_queue.QueuePath, _queue.Store.Location);
        _queue.Close();

        using var raw = _queue.Raw();
        Assert.Equal((long)SqliteSchema.CurrentVersion, TestQueue.Scalar(raw, "PRAGMA user_version;"));
        Assert.Equal((long)SqliteSchema.ApplicationId, TestQueue.Scalar(raw, "PRAGMA application_id;"));
        Assert.Equal(new[] { "attempts", "media_processing", "media_uploads", "post_media", "posts" },
            SchemaOf(_queue.QueuePath).Where(s => s.StartsWith("table ", StringComparison.Ordinal)).Select(s => s.Split(' ')[1].TrimEnd(':')).ToArray());
    }

    [Fact]
    public void The_file_is_in_WAL_mode_and_the_store_names_its_engine()
    {
        _ = _queue.Store;
        using var raw = _queue.Raw();
        Assert.Equal("wal", TestQueue.Scalar(raw, "PRAGMA journal_mode;"));
        Assert.StartsWith("SQLite 3.", _queue.Store.Engine);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_queue_file_and_its_WAL_files_are_private_to_the_account()
    {
        _queue.RegisterMany(3, TestQueue.Start);
        var files = new[] { _queue.QueuePath, _queue.QueuePath + "-wal", _queue.QueuePath + "-shm" };
        foreach (var file in files)
        {
            Assert.True(File.Exists(file), file + " should exist while the store is open");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_queue.DataFolder));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void An_existing_queue_file_readable_by_others_is_made_private_with_its_WAL_files()
    {
        Directory.CreateDirectory(_queue.DataFolder);
        File.WriteAllBytes(_queue.QueuePath, Array.Empty<byte>());
        File.SetUnixFileMode(_queue.QueuePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        _queue.RegisterMany(1, TestQueue.Start);

        foreach (var file in new[] { _queue.QueuePath, _queue.QueuePath + "-wal", _queue.QueuePath + "-shm" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void The_path_is_the_option_then_LINKEDINPOSTS_QUEUE_then_queue_db_in_the_data_folder()
    {
        string? Env(string name) => name == "LINKEDINPOSTS_QUEUE" ? "/srv/queues/team.db" : name == "LINKEDINPOSTS_HOME" ? "/home/ops/lip" : null;

        Assert.Equal("/tmp/explicit.db", QueueStoreFactory.ResolvePath(new QueueStoreOptions { Path = "/tmp/explicit.db", Environment = Env }));
        Assert.Equal("/srv/queues/team.db", QueueStoreFactory.ResolvePath(new QueueStoreOptions { Environment = Env }));
        Assert.Equal("/home/ops/lip/queue.db", QueueStoreFactory.ResolvePath(new QueueStoreOptions { Environment = n => n == "LINKEDINPOSTS_HOME" ? "/home/ops/lip" : null }));
        Assert.Equal("/data/queue.db", QueueStoreFactory.ResolvePath(new QueueStoreOptions { DataFolder = "/data", Environment = _ => null }));
    }

    [Fact]
    public void Media_are_kept_in_a_media_folder_next_to_the_queue_file()
    {
        var elsewhere = Path.Combine(_queue.DataFolder, "team", "shared.db");
        using var store = QueueStoreFactory.Open(new QueueStoreOptions { Path = elsewhere, Environment = _ => null });
        Assert.Equal(Path.Combine(_queue.DataFolder, "team", "media"), store.Media.Folder);
        Assert.True(File.Exists(elsewhere));
    }

    [Fact]
    public void An_existing_empty_file_is_a_version_0_queue_and_is_created_in_place()
    {
        Directory.CreateDirectory(_queue.DataFolder);
        File.WriteAllBytes(_queue.QueuePath, Array.Empty<byte>());

        Assert.Equal(SqliteSchema.CurrentVersion, _queue.Store.SchemaVersion);
        Assert.Equal(Added(1), _queue.RegisterMany(1, TestQueue.Start).Select(r => r.Outcome));
    }

    private static RegistrationOutcome[] Added(int count) => Enumerable.Repeat(RegistrationOutcome.Added, count).ToArray();

    [Fact]
    public void Every_released_schema_version_has_a_fixture_file()
    {
        for (var version = 1; version <= SqliteSchema.CurrentVersion; version++)
        {
            Assert.True(File.Exists(FixturePath(version)),
                $"tests/LinkedInPosts.Core.Tests/Queue/Fixtures/queue-v{version}.sql is missing: every released queue schema keeps a file " +
                "written by that version, so the migration tests open it with the current code. Add one written by version " + version + ".");
        }
    }

    [Theory]
    [MemberData(nameof(EveryReleasedVersion))]
    public void A_file_from_every_released_version_opens_migrated_to_the_current_schema_with_its_posts_intact(int version)
    {
        var path = CreateFromFixture(version);

        var store = _queue.Store;
        Assert.Equal(SqliteSchema.CurrentVersion, store.SchemaVersion);
        _queue.Close();
        var fresh = Path.Combine(_queue.DataFolder, "fresh", "queue.db");
        QueueStoreFactory.Open(new QueueStoreOptions { Path = fresh, Environment = _ => null }).Dispose();
        Assert.Equal(SchemaOf(fresh), SchemaOf(path));

        store = _queue.Reopen();
        var published = store.GetByKey("launch-1")!;
        Assert.Equal(QueueState.Published, published.State);
        Assert.Equal("urn:li:share:7001", published.PostUrn);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero), published.ScheduledAtUtc);
        Assert.Equal("Europe/Berlin", published.TimeZoneId);
        Assert.Equal("We launched!", QueuePayload.Deserialize(published.PayloadJson).Commentary);
        Assert.Equal(AttemptOutcome.Published, Assert.Single(store.GetAttempts(published.Id)).Outcome);

        var pending = store.GetByKey("auto-0123456789abcdef0123456789abcdef")!;
        Assert.Equal(QueueState.Pending, pending.State);
        Assert.Equal(2, pending.MediaHashes.Count);
        Assert.True(QueuePayload.Deserialize(pending.PayloadJson).IsReshareDisabledByAuthor);

        var sending = store.GetByKey("retry-me")!;
        Assert.Equal(QueueState.Sending, sending.State);
        var expired = Assert.Single(store.FindExpiredSending(new DateTimeOffset(2026, 2, 2, 10, 0, 0, TimeSpan.Zero)));
        Assert.Equal(sending.Id, expired.Id);

        // The migrated file works: new posts go in and are claimed.
        Assert.Equal(RegistrationOutcome.Added, Assert.Single(store.RegisterBatch(new[] { TestQueue.Post("after-migration", TestQueue.Start) })).Outcome);
        var claimed = store.ClaimDue(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), "runner", TimeSpan.FromMinutes(5), 10);
        Assert.Equal(new[] { pending.Id, store.GetByKey("after-migration")!.Id }.OrderBy(i => i), claimed.Select(p => p.Id).OrderBy(i => i));
    }

    [Fact]
    public void Migrating_version_2_gives_the_posts_a_person_already_re_armed_their_fresh_attempt_budget()
    {
        var path = CreateFromFixture(2);
        using (var raw = TestQueue.RawConnection(path))
        {
            // Waiting again although their history ends in Failed (-Retry) or Unknown (-Resend of an Unconfirmed
            // post): a person re-armed them. One that is merely backing off ends in Retry and keeps counting.
            TestQueue.Execute(raw, @"
INSERT INTO posts (id, key, connection, author, scheduled_at, time_zone, due_at, state, payload, attempts, created_at, updated_at) VALUES
 (10, 're-armed-failed', 'work', 'urn:li:person:abc', '2026-04-01T09:00:00.000Z', 'UTC', '2026-04-01T09:00:00.000Z', 'Pending', '{}', 2, '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
 (11, 'backing-off', 'work', 'urn:li:person:abc', '2026-04-01T09:00:00.000Z', 'UTC', '2026-04-01T09:00:00.000Z', 'Pending', '{}', 2, '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
 (12, 'resent', 'work', 'urn:li:person:abc', '2026-04-01T09:00:00.000Z', 'UTC', '2026-04-01T09:00:00.000Z', 'Held', '{}', 1, '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
 (13, 'still-failed', 'work', 'urn:li:person:abc', '2026-04-01T09:00:00.000Z', 'UTC', '2026-04-01T09:00:00.000Z', 'Failed', '{}', 1, '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');
INSERT INTO attempts (post_id, number, runner, claim_token, started_at, outcome) VALUES
 (10, 1, 'r', 't1', '2026-02-01T00:00:00.000Z', 'Retry'), (10, 2, 'r', 't2', '2026-02-01T01:00:00.000Z', 'Failed'),
 (11, 1, 'r', 't3', '2026-02-01T00:00:00.000Z', 'Failed'), (11, 2, 'r', 't4', '2026-02-01T01:00:00.000Z', 'Retry'),
 (12, 1, 'r', 't5', '2026-02-01T00:00:00.000Z', 'Unknown'),
 (13, 1, 'r', 't6', '2026-02-01T00:00:00.000Z', 'Failed');");
        }

        var store = _queue.Store;

        Assert.Equal(SqliteSchema.CurrentVersion, store.SchemaVersion);
        Assert.Equal((2, 2, 0), Budget(store.GetByKey("re-armed-failed")!));
        Assert.Equal((2, 0, 2), Budget(store.GetByKey("backing-off")!));
        Assert.Equal((1, 1, 0), Budget(store.GetByKey("resent")!));
        Assert.Equal((1, 0, 1), Budget(store.GetByKey("still-failed")!)); // its -Retry, later, sets it
        Assert.Equal((2, 0, 2), Budget(store.GetByKey("retry-me")!));
        Assert.Equal(2, store.GetAttempts(store.GetByKey("re-armed-failed")!.Id).Count);
    }

    [Fact]
    public void A_version_3_file_keeps_the_attempts_counted_at_a_persons_retry()
    {
        CreateFromFixture(3);

        var retried = _queue.Store.GetByKey("retried-by-hand")!;

        Assert.Equal((3, 3, 0), Budget(retried));
        Assert.Equal(new[] { 1, 2, 3 }, _queue.Store.GetAttempts(retried.Id).Select(a => a.Number));
        Assert.Equal(0, _queue.Store.GetByKey("retry-me")!.AttemptsAtRetry);
    }

    [Fact]
    public void A_version_4_file_keeps_what_became_of_each_first_comment()
    {
        CreateFromFixture(4);

        var added = _queue.Store.GetByKey("launch-1")!;
        var unknown = _queue.Store.GetByKey("commented-unknown")!;

        Assert.Equal((FirstCommentState?)FirstCommentState.Added, added.FirstCommentState);
        Assert.Equal("urn:li:comment:(urn:li:activity:7001,6001)", added.FirstCommentUrn);
        Assert.Equal((FirstCommentState?)FirstCommentState.Adding, unknown.FirstCommentState);
        Assert.Null(unknown.FirstCommentUrn);
        // A comment is begun only as its post becomes Published, which a published post never does again.
        var claim = new QueueClaim(unknown.Id, "no-such-claim", "runner", TestQueue.Start.AddMinutes(10));
        Assert.False(_queue.Store.MarkPublishedAndBeginFirstComment(claim, "urn:li:share:7001", TestQueue.Start).Applied);
        Assert.Equal((FirstCommentState?)FirstCommentState.Adding, _queue.Store.GetByKey("commented-unknown")!.FirstCommentState);
        Assert.Null(_queue.Store.GetByKey("retried-by-hand")!.FirstCommentState);
    }

    public static TheoryData<int> EveryVersionBeforeProcessingUploads() => new() { 1, 2, 3, 4 };

    [Theory]
    [MemberData(nameof(EveryVersionBeforeProcessingUploads))]
    public void Migrating_a_file_from_before_version_5_keeps_its_finished_uploads_and_has_none_processing(int version)
    {
        CreateFromFixture(version);
        const string organization = "urn:li:organization:42";
        const string api = "https://api.linkedin.com";

        var store = _queue.Store;

        Assert.Equal(SqliteSchema.CurrentVersion, store.SchemaVersion);
        Assert.Equal(version >= 2 ? "urn:li:image:C4E10AQFoyyAjHPMQuQ" : null, store.FindUpload(FirstMediaSha, organization, api, DateTimeOffset.MinValue)?.MediaUrn);
        Assert.Null(store.FindProcessingUpload(FirstMediaSha, organization, api, DateTimeOffset.MinValue));
        Assert.Null(store.FindProcessingUpload(SecondMediaSha, organization, api, DateTimeOffset.MinValue));
        // The new table works in the migrated file.
        store.RecordProcessingUpload(new MediaUploadRecord(SecondMediaSha, organization, api, "urn:li:video:1", TestQueue.Start));
        Assert.Equal("urn:li:video:1", _queue.Reopen().FindProcessingUpload(SecondMediaSha, organization, api, DateTimeOffset.MinValue)!.MediaUrn);
    }

    [Fact]
    public void A_version_5_file_keeps_the_upload_LinkedIn_was_still_processing_apart_from_the_finished_ones()
    {
        CreateFromFixture(5);
        const string organization = "urn:li:organization:42";
        const string api = "https://api.linkedin.com";

        var processing = _queue.Store.FindProcessingUpload(SecondMediaSha, organization, api, DateTimeOffset.MinValue)!;

        Assert.Equal(("urn:li:video:C5505AQH-oV1qvnFtKA", new DateTimeOffset(2026, 1, 30, 10, 6, 0, TimeSpan.Zero)), (processing.MediaUrn, processing.UploadedAt));
        Assert.Null(_queue.Store.FindUpload(SecondMediaSha, organization, api, DateTimeOffset.MinValue));
        Assert.Equal("urn:li:image:C4E10AQFoyyAjHPMQuQ", _queue.Store.FindUpload(FirstMediaSha, organization, api, DateTimeOffset.MinValue)!.MediaUrn);
        Assert.Null(_queue.Store.FindProcessingUpload(FirstMediaSha, organization, api, DateTimeOffset.MinValue));
    }

    private const string FirstMediaSha = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
    private const string SecondMediaSha = "7509e5bda0c762d2bac7f90d758b5b2263fa01ccbc542ab5e3df163be08e6ca9";

    private static (int Attempts, int AtRetry, int Since) Budget(ScheduledPost post) => (post.Attempts, post.AttemptsAtRetry, post.AttemptsSinceRetry);

    [Fact]
    public void The_fixture_of_the_current_version_has_exactly_the_schema_the_code_creates()
    {
        var path = CreateFromFixture(SqliteSchema.CurrentVersion);
        var fresh = Path.Combine(_queue.DataFolder, "fresh", "queue.db");
        QueueStoreFactory.Open(new QueueStoreOptions { Path = fresh, Environment = _ => null }).Dispose();
        Assert.Equal(SchemaOf(fresh), SchemaOf(path));
    }

    [Fact]
    public void A_queue_from_a_newer_version_is_refused_and_left_untouched()
    {
        _queue.RegisterMany(2, TestQueue.Start);
        _queue.Close();
        var newer = SqliteSchema.CurrentVersion + 1;
        using (var raw = _queue.Raw())
        {
            TestQueue.Execute(raw, $"PRAGMA user_version = {newer};");
        }

        var e = Assert.Throws<LinkedInQueueException>(() => _queue.Store);

        Assert.Equal("LinkedInQueueSchemaTooNew", e.ErrorId);
        Assert.Equal(_queue.QueuePath, e.Path);
        Assert.Contains($"queue schema version {newer}", e.Message);
        Assert.Contains($"understands up to {SqliteSchema.CurrentVersion}", e.Message);
        Assert.Contains("Update the LinkedInPosts module", e.Message);
        // The likeliest cause: a task registered before the update still imports the older version's files.
        Assert.Contains("register it again from the newer version", e.Message);
        Assert.Contains("-Force", e.Message);
        using var check = _queue.Raw();
        Assert.Equal((long)newer, TestQueue.Scalar(check, "PRAGMA user_version;"));
        Assert.Equal(2L, TestQueue.Scalar(check, "SELECT count(*) FROM posts;"));
    }

    [Fact]
    public void Another_programs_SQLite_database_is_refused_and_left_untouched()
    {
        Directory.CreateDirectory(_queue.DataFolder);
        using (var raw = _queue.Raw())
        {
            TestQueue.Execute(raw, "CREATE TABLE inventory (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO inventory (name) VALUES ('switch');");
        }

        var e = Assert.Throws<LinkedInQueueException>(() => _queue.Store);

        Assert.Equal("LinkedInQueueNotAQueue", e.ErrorId);
        Assert.Contains("not a LinkedInPosts queue", e.Message);
        // Not even switched to WAL, which rewrites the file's header for good: "nothing was changed" is true.
        Assert.False(File.Exists(_queue.QueuePath + "-wal"));
        using var check = _queue.Raw();
        Assert.Equal("delete", (string?)TestQueue.Scalar(check, "PRAGMA journal_mode;"));
        Assert.Equal(0L, TestQueue.Scalar(check, "SELECT count(*) FROM sqlite_master WHERE name = 'posts';"));
        Assert.Equal(0L, TestQueue.Scalar(check, "PRAGMA user_version;"));
    }

    [Fact]
    public void A_database_with_another_application_id_is_refused()
    {
        Directory.CreateDirectory(_queue.DataFolder);
        using (var raw = _queue.Raw())
        {
            TestQueue.Execute(raw, "PRAGMA application_id = 42;");
        }

        var e = Assert.Throws<LinkedInQueueException>(() => _queue.Store);

        Assert.Equal("LinkedInQueueNotAQueue", e.ErrorId);
        Assert.Contains("application id is 42", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_and_left_untouched()
    {
        Directory.CreateDirectory(_queue.DataFolder);
        File.WriteAllText(_queue.QueuePath, "key,text,time\nk1,hello,2026-03-01 09:00\n");

        var e = Assert.Throws<LinkedInQueueException>(() => _queue.Store);

        Assert.Equal("LinkedInQueueNotAQueue", e.ErrorId);
        Assert.Equal("key,text,time\nk1,hello,2026-03-01 09:00\n", File.ReadAllText(_queue.QueuePath));
    }

    [Fact]
    public async Task A_writer_that_holds_the_file_briefly_is_waited_for()
    {
        _ = _queue.Store;
        using var blocker = _queue.Raw();
        TestQueue.Execute(blocker, "BEGIN IMMEDIATE;");
        var release = Task.Run(async () =>
        {
            await Task.Delay(400);
            TestQueue.Execute(blocker, "COMMIT;");
        });

        var results = _queue.RegisterMany(1, TestQueue.Start);

        await release;
        Assert.Equal(RegistrationOutcome.Added, Assert.Single(results).Outcome);
    }

    [Fact]
    public void A_writer_that_holds_the_file_past_the_busy_timeout_gives_a_clear_error()
    {
        using var store = QueueStoreFactory.Open(_queue.Options.With(o => o.BusyTimeout = TimeSpan.FromMilliseconds(200)));
        using var blocker = _queue.Raw();
        TestQueue.Execute(blocker, "BEGIN IMMEDIATE;");
        try
        {
            var e = Assert.Throws<LinkedInQueueException>(() => store.RegisterBatch(new[] { TestQueue.Post("late", TestQueue.Start) }));
            Assert.Equal("LinkedInQueueUnavailable", e.ErrorId);
            Assert.Contains("another process kept it locked", e.Message);
        }
        finally
        {
            TestQueue.Execute(blocker, "ROLLBACK;");
        }
        Assert.Null(store.GetByKey("late"));
    }
}

internal static class QueueStoreOptionsExtensions
{
    public static QueueStoreOptions With(this QueueStoreOptions options, Action<QueueStoreOptions> change)
    {
        change(options);
        return options;
    }
}
