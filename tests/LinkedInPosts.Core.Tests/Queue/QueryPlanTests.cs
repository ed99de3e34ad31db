using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Preflight;
using LinkedInPosts.Core.Queue.Sqlite;
using Microsoft.Data.Sqlite;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// The runner's hot queries go through the partial indexes, which hold only Pending (or only Claimed,
/// only Sending) rows: finding due posts in a queue with a million published ones costs what it costs
/// in a small queue. (bench/LinkedInPosts.QueueBenchmarks measures it.)
/// </summary>
public sealed class QueryPlanTests : IDisposable
{
    private readonly TestQueue _queue = new();

    public void Dispose() => _queue.Dispose();

    private string[] Plan(string sql)
    {
        _queue.RegisterMany(200, TestQueue.Start);
        using var raw = _queue.Raw();
        using var command = raw.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "@now", "@runner", "@token", "@lease", "@max", "@state" })
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, name == "@max" ? 10 : name == "@state" ? "Unconfirmed" : "2026-03-01T08:00:00.000Z");
            }
        }
        using var reader = command.ExecuteReader();
        var details = new List<string>();
        while (reader.Read())
        {
            details.Add(reader.GetString(3));
        }
        return details.ToArray();
    }

    /// <summary>The plan of what <see cref="SqliteQueueStore.Query"/> runs for <paramref name="query"/>.</summary>
    private string[] Plan(QueueQuery query)
    {
        _queue.RegisterMany(200, TestQueue.Start);
        using var raw = _queue.Raw();
        using var command = raw.CreateCommand();
        SqliteQueueStore.PrepareQuery(command, query);
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        using var reader = command.ExecuteReader();
        var details = new List<string>();
        while (reader.Read())
        {
            details.Add(reader.GetString(3));
        }
        return details.ToArray();
    }

    [Fact]
    public void The_preflights_first_comment_check_reads_only_the_published_posts_of_its_look_back()
    {
        var query = QueuePreflight.FirstCommentQuery(new PreflightOptions { Now = TestQueue.Start });
        var plan = Plan(query);

        // A range of the (state, scheduled_at, id) index: the published history before the look-back is never read,
        // and the index's order is the query's, so nothing is sorted.
        Assert.Contains(plan, step => step.Contains("USING INDEX posts_state_scheduled (state=? AND scheduled_at>?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN posts", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        // The same when it pages on (After).
        query.After = new ScheduledPost { Id = 1, ScheduledAtUtc = TestQueue.Start };
        Assert.Contains(Plan(query), step => step.Contains("USING INDEX posts_state_scheduled (state=? AND scheduled_at>?)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_claim_finds_due_posts_through_the_pending_partial_index()
    {
        var plan = Plan(SqliteQueueStore.ClaimSql);

        Assert.Contains(plan, step => step.Contains("USING", StringComparison.Ordinal) && step.Contains("posts_pending_due (due_at<?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN posts", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public void Expired_claims_and_expired_sends_are_found_through_their_partial_indexes()
    {
        var release = Plan(SqliteQueueStore.ReleaseExpiredClaimsSql);
        var expired = Plan(SqliteQueueStore.ExpiredSendingSql);

        Assert.Contains(release, step => step.Contains("posts_claimed_lease (lease_until<?)", StringComparison.Ordinal));
        Assert.Contains(expired, step => step.Contains("posts_sending_lease (lease_until<?)", StringComparison.Ordinal));
        Assert.DoesNotContain(release.Concat(expired), step => step.StartsWith("SCAN posts", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_runs_count_of_Unconfirmed_posts_reads_only_the_state_index()
    {
        var count = Plan(SqliteQueueStore.CountInStateSql);
        var ids = Plan(SqliteQueueStore.IdsInStateSql);

        // A covering index search on state: the published history is never read, and the ids need no sort.
        Assert.Contains(count, step => step.Contains("USING COVERING INDEX posts_state_scheduled (state=?)", StringComparison.Ordinal));
        Assert.Contains(ids, step => step.Contains("USING COVERING INDEX posts_state_scheduled (state=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(count.Concat(ids), step => step.StartsWith("SCAN posts", StringComparison.Ordinal));
        Assert.DoesNotContain(ids, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}
