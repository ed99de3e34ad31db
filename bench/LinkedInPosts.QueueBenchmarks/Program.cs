using System.Diagnostics;
using System.Globalization;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using Microsoft.Data.Sqlite;

// Two figures, each against a baseline measured in the same run on the same machine:
//   1. Registering 10,000 posts through IQueueStore.RegisterBatch (500 rows per call, one transaction
//      each, as a pipeline commits them), as a throughput ratio to plain batched INSERTs of the same rows
//      with Microsoft.Data.Sqlite (same file settings, same batch size, one prepared command). Goal >= 0.5.
//   2. An empty ClaimDue (nothing due) on a queue of 1,000,000 rows against one of 1,000 rows. Goal <= 2x.
// Usage: [registrations] [large queue rows] [small queue rows]
var registrations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var largeRows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var smallRows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
const int BatchSize = 500;
const int Rounds = 5;

var root = Path.Combine(Path.GetTempPath(), "linkedinposts-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(root);
try
{
    Console.WriteLine($"LinkedInPosts queue benchmarks ({Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription})");
    Registration(root, registrations, BatchSize, Rounds);
    EmptyClaims(root, largeRows, smallRows);
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(root, recursive: true);
}
return 0;

static void Registration(string root, int count, int batchSize, int rounds)
{
    var at = new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);
    var posts = Enumerable.Range(0, count)
        .Select(i => NewScheduledPost.FromDraft(
            new PostDraft(LinkedInUrn.Parse("urn:li:person:bench"), $"Post {i}: what we shipped this week, and why it matters #ops"),
            "work", at.AddMinutes(i), "Europe/Berlin", key: "bench-" + i.ToString("D6", CultureInfo.InvariantCulture)))
        .ToList();
    var batches = posts.Chunk(batchSize).ToList();

    var storeTimes = new List<double>();
    var rawTimes = new List<double>();
    for (var round = 0; round < rounds + 1; round++)
    {
        // Store: IQueueStore.RegisterBatch per batch, as QueueRegistrationBuffer calls it.
        var storePath = Path.Combine(root, $"register-store-{round}.db");
        using (var store = QueueStoreFactory.Open(new QueueStoreOptions { Path = storePath }))
        {
            var watch = Stopwatch.StartNew();
            foreach (var batch in batches)
            {
                store.RegisterBatch(batch);
            }
            watch.Stop();
            if (round > 0)
            {
                storeTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
            if (store.CountByState()[QueueState.Pending] != count)
            {
                throw new InvalidOperationException("The store did not register every post.");
            }
        }

        // Baseline: the same rows into the same schema with plain Microsoft.Data.Sqlite: one transaction per
        // batch, one prepared INSERT, the same PRAGMAs (WAL, synchronous=FULL), values formatted alike.
        var rawPath = Path.Combine(root, $"register-raw-{round}.db");
        QueueStoreFactory.Open(new QueueStoreOptions { Path = rawPath }).Dispose();
        using (var connection = Open(rawPath))
        {
            var watch = Stopwatch.StartNew();
            using var insert = connection.CreateCommand();
            insert.CommandText =
                "INSERT INTO posts (key, connection, author, scheduled_at, time_zone, due_at, state, payload, created_at, updated_at) " +
                "VALUES (@key, @connection, @author, @scheduled, @zone, @scheduled, 'Pending', @payload, @now, @now);";
            var key = insert.Parameters.Add("@key", SqliteType.Text);
            var connectionName = insert.Parameters.Add("@connection", SqliteType.Text);
            var author = insert.Parameters.Add("@author", SqliteType.Text);
            var scheduled = insert.Parameters.Add("@scheduled", SqliteType.Text);
            var zone = insert.Parameters.Add("@zone", SqliteType.Text);
            var payload = insert.Parameters.Add("@payload", SqliteType.Text);
            var now = insert.Parameters.Add("@now", SqliteType.Text);
            foreach (var batch in batches)
            {
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                now.Value = Time(DateTimeOffset.UtcNow);
                foreach (var post in batch)
                {
                    key.Value = post.Key;
                    connectionName.Value = post.Connection;
                    author.Value = post.Author;
                    scheduled.Value = Time(post.ScheduledAt);
                    zone.Value = post.TimeZoneId;
                    payload.Value = post.PayloadJson;
                    insert.ExecuteNonQuery();
                }
                transaction.Commit();
            }
            watch.Stop();
            if (round > 0)
            {
                rawTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
    }
    var storeMs = Median(storeTimes);
    var rawMs = Median(rawTimes);
    Console.WriteLine();
    Console.WriteLine($"Registering {count:N0} posts in batches of {batchSize} (median of {rounds} rounds after a warm-up):");
    Console.WriteLine($"  store RegisterBatch:          {storeMs,9:F1} ms  ({count / storeMs * 1000:N0} posts/s)");
    Console.WriteLine($"  raw Microsoft.Data.Sqlite:    {rawMs,9:F1} ms  ({count / rawMs * 1000:N0} posts/s)");
    Console.WriteLine($"  store throughput / raw:       {rawMs / storeMs,9:F2}  (goal >= 0.5)");
}

static void EmptyClaims(string root, int largeRows, int smallRows)
{
    var large = Path.Combine(root, "claims-large.db");
    var small = Path.Combine(root, "claims-small.db");
    var fill = Stopwatch.StartNew();
    Fill(large, largeRows);
    Fill(small, smallRows);
    fill.Stop();
    var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    var (largeMedian, largeMean) = MeasureClaims(large, now);
    var (smallMedian, smallMean) = MeasureClaims(small, now);
    Console.WriteLine();
    Console.WriteLine($"Empty ClaimDue (nothing due; 90% Published history, 10% Pending in the future; filled in {fill.Elapsed.TotalSeconds:F1} s):");
    Console.WriteLine($"  {largeRows,9:N0} rows:  median {largeMedian * 1000,8:F1} µs   mean {largeMean * 1000,8:F1} µs per call");
    Console.WriteLine($"  {smallRows,9:N0} rows:  median {smallMedian * 1000,8:F1} µs   mean {smallMean * 1000,8:F1} µs per call");
    Console.WriteLine($"  large / small (median):     {largeMedian / smallMedian,6:F2}x  (goal <= 2x)");
}

static (double Median, double Mean) MeasureClaims(string path, DateTimeOffset now)
{
    const int Calls = 2000;
    using var store = QueueStoreFactory.Open(new QueueStoreOptions { Path = path });
    for (var i = 0; i < 200; i++)
    {
        store.ClaimDue(now, "bench", TimeSpan.FromMinutes(5), 10);
    }
    var times = new List<double>(Calls);
    for (var i = 0; i < Calls; i++)
    {
        var watch = Stopwatch.StartNew();
        var claimed = store.ClaimDue(now, "bench", TimeSpan.FromMinutes(5), 10);
        watch.Stop();
        if (claimed.Count != 0)
        {
            throw new InvalidOperationException("The benchmark queue had a due post.");
        }
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    return (Median(times), times.Average());
}

// A queue of <paramref name="rows"/> posts: 90% published before 2026-06-01, 10% pending after it.
static void Fill(string path, int rows)
{
    QueueStoreFactory.Open(new QueueStoreOptions { Path = path }).Dispose();
    using var connection = Open(path);
    using var transaction = connection.BeginTransaction();
    using var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText =
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @rows) " +
        "INSERT INTO posts (key, connection, author, scheduled_at, time_zone, due_at, state, payload, attempts, post_urn, created_at, updated_at, published_at) " +
        "SELECT 'bench-' || i, 'work', 'urn:li:person:bench', t, 'UTC', t, s, " +
        "'{\"v\":1,\"author\":\"urn:li:person:bench\",\"commentary\":\"Post ' || i || '\"}', " +
        "CASE s WHEN 'Published' THEN 1 ELSE 0 END, CASE s WHEN 'Published' THEN 'urn:li:share:' || i END, " +
        "'2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', CASE s WHEN 'Published' THEN t END " +
        "FROM (SELECT i, CASE WHEN i % 10 = 0 THEN 'Pending' ELSE 'Published' END AS s, " +
        "strftime('%Y-%m-%dT%H:%M:%fZ', CASE WHEN i % 10 = 0 THEN '2026-06-02' ELSE '2024-01-01' END, '+' || (i / 10) || ' minutes') AS t FROM n);";
    command.Parameters.AddWithValue("@rows", rows);
    command.ExecuteNonQuery();
    transaction.Commit();
    using var analyze = connection.CreateCommand();
    analyze.CommandText = "PRAGMA optimize;";
    analyze.ExecuteNonQuery();
}

static SqliteConnection Open(string path)
{
    var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
    connection.Open();
    using var pragmas = connection.CreateCommand();
    pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
    pragmas.ExecuteNonQuery();
    return connection;
}

static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
