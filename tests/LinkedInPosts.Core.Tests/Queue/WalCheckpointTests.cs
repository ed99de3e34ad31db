using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Sqlite;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// The WAL is checkpointed when the store closes (the end of every command), not in the middle of a run: a run of 1,000
/// posts writes about 1,050 WAL pages, just past SQLite's default threshold of 1,000, and its checkpoint's fsync fell on
/// the store lane between two windows.
/// </summary>
public sealed class WalCheckpointTests
{
    [Fact]
    public void A_store_checkpoints_only_past_its_own_threshold_and_when_it_closes()
    {
        using var queue = new TestQueue();
        var store = (SqliteQueueStore)queue.Store;
        Assert.Equal(SqliteQueueStore.AutoCheckpointPages, store.AutoCheckpoint);
        Assert.True(SqliteQueueStore.AutoCheckpointPages >= 5_000);

        queue.RegisterMany(1200, TestQueue.Start);
        var lease = TimeSpan.FromMinutes(10);
        var now = TestQueue.Start.AddDays(1);
        for (var batch = store.ClaimDue(now, "runner", lease, 50); batch.Count > 0; batch = store.ClaimDue(now, "runner", lease, 50))
        {
            store.MarkSendingWindow(batch.Select(p => p.Claim!).ToList(), now, lease);
            store.MarkPublished(batch.Select(p => new PublishedCall(p.Claim!, "urn:li:share:" + p.Id, now, 201)).ToList(), durable: false);
        }
        // Every frame since the store opened is still in the WAL: past SQLite's default of 1,000 with no checkpoint (one
        // would have let the WAL start again from its beginning, and hold only the frames written after it).
        using (var raw = queue.Raw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            var frames = reader.GetInt64(1);
            Assert.True(frames > 1_000, $"the WAL holds {frames} frames");
        }
        var wal = new FileInfo(store.Location + "-wal");

        queue.Close();
        wal.Refresh();
        // The last connection's close checkpointed it and removed the WAL; the posts are all in the file.
        Assert.False(wal.Exists && wal.Length > 0, $"WAL left with {(wal.Exists ? wal.Length : 0)} bytes");
        Assert.Equal(1200, queue.Reopen().CountByState()[QueueState.Published]);
    }
}
