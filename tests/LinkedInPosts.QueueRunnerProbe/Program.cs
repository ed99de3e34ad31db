using System.Globalization;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;

// A runner process, as Task Scheduler or cron would start one, for the reliability tests.
// Usage:
//   run --queue FILE --api SANDBOX_BASE_URL --member URN --runner ID
//       [--lease-ms 2500] [--timeout-ms 1500] [--batch 10] [--read-back] [--until-settled] [--wait-go]
// The access token comes from the environment (LINKEDINPOSTS_PROBE_TOKEN), never from the command line,
// so it does not show in process listings. Every connection name opens that one sandbox member.
// Opens the queue and the client, prints "ready", then (with --wait-go) waits for a line on stdin, so a
// test can have a warm process waiting. Then it calls QueueRunner.RunAsync again and again until a run
// touches nothing; with --until-settled, until no post is Pending, Claimed or Sending any more (a dead
// run's posts come back only when their leases run out). Prints one line per post result:
//   result <id> <key> <outcome> <state> <urn|-> <resolvedByEvidence> <attempts> <errorId|-> <message|->   (tab-separated)
// one "run <published> <retrying> <failed> <unconfirmed> <posts>" per run, then "done <runs>".
// A LinkedInException out of a run prints "error: <type>: <message>" and exits 3.
if (args.FirstOrDefault() != "run")
{
    Console.Error.WriteLine("usage: run --queue FILE --api URL --member URN --runner ID [--lease-ms N] [--timeout-ms N] [--batch N] [--read-back] [--until-settled] [--wait-go]");
    return 2;
}
var options = Options.Parse(args.Skip(1).ToArray());
var token = Environment.GetEnvironmentVariable("LINKEDINPOSTS_PROBE_TOKEN");
if (string.IsNullOrWhiteSpace(token))
{
    Console.Error.WriteLine("LINKEDINPOSTS_PROBE_TOKEN is not set.");
    return 2;
}

try
{
    using var store = QueueStoreFactory.Open(new QueueStoreOptions { Path = options.Queue });
    using var client = new LinkedInClient(new StaticAccessTokenSource(token), new LinkedInClientOptions
    {
        Endpoints = LinkedInEndpoints.ForSandbox(new Uri(options.Api)),
        // Below the lease, so the create call is over (answered or timed out) before another run may take the post.
        RequestTimeout = options.Timeout,
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryTime = options.Timeout,
    });
    var runner = new QueueRunner(store, new SandboxConnections(client, options.Member, options.ReadBack), new QueueRunOptions
    {
        RunnerId = options.Runner,
        Lease = options.Lease,
        BatchSize = options.Batch,
        // Retries come back within a second, so a test's queue settles quickly.
        RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        RetryMaxDelay = TimeSpan.FromMilliseconds(800),
    });
    store.CountByState(); // touch the file once, so "ready" means the queue is open and its schema checked
    Console.WriteLine("ready");
    if (options.WaitGo && Console.ReadLine() != "go")
    {
        Console.Error.WriteLine("no go line on stdin");
        return 4;
    }

    var printer = new ResultPrinter();
    var runs = 0;
    var quietSince = DateTime.UtcNow;
    while (true)
    {
        var report = await runner.RunAsync(printer);
        runs++;
        Console.WriteLine(string.Join(" ", "run", report.Published, report.Retrying, report.Failed, report.Unconfirmed, report.Posts.Count));
        foreach (var problem in report.ConnectionProblems)
        {
            Console.WriteLine($"problem {problem.Connection} {problem.Error.GetType().Name}: {OneLine(problem.Error.Message)}");
        }
        if (report.Posts.Count > 0)
        {
            quietSince = DateTime.UtcNow;
            continue;
        }
        if (!options.UntilSettled || Settled(store))
        {
            break;
        }
        if (DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(60))
        {
            Console.WriteLine("unsettled " + string.Join(",", store.CountByState().Select(p => p.Key + "=" + p.Value)));
            return 5;
        }
        // Posts of a dead run are due again (or resolvable) only once their leases run out.
        await Task.Delay(100);
    }
    Console.WriteLine("done " + runs);
    return 0;
}
catch (LinkedInException e)
{
    Console.WriteLine("error: " + e.GetType().Name + ": " + OneLine(e.Message));
    return 3;
}

static bool Settled(IQueueStore store)
{
    var counts = store.CountByState();
    return new[] { QueueState.Pending, QueueState.Claimed, QueueState.Sending }.All(s => !counts.TryGetValue(s, out var n) || n == 0);
}

static string OneLine(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

/// <summary>Prints each result as the runner reports it (on the runner's thread, so the line is out before the next post).</summary>
internal sealed class ResultPrinter : IProgress<QueuePostResult>
{
    private readonly object _sync = new();

    public void Report(QueuePostResult r)
    {
        var line = string.Join("\t", "result", r.Id.ToString(CultureInfo.InvariantCulture), r.Key, r.Outcome, r.State, r.PostUrn ?? "-",
            r.ResolvedByEvidence ? "evidence" : "direct", r.Attempts.ToString(CultureInfo.InvariantCulture), r.ErrorId ?? "-",
            string.IsNullOrEmpty(r.Message) ? "-" : r.Message!.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' '));
        lock (_sync)
        {
            Console.WriteLine(line);
        }
    }
}

/// <summary>Every connection name opens the one sandbox member, with or without the read-back scopes.</summary>
internal sealed class SandboxConnections : IQueueConnections
{
    private readonly LinkedInClient _client;
    private readonly string _member;
    private readonly bool _readBack;

    public SandboxConnections(LinkedInClient client, string member, bool readBack)
    {
        _client = client;
        _member = member;
        _readBack = readBack;
    }

    public QueueConnection Open(string connectionName, CancellationToken cancellationToken) =>
        new(connectionName, _client, _member) { CanReadBackPosts = _readBack };
}

internal sealed record Options(string Queue, string Api, string Member, string Runner, TimeSpan Lease, TimeSpan Timeout, int Batch, bool ReadBack, bool UntilSettled, bool WaitGo)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var flags = new HashSet<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--read-back" or "--until-settled" or "--wait-go")
            {
                flags.Add(args[i]);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                throw new ArgumentException("Unexpected argument " + args[i]);
            }
        }
        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException(name + " is required");
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(Required("--queue"), Required("--api"), Required("--member"), Required("--runner"),
            TimeSpan.FromMilliseconds(Number("--lease-ms", 2500)), TimeSpan.FromMilliseconds(Number("--timeout-ms", 1500)),
            Number("--batch", 10), flags.Contains("--read-back"), flags.Contains("--until-settled"), flags.Contains("--wait-go"));
    }
}
