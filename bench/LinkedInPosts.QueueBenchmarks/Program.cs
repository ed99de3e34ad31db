using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Sandbox;
using Microsoft.Data.Sqlite;

// Figures, each against a baseline measured in the same run on the same machine:
//   1. Registering 10,000 posts through IQueueStore.RegisterBatch (500 rows per call, one transaction
//      each, as a pipeline commits them), and through the cmdlet's whole Core path (ScheduledPostBuilder.Build
//      per post, then QueueRegistrationBuffer), each as a throughput ratio to plain batched INSERTs of the same
//      rows with Microsoft.Data.Sqlite (same file settings, same batch size, one prepared command). Goal >= 0.5.
//   2. An empty ClaimDue, and an empty QueueRunner.RunAsync (nothing due), on a queue of 1,000,000 rows
//      against one of 1,000 rows. Goal <= 2x.
//   3. Publishing 1,000 due posts through QueueRunner.RunAsync (default options) to an in-process sandbox, against 1,000 bare
//      HttpClient POSTs of the same bodies to the same sandbox. Goal: time ratio <= 1.3.
// Usage: [registrations] [large queue rows] [small queue rows] [posts to publish] [work folder]; 0 skips a block
// The work folder (default: the system's temporary folder) holds every queue file; point it at a RAM disk
// (/dev/shm) to see the code's own cost apart from the disk's fsync time.
var registrations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var largeRows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var smallRows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
var publishCount = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1_000;
const int BatchSize = 500;
const int Rounds = 5;
const int PublishRounds = 7;
// Rounds of the publishing block that are not measured: the JIT's tiering (tier 0, instrumented, then optimised
// code) goes on for about ten rounds of 1,000 creates in the client and the sandbox; measured after one warm-up
// round, the bare loop still got faster round by round (about 400 ms in round 1, 90 ms from round 10 on).
const int PublishWarmUps = 10;

var root = Path.Combine(args.Length > 4 ? args[4] : Path.GetTempPath(), "linkedinposts-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(root);
try
{
    Console.WriteLine($"LinkedInPosts queue benchmarks ({Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}); queue files in {root}");
    // A count of 0 skips its block (e.g. `-- 0 0 0 1000` runs the publishing block only).
    if (registrations > 0)
    {
        Registration(root, registrations, BatchSize, Rounds);
    }
    if (largeRows > 0 && smallRows > 0)
    {
        await EmptyClaimsAndRuns(root, largeRows, smallRows);
    }
    if (publishCount > 0)
    {
        await Publishing(root, publishCount, PublishWarmUps, PublishRounds);
    }
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
    // The same posts as a cmdlet hands them to Core: a draft, a connection, a time and zone, the user's key.
    var requests = Enumerable.Range(0, count)
        .Select(i => new ScheduleRequest(
            new PostDraft(LinkedInUrn.Parse("urn:li:person:bench"), $"Post {i}: what we shipped this week, and why it matters #ops"),
            "work", at.AddMinutes(i), "Europe/Berlin") { Key = "bench-" + i.ToString("D6", CultureInfo.InvariantCulture) })
        .ToList();

    var storeTimes = new List<double>();
    var builderTimes = new List<double>();
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

        // The cmdlet's path: ScheduledPostBuilder.Build checks each post with New-LinkedInPost's rules and builds
        // its payload and key, and QueueRegistrationBuffer commits them 500 per transaction.
        var builderPath = Path.Combine(root, $"register-builder-{round}.db");
        using (var store = QueueStoreFactory.Open(new QueueStoreOptions { Path = builderPath }))
        {
            var added = 0;
            var watch = Stopwatch.StartNew();
            var buffer = new QueueRegistrationBuffer(store, RegistrationMode.AddOnly, batchSize);
            foreach (var request in requests)
            {
                added += Added(buffer.Add(ScheduledPostBuilder.Build(request, store.Media)));
            }
            added += Added(buffer.Flush());
            watch.Stop();
            if (round > 0)
            {
                builderTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
            if (added != count || store.CountByState()[QueueState.Pending] != count)
            {
                throw new InvalidOperationException("The builder path did not register every post.");
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
    var builderMs = Median(builderTimes);
    var rawMs = Median(rawTimes);
    Console.WriteLine();
    Console.WriteLine($"Registering {count:N0} posts in batches of {batchSize} (median of {rounds} rounds after a warm-up):");
    Console.WriteLine($"  store RegisterBatch:          {storeMs,9:F1} ms  ({count / storeMs * 1000:N0} posts/s)");
    Console.WriteLine($"  Build + RegistrationBuffer:   {builderMs,9:F1} ms  ({count / builderMs * 1000:N0} posts/s; the cmdlet's Core path)");
    Console.WriteLine($"  raw Microsoft.Data.Sqlite:    {rawMs,9:F1} ms  ({count / rawMs * 1000:N0} posts/s)");
    Console.WriteLine($"  store throughput / raw:       {rawMs / storeMs,9:F2}  (goal >= 0.5)");
    Console.WriteLine($"  cmdlet path throughput / raw: {rawMs / builderMs,9:F2}  (goal >= 0.5)");
}

static int Added(IReadOnlyList<RegistrationResult> results) => results.Count(r => r.Outcome == RegistrationOutcome.Added);

static async Task EmptyClaimsAndRuns(string root, int largeRows, int smallRows)
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

    // The whole run a scheduled task makes when nothing is due: settle expired Sending posts (none), claim (none).
    var (largeRunMedian, largeRunMean) = await MeasureEmptyRuns(large, now);
    var (smallRunMedian, smallRunMean) = await MeasureEmptyRuns(small, now);
    Console.WriteLine();
    Console.WriteLine("Empty QueueRunner.RunAsync (nothing due, same queues; in-process, store already open):");
    Console.WriteLine($"  {largeRows,9:N0} rows:  median {largeRunMedian * 1000,8:F1} µs   mean {largeRunMean * 1000,8:F1} µs per run");
    Console.WriteLine($"  {smallRows,9:N0} rows:  median {smallRunMedian * 1000,8:F1} µs   mean {smallRunMean * 1000,8:F1} µs per run");
    Console.WriteLine($"  large / small (median):     {largeRunMedian / smallRunMedian,6:F2}x  (goal <= 2x)");
}

static async Task<(double Median, double Mean)> MeasureEmptyRuns(string path, DateTimeOffset now)
{
    const int Runs = 1000;
    using var store = QueueStoreFactory.Open(new QueueStoreOptions { Path = path });
    // The queue's clock is pinned where nothing is due and nothing is overdue by more than MaxLateness.
    var runner = new QueueRunner(store, new NoConnections(), new QueueRunOptions { RunnerId = "bench", Clock = new FixedClock(now) });
    for (var i = 0; i < 100; i++)
    {
        await runner.RunAsync();
    }
    var times = new List<double>(Runs);
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        var report = await runner.RunAsync();
        watch.Stop();
        if (report.Posts.Count != 0)
        {
            throw new InvalidOperationException("The benchmark queue had a due post.");
        }
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    return (Median(times), times.Average());
}

static async Task Publishing(string root, int count, int warmUps, int rounds)
{
    await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { MediaRoot = Path.Combine(root, "sandbox") });
    using var http = new HttpClient { BaseAddress = sandbox.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    var runnerTimes = new List<double>();
    var bareTimes = new List<double>();
    var bookTimes = new List<double>();
    var clientTimes = new List<double>();
    var runnerCpu = new List<double>();
    var bareCpu = new List<double>();
    var clientCpu = new List<double>();
    var noWritesTimes = new List<double>();
    var noStoreTimes = new List<double>();
    for (var round = 0; round < warmUps + rounds; round++)
    {
        // QueueRunner: due posts in a fresh queue file, one RunAsync that publishes them all (claims of 50, a
        // window of posts committed Sending durably before their creates, each Published after), with a LinkedInClient on the sandbox.
        var (runnerMsNow, runnerCpuNow) = await TimeRunner(sandbox, root, $"publish-{round}", round, count, store => store);
        // For reading the ratio: the same run over a store whose Sending marks and Published records return at once
        // without SQLite, and over one whose claims come from memory too (claimed before the clock starts), so the
        // run's own logic, its claims and its two durable writes per window can be told apart. Nothing is recorded:
        // these runs prove no safety, they only measure.
        var (noWritesMs, _) = await TimeRunner(sandbox, root, $"publish-nowrites-{round}", round, count, store => StoreWithoutRunnerWrites.Wrap(store, preclaim: false));
        var (noStoreMs, _) = await TimeRunner(sandbox, root, $"publish-nostore-{round}", round, count, store => StoreWithoutRunnerWrites.Wrap(store, preclaim: true));
        if (round >= warmUps)
        {
            runnerTimes.Add(runnerMsNow);
            runnerCpu.Add(runnerCpuNow);
            noWritesTimes.Add(noWritesMs);
            noStoreTimes.Add(noStoreMs);
        }

        // Baseline: the same bodies (as LinkedInClient builds them, for this round's member) POSTed one after
        // another with one HttpClient, with the headers LinkedIn requires and nothing else.
        var (member, token) = await FreshSandbox(sandbox);
        var bodies = Enumerable.Range(0, count).Select(i => LinkedInClient.PreviewCreate(new PostDraft(member, PublishText(round, i))).JsonBody).ToList();
        Settle();
        var bareCpuStart = Cpu();
        var bare = Stopwatch.StartNew();
        foreach (var body in bodies)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "rest/posts") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("LinkedIn-Version", LinkedInApiVersion.Default);
            request.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
            using var response = await http.SendAsync(request);
            if ((int)response.StatusCode != 201)
            {
                throw new InvalidOperationException($"A bare POST got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        bare.Stop();
        var bareCpuUsed = Cpu() - bareCpuStart;
        if (round >= warmUps)
        {
            bareTimes.Add(bare.Elapsed.TotalMilliseconds);
            bareCpu.Add(bareCpuUsed.TotalMilliseconds);
        }

        // For reading the ratio: the same creates through LinkedInClient.CreatePostAsync alone (no queue), one after
        // another, so the client's share of the runner's time can be told apart from the queue's.
        (member, token) = await FreshSandbox(sandbox);
        using (var client = SandboxClient(sandbox, token))
        {
            var drafts = Enumerable.Range(0, count).Select(i => new PostDraft(member, PublishText(round, i))).ToList();
            Settle();
            var clientCpuStart = Cpu();
            var watch = Stopwatch.StartNew();
            foreach (var draft in drafts)
            {
                await client.CreatePostAsync(draft);
            }
            watch.Stop();
            var clientCpuUsed = Cpu() - clientCpuStart;
            if (round >= warmUps)
            {
                clientTimes.Add(watch.Elapsed.TotalMilliseconds);
                clientCpu.Add(clientCpuUsed.TotalMilliseconds);
            }
        }

        // For reading the ratio: the queue's own bookkeeping for the same posts without any HTTP, the store calls the
        // runner makes, one after another in a tight loop (the runner overlaps them with its create calls): claims of 50;
        // per window of SendWindow posts one synchronous=FULL commit marking them Sending and one NORMAL commit of their results.
        var bookPath = Path.Combine(root, $"publish-book-{round}.db");
        using (var store = QueueStoreFactory.Open(new QueueStoreOptions { Path = bookPath }))
        {
            var due = DateTimeOffset.UtcNow.AddHours(-1);
            store.RegisterBatch(Enumerable.Range(0, count)
                .Select(i => NewScheduledPost.FromDraft(new PostDraft(member, PublishText(round, i)), "work", due.AddMilliseconds(i), "UTC"))
                .ToList());
            var lease = TimeSpan.FromMinutes(10);
            Settle();
            var watch = Stopwatch.StartNew();
            var done = 0;
            for (var batch = store.ClaimDue(DateTimeOffset.UtcNow, "bench", lease, 50); batch.Count > 0; batch = store.ClaimDue(DateTimeOffset.UtcNow, "bench", lease, 50))
            {
                foreach (var window in batch.Chunk(new QueueRunOptions().SendWindow))
                {
                    store.MarkSendingWindow(window.Select(p => p.Claim!).ToList(), DateTimeOffset.UtcNow, lease);
                    var published = window.Select(p => new PublishedCall(p.Claim!, "urn:li:share:" + p.Id, DateTimeOffset.UtcNow, 201)).ToList();
                    done += store.MarkPublished(published, durable: false).Count(r => r.Applied);
                }
            }
            watch.Stop();
            if (done != count)
            {
                throw new InvalidOperationException("The bookkeeping loop did not publish every post.");
            }
            if (round >= warmUps)
            {
                bookTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
    }
    var runnerMs = Median(runnerTimes);
    var bareMs = Median(bareTimes);
    Console.WriteLine();
    Console.WriteLine($"Publishing {count:N0} due posts to an in-process sandbox (median of {rounds} rounds after {warmUps} warm-up rounds):");
    Console.WriteLine($"  QueueRunner.RunAsync:         {runnerMs,9:F1} ms  ({runnerMs * 1000 / count,7:F0} µs per post)");
    Console.WriteLine($"  bare HttpClient POSTs:        {bareMs,9:F1} ms  ({bareMs * 1000 / count,7:F0} µs per post)");
    var bookMs = Median(bookTimes);
    var clientMs = Median(clientTimes);
    Console.WriteLine($"  runner time / bare time:      {runnerMs / bareMs,9:F2}  (goal <= 1.3)");
    // CPU of the whole process (client, in-process sandbox, queue), to read the wall-time ratio on a machine with few cores.
    Console.WriteLine($"  CPU used, runner / client / bare: {Median(runnerCpu):F1} / {Median(clientCpu):F1} / {Median(bareCpu):F1} ms  " +
        $"({Median(runnerCpu) / runnerMs:F2} / {Median(clientCpu) / Median(clientTimes):F2} / {Median(bareCpu) / bareMs:F2} of {Environment.ProcessorCount} cores busy)");
    Console.WriteLine($"  LinkedInClient creates alone: {clientMs,9:F1} ms  ({clientMs * 1000 / count,7:F0} µs per post: the client without the queue; / bare {clientMs / bareMs:F2})");
    Console.WriteLine($"  runner, no Sending/Published writes: {Median(noWritesTimes),9:F1} ms  (/ bare {Median(noWritesTimes) / bareMs:F2}: MarkSendingWindow and MarkPublished answered without SQLite)");
    Console.WriteLine($"  runner, no store work at all: {Median(noStoreTimes),9:F1} ms  (/ bare {Median(noStoreTimes) / bareMs:F2}: the claims from memory too; what is left is the runner's own logic)");
    Console.WriteLine($"  queue bookkeeping alone:      {bookMs,9:F1} ms  ({bookMs * 1000 / count,7:F0} µs per post: the runner's store calls in a tight loop, no HTTP;");
    Console.WriteLine($"                                per {new QueueRunOptions().SendWindow} posts one synchronous=FULL commit (Sending) and one NORMAL (results); the runner overlaps them with its calls)");
}

// One RunAsync that publishes count due posts from a fresh queue file, through wrap(store); its wall and CPU time in ms.
static async Task<(double Ms, double CpuMs)> TimeRunner(SandboxServer sandbox, string root, string name, int round, int count, Func<IQueueStore, IQueueStore> wrap)
{
    var (member, token) = await FreshSandbox(sandbox);
    using var store = QueueStoreFactory.Open(new QueueStoreOptions { Path = Path.Combine(root, name + ".db") });
    var due = DateTimeOffset.UtcNow.AddHours(-1);
    store.RegisterBatch(Enumerable.Range(0, count)
        .Select(i => NewScheduledPost.FromDraft(new PostDraft(member, PublishText(round, i)), "work", due.AddMilliseconds(i), "UTC"))
        .ToList());
    using var client = SandboxClient(sandbox, token);
    var runner = new QueueRunner(wrap(store), new OneConnection(client, member.ToString()), new QueueRunOptions { RunnerId = "bench" });
    Settle();
    var cpu = Cpu();
    var watch = Stopwatch.StartNew();
    var report = await runner.RunAsync();
    watch.Stop();
    cpu = Cpu() - cpu;
    if (report.Published != count || (await sandbox.Admin.GetPostsAsync()).Count != count)
    {
        throw new InvalidOperationException($"The runner ({name}) published {report.Published} of {count} posts.");
    }
    return (watch.Elapsed.TotalMilliseconds, cpu.TotalMilliseconds);
}

// An emptied sandbox with one member who may post, and daily limits far above what a round sends.
static async Task<(LinkedInUrn Member, string Token)> FreshSandbox(SandboxServer sandbox)
{
    await sandbox.Admin.ResetAsync();
    await sandbox.Admin.SetLimitsAsync(memberDailyLimit: 1_000_000, appDailyLimit: 10_000_000);
    var member = await sandbox.Admin.CreateMemberAsync("Benchmark");
    var token = await sandbox.Admin.CreateTokenAsync(member.Urn, ["w_member_social"]);
    return (LinkedInUrn.Parse(member.Urn), token);
}

static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

// Before each timed part of the publishing block: the garbage the parts before it left is collected now, not on
// the clock of whichever part comes next, so each side starts from the same heap.
static void Settle()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
}

static LinkedInClient SandboxClient(SandboxServer sandbox, string token) =>
    new(new StaticAccessTokenSource(token), new LinkedInClientOptions { Endpoints = LinkedInEndpoints.ForSandbox(sandbox.BaseUri) });

// Distinct texts: the sandbox refuses a repeated commentary with 422 DUPLICATE_POST, as LinkedIn does.
static string PublishText(int round, int i) => $"Round {round}, post {i}: what we shipped this week, and why it matters";

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

/// <summary>A run with nothing due opens no connection; one that tries has found a due post the benchmark did not plan.</summary>
internal sealed class NoConnections : IQueueConnections
{
    public QueueConnection Open(string connectionName, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The benchmark queue had a due post for " + connectionName + ".");
}

/// <summary>Every connection name opens the one sandbox member.</summary>
internal sealed class OneConnection : IQueueConnections
{
    private readonly LinkedInClient _client;
    private readonly string _member;

    public OneConnection(LinkedInClient client, string member)
    {
        _client = client;
        _member = member;
    }

    public QueueConnection Open(string connectionName, CancellationToken cancellationToken) => new(connectionName, _client, _member);
}

/// <summary>A clock that stands still, so every empty run sees the same queue.</summary>
internal sealed class FixedClock : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedClock(DateTimeOffset now) => _now = now;

    public override DateTimeOffset GetUtcNow() => _now;
}

/// <summary>
/// For the publishing block's breakdown only: a store whose runner writes per window (MarkSendingWindow, MarkPublished)
/// succeed at once without SQLite, and with <c>preclaim</c> whose ClaimDue hands out posts claimed before the clock
/// started. Every other call goes to the real store. It keeps nothing a run needs to be safe; it only measures.
/// </summary>
internal class StoreWithoutRunnerWrites : System.Reflection.DispatchProxy
{
    private IQueueStore _inner = null!;
    private Queue<ScheduledPost>? _claimed;

    public static IQueueStore Wrap(IQueueStore inner, bool preclaim)
    {
        var store = Create<IQueueStore, StoreWithoutRunnerWrites>();
        var proxy = (StoreWithoutRunnerWrites)(object)store;
        proxy._inner = inner;
        proxy._claimed = preclaim ? new Queue<ScheduledPost>(inner.ClaimDue(DateTimeOffset.UtcNow, "bench", TimeSpan.FromMinutes(30), int.MaxValue)) : null;
        return store;
    }

    protected override object? Invoke(System.Reflection.MethodInfo? method, object?[]? args)
    {
        switch (method!.Name)
        {
            case nameof(IQueueStore.ClaimDue) when _claimed != null:
                var max = (int)args![3]!;
                var batch = new List<ScheduledPost>();
                while (batch.Count < max && _claimed.Count > 0)
                {
                    batch.Add(_claimed.Dequeue());
                }
                return (IReadOnlyList<ScheduledPost>)batch;
            case nameof(IQueueStore.MarkSendingWindow):
                return Answered(((IReadOnlyList<QueueClaim>)args![0]!).Count, QueueState.Sending);
            case nameof(IQueueStore.MarkPublished) when args!.Length == 2:
                return Answered(((IReadOnlyList<PublishedCall>)args[0]!).Count, QueueState.Published);
            default:
                try
                {
                    return method.Invoke(_inner, args);
                }
                catch (System.Reflection.TargetInvocationException e) when (e.InnerException != null)
                {
                    throw e.InnerException;
                }
        }
    }

    private static IReadOnlyList<TransitionResult> Answered(int count, QueueState state) =>
        Enumerable.Range(0, count).Select(_ => new TransitionResult(true, state, 1)).ToList();
}
