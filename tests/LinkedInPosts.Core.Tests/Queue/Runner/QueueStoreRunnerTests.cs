using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Sqlite;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>The store's additions for the runner (schema v2, v5): deferral, release until, due reads, upload reuse, uploads still processing.</summary>
public sealed class QueueStoreRunnerTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const string Sha = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
    private readonly TestQueue _queue = new();

    public void Dispose() => _queue.Dispose();

    private IQueueStore Store => _queue.Store;

    private static DateTimeOffset At(int minutes) => TestQueue.Start.AddMinutes(minutes);

    [Fact]
    public void DeferPending_moves_the_connections_Pending_posts_due_before_the_time_whoever_their_author_and_nothing_else()
    {
        Store.RegisterBatch(new[]
        {
            TestQueue.Post("work-member", At(0), "one", author: "urn:li:person:a"),
            TestQueue.Post("work-page", At(1), "two", author: "urn:li:organization:42"),
            TestQueue.Post("work-late", At(600), "three", author: "urn:li:person:a"),
            TestQueue.Post("work-held", At(2), "four", author: "urn:li:person:a"),
            TestQueue.Post("home-member", At(0), "five", connection: "home", author: "urn:li:person:a"),
        });
        Store.Hold(Store.GetByKey("work-held")!.Id, At(0));
        var until = At(300);

        Assert.Equal(2, Store.DeferPending("work", until, At(5)));

        Assert.Equal(until, Store.GetByKey("work-member")!.DueAtUtc);
        Assert.Equal(until, Store.GetByKey("work-page")!.DueAtUtc);    // the member's page: the same member's counter
        Assert.Equal(At(600), Store.GetByKey("work-late")!.DueAtUtc);  // already due later
        Assert.Equal(At(2), Store.GetByKey("work-held")!.DueAtUtc);    // paused by the user: left alone
        Assert.Equal(At(0), Store.GetByKey("home-member")!.DueAtUtc);  // another connection (token): its own counter
        Assert.Equal(At(0), Store.GetByKey("work-member")!.ScheduledAtUtc); // the user's time is kept
        Assert.Throws<ArgumentException>(() => Store.DeferPending(" ", until, At(5)));
    }

    [Fact]
    public void DeferPending_is_one_statement_through_the_partial_index_of_Pending_posts()
    {
        _ = Store;
        using var raw = _queue.Raw();
        using var command = raw.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqliteQueueStore.DeferPendingSql;
        command.Parameters.AddWithValue("@connection", "work");
        command.Parameters.AddWithValue("@until", "2026-03-02T00:00:00.000Z");
        command.Parameters.AddWithValue("@now", "2026-03-01T00:00:00.000Z");
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }
        Assert.Contains(plan, line => line.Contains("posts_pending_due (due_at<?)", StringComparison.Ordinal));
    }

    [Fact]
    public void ReleaseUntil_returns_a_claim_to_Pending_no_earlier_than_the_time_without_an_attempt()
    {
        _queue.RegisterMany(2, At(0));
        var claimed = Store.ClaimDue(At(1), "runner", Lease, 10);

        var released = Store.ReleaseUntil(claimed[0].Claim!, At(60), At(2));
        var again = Store.ReleaseUntil(claimed[0].Claim!, At(60), At(2));

        Assert.True(released.Applied);
        Assert.Equal(QueueState.Pending, released.State);
        Assert.False(again.Applied); // the claim is spent
        var post = Store.Get(claimed[0].Id)!;
        Assert.Equal((QueueState.Pending, At(60), (string?)null), (post.State, post.DueAtUtc, post.ClaimToken));
        Assert.Empty(Store.GetAttempts(post.Id));
        Assert.True(Store.MarkSending(claimed[1].Claim!, At(3), Lease).Applied);
        Assert.False(Store.ReleaseUntil(claimed[1].Claim!, At(60), At(3)).Applied); // Sending may exist on LinkedIn: never released
    }

    [Fact]
    public void FindDue_shows_what_ClaimDue_would_take_and_claims_nothing()
    {
        _queue.RegisterMany(3, At(0));
        Store.ClaimDue(At(0), "dead-run", Lease, 1); // k000000, its lease runs out at 5

        var due = Store.FindDue(At(10), 10);

        Assert.Equal(new[] { "k000000", "k000001", "k000002" }, due.Select(p => p.Key));
        Assert.Equal(QueueState.Claimed, due[0].State);
        Assert.Equal(new[] { "k000000", "k000001" }, Store.FindDue(At(10), 2).Select(p => p.Key));
        Assert.Equal(new[] { "k000001" }, Store.FindDue(At(1), 10).Select(p => p.Key)); // a live claim is not due
        Assert.Equal(3, Store.ClaimDue(At(10), "runner", Lease, 10).Count);
    }

    [Fact]
    public void An_upload_is_found_for_its_file_author_and_host_only_and_a_newer_one_replaces_it()
    {
        var first = new MediaUploadRecord(Sha, "urn:li:person:a", "https://api.linkedin.com", "urn:li:image:1", At(0));
        Store.RecordUpload(first);

        Assert.Equal("urn:li:image:1", Store.FindUpload(Sha, "urn:li:person:a", "https://api.linkedin.com", At(-60))!.MediaUrn);
        Assert.Null(Store.FindUpload(Sha, "urn:li:person:b", "https://api.linkedin.com", At(-60)));
        Assert.Null(Store.FindUpload(Sha, "urn:li:person:a", "http://127.0.0.1:5000", At(-60)));
        Assert.Null(Store.FindUpload(Sha, "urn:li:person:a", "https://api.linkedin.com", At(1))); // too old to reuse

        Store.RecordUpload(new MediaUploadRecord(Sha, "urn:li:person:a", "https://api.linkedin.com", "urn:li:image:2", At(10)));
        var found = _queue.Reopen().FindUpload(Sha, "urn:li:person:a", "https://api.linkedin.com", At(-60))!;
        Assert.Equal(("urn:li:image:2", At(10)), (found.MediaUrn, found.UploadedAt));
        Assert.Equal("http://127.0.0.1:5000", MediaUploadRecord.ApiBaseKey(new Uri("HTTP://127.0.0.1:5000/rest/")));
    }

    [Fact]
    public void An_upload_LinkedIn_is_still_processing_is_never_found_as_a_finished_one_and_finishing_it_replaces_it()
    {
        const string api = "https://api.linkedin.com";
        Store.RecordProcessingUpload(new MediaUploadRecord(Sha, "urn:li:person:a", api, "urn:li:video:1", At(0)));

        Assert.Null(Store.FindUpload(Sha, "urn:li:person:a", api, DateTimeOffset.MinValue)); // not to be shown in a post as it is
        var processing = _queue.Reopen().FindProcessingUpload(Sha, "urn:li:person:a", api, At(-60))!;
        Assert.Equal(("urn:li:video:1", At(0)), (processing.MediaUrn, processing.UploadedAt));
        Assert.Null(Store.FindProcessingUpload(Sha, "urn:li:person:b", api, At(-60)));
        Assert.Null(Store.FindProcessingUpload(Sha, "urn:li:person:a", "http://127.0.0.1:5000", At(-60)));
        Assert.Null(Store.FindProcessingUpload(Sha, "urn:li:person:a", api, At(1))); // too old to wait for

        // Another run's newer upload of the same key is not forgotten for this one's failure.
        Store.RecordProcessingUpload(new MediaUploadRecord(Sha, "urn:li:person:a", api, "urn:li:video:2", At(5)));
        Store.ForgetProcessingUpload(processing);
        Assert.Equal("urn:li:video:2", Store.FindProcessingUpload(Sha, "urn:li:person:a", api, At(-60))!.MediaUrn);

        // AVAILABLE: recorded as finished, and nothing is left processing for the key.
        Store.RecordUpload(new MediaUploadRecord(Sha, "urn:li:person:a", api, "urn:li:video:2", At(10)));
        Assert.Equal("urn:li:video:2", Store.FindUpload(Sha, "urn:li:person:a", api, At(-60))!.MediaUrn);
        Assert.Null(_queue.Reopen().FindProcessingUpload(Sha, "urn:li:person:a", api, DateTimeOffset.MinValue));
    }

    [Fact]
    public void Forgetting_a_processing_upload_removes_it_when_it_is_still_that_media()
    {
        var record = new MediaUploadRecord(Sha, "urn:li:person:a", "https://api.linkedin.com", "urn:li:image:1", At(0));
        Store.RecordProcessingUpload(record);

        Store.ForgetProcessingUpload(record);

        Assert.Null(Store.FindProcessingUpload(Sha, "urn:li:person:a", "https://api.linkedin.com", DateTimeOffset.MinValue));
        Assert.Null(Store.FindUpload(Sha, "urn:li:person:a", "https://api.linkedin.com", DateTimeOffset.MinValue));
    }

    [Fact]
    public void The_version_2_fixture_keeps_its_upload_record_after_opening()
    {
        var path = _queue.QueuePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var connection = TestQueue.RawConnection(path))
        {
            TestQueue.Execute(connection, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Queue", "Fixtures", "queue-v2.sql")));
        }

        var upload = Store.FindUpload(Sha, "urn:li:organization:42", "https://api.linkedin.com", DateTimeOffset.MinValue);

        Assert.Equal(SqliteSchema.CurrentVersion, Store.SchemaVersion); // migrated on open, the record kept
        Assert.Equal("urn:li:image:C4E10AQFoyyAjHPMQuQ", upload!.MediaUrn);
    }
}
