using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Media;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Benchmarks;

/// <summary>
/// Uploads the same 1 GiB file twice into an in-process sandbox: (a) one plain streamed PUT with HttpClient
/// and StreamContent, the baseline; (b) MediaUploader's video upload in 256 parts of 4 MiB. Prints time,
/// throughput, the ratio of the two, and how much the process's memory grew during (b).
/// </summary>
public static class Program
{
    private const long FileSize = 1L << 30;
    private const long WarmUpSize = 16L << 20;
    private const double Megabyte = 1_000_000.0;
    private const double Mebibyte = 1024.0 * 1024.0;
    private static int Rounds = 3;
    private static int ParallelParts = new MediaUploadOptions().MaxParallelParts;
    private const int Parts = (int)(FileSize / (4L << 20));

    /// <summary>Options: <c>--rounds N</c> (default 3), <c>--parallel N</c> (video parts in flight, default MediaUploader's).</summary>
    public static async Task<int> Main(string[] args)
    {
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--rounds":
                    Rounds = value;
                    break;
                case "--parallel":
                    ParallelParts = value;
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[i]}. Use --rounds N and --parallel N.");
                    return 2;
            }
        }
        var root = Path.Combine(Path.GetTempPath(), "linkedinposts-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var file = Path.Combine(root, "bench.mp4");
            var warmUp = Path.Combine(root, "warm-up.mp4");
            var generated = Stopwatch.StartNew();
            Generate(file, FileSize, seed: 42);
            Generate(warmUp, WarmUpSize, seed: 7);
            Console.WriteLine($"Generated {FileSize:N0} bytes of pseudo-random data in {generated.Elapsed.TotalSeconds:0.00} s: {file}");

            await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { MediaRoot = Path.Combine(root, "sandbox"), MemberDailyLimit = 100_000 });
            Console.WriteLine($"Sandbox in-process at {sandbox.BaseUri}, processing time 0, media stored under {root}");
            using var plain = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };

            // Warm-up: JIT, connections and the sandbox's code paths, for both ways of uploading.
            var session = await Session.StartAsync(sandbox);
            await PlainPutAsync(plain, sandbox, session, warmUp);
            await OursAsync(session, warmUp, new PhaseClock());
            session.Dispose();

            // Rounds of each way once, alternating, with the sandbox emptied before every run
            // (deleting its files also drops their unwritten pages), so neither way inherits the other's disk writes.
            var results = new List<Round>();
            for (var round = 1; round <= Rounds; round++)
            {
                await sandbox.Admin.ResetAsync();
                session = await Session.StartAsync(sandbox);
                TimeSpan baseline;
                MemoryGrowth baselineMemory;
                using (var sampler = MemorySampler.Start())
                {
                    baseline = await PlainPutAsync(plain, sandbox, session, file);
                    baselineMemory = sampler.Stop();
                }
                session.Dispose();

                await sandbox.Admin.ResetAsync();
                session = await Session.StartAsync(sandbox);
                var phases = new PhaseClock();
                UploadedMedia uploaded;
                MemoryGrowth ourMemory;
                var whole = Stopwatch.StartNew();
                using (var sampler = MemorySampler.Start())
                {
                    uploaded = await OursAsync(session, file, phases);
                    whole.Stop();
                    ourMemory = sampler.Stop();
                }
                var stored = await sandbox.Admin.GetMediaAsync(uploaded.Urn.ToString());
                session.Dispose();
                var result = new Round(round, baseline, baselineMemory, whole.Elapsed, phases, ourMemory,
                    stored?.Sha256 == uploaded.Sha256 && stored?.SizeBytes == FileSize, uploaded.Sha256, stored?.Sha256);
                results.Add(result);
                Print(result);
            }

            var bestBaseline = results.Min(r => r.Baseline);
            var bestWhole = results.Min(r => r.Whole);
            var bestParts = results.Min(r => r.Parts);
            var peak = new MemoryGrowth(results.Max(r => r.OurMemory.WorkingSet), results.Max(r => r.OurMemory.Private), results.Max(r => r.OurMemory.GcHeap));
            Console.WriteLine();
            Console.WriteLine($"Best of {Rounds}: (a) baseline {bestBaseline.TotalSeconds:0.00} s, {Rate(bestBaseline):0.0} MB/s; " +
                $"(b) ours, parts {bestParts.TotalSeconds:0.00} s, {Rate(bestParts):0.0} MB/s; whole upload {bestWhole.TotalSeconds:0.00} s, {Rate(bestWhole):0.0} MB/s");
            Console.WriteLine($"Ratio ours/baseline throughput: {Rate(bestParts) / Rate(bestBaseline):0.00} for the bytes on the wire (parts vs the one PUT; goal >= 0.8), " +
                $"{Rate(bestWhole) / Rate(bestBaseline):0.00} for the whole upload (which adds the sandbox joining 1 GiB of parts at finalize)");
            Console.WriteLine($"Peak memory growth during our upload (worst round): working set {Mib(peak.WorkingSet)} MiB, private {Mib(peak.Private)} MiB, GC heap {Mib(peak.GcHeap)} MiB " +
                "(goal <= 64 MiB; the in-process sandbox is included)");
            var verified = results.All(r => r.Verified);
            Console.WriteLine(verified ? "Every run: the sandbox's SHA-256 of what arrived equals ours." : "A run's bytes DIFFER from the file.");
            return verified ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Print(Round r)
    {
        Console.WriteLine();
        Console.WriteLine($"Round {r.Number}, {FileSize:N0} bytes (1 GiB; MB = 1,000,000 bytes, MiB = 1,048,576 bytes):");
        Console.WriteLine($"(a) baseline, HttpClient + StreamContent, one PUT of the whole file: {r.Baseline.TotalSeconds:0.00} s, {Rate(r.Baseline):0.0} MB/s");
        Console.WriteLine($"(b) MediaUploader video upload, {Parts} parts of 4 MiB, {ParallelParts} in parallel:");
        Console.WriteLine($"    parts (first byte out to last part answered): {r.Parts.TotalSeconds:0.00} s, {Rate(r.Parts):0.0} MB/s");
        Console.WriteLine($"    whole upload, SHA-256 read during finalize: {r.Whole.TotalSeconds:0.00} s, {Rate(r.Whole):0.0} MB/s (initialize {r.Phases.Between(UploadStage.Initializing, UploadStage.Uploading).TotalSeconds:0.00} s, " +
            $"parts {r.Parts.TotalSeconds:0.00} s, finalize {r.Phases.Between(UploadStage.Finalizing, UploadStage.Processing).TotalSeconds:0.00} s, status until AVAILABLE {r.Phases.Between(UploadStage.Processing, UploadStage.Completed).TotalSeconds:0.00} s)");
        Console.WriteLine($"    ratio ours/baseline throughput: {Rate(r.Parts) / Rate(r.Baseline):0.00} parts, {Rate(r.Whole) / Rate(r.Baseline):0.00} whole upload");
        Console.WriteLine($"    peak memory growth: ours working set {Mib(r.OurMemory.WorkingSet)} MiB, private {Mib(r.OurMemory.Private)} MiB, GC heap {Mib(r.OurMemory.GcHeap)} MiB; " +
            $"baseline working set {Mib(r.BaselineMemory.WorkingSet)} MiB, private {Mib(r.BaselineMemory.Private)} MiB, GC heap {Mib(r.BaselineMemory.GcHeap)} MiB");
        Console.WriteLine($"    SHA-256 ours {r.Ours}, sandbox's {r.Sandbox}: {(r.Verified ? "the same" : "DIFFERENT")}");
    }

    private static double Rate(TimeSpan elapsed) => FileSize / Megabyte / elapsed.TotalSeconds;

    private static string Mib(long bytes) => (bytes / Mebibyte).ToString("+0.0;-0.0", CultureInfo.InvariantCulture);

    private sealed record Round(int Number, TimeSpan Baseline, MemoryGrowth BaselineMemory, TimeSpan Whole, PhaseClock Phases, MemoryGrowth OurMemory, bool Verified, string Ours, string? Sandbox)
    {
        public TimeSpan Parts => Phases.Between(UploadStage.Uploading, UploadStage.Finalizing);
    }

    /// <summary>Streams pseudo-random bytes to disk behind an MP4 ftyp box, 1 MiB at a time.</summary>
    private static void Generate(string path, long length, int seed)
    {
        var random = new Random(seed);
        var buffer = new byte[1 << 20];
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
        for (long written = 0; written < length; written += buffer.Length)
        {
            random.NextBytes(buffer);
            if (written == 0)
            {
                byte[] ftyp = [0, 0, 0, 0x14, .. "ftypisom"u8, 0, 0, 2, 0, .. "mp41"u8];
                ftyp.CopyTo(buffer, 0);
            }
            stream.Write(buffer, 0, (int)Math.Min(buffer.Length, length - written));
        }
        stream.Flush(flushToDisk: true); // on disk before anything is timed, not still being written back
    }

    /// <summary>The baseline: a document's upload URL from the sandbox, then one PUT of the file, timed on its own.</summary>
    private static async Task<TimeSpan> PlainPutAsync(HttpClient http, SandboxServer sandbox, Session session, string path)
    {
        using var initialize = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox.BaseUri, "rest/documents?action=initializeUpload"))
        {
            Content = new StringContent($"{{\"initializeUploadRequest\":{{\"owner\":\"{session.Member}\"}}}}", Encoding.UTF8, "application/json"),
        };
        initialize.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        initialize.Headers.Add("LinkedIn-Version", LinkedInApiVersion.Default);
        initialize.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        using var initialized = await http.SendAsync(initialize);
        initialized.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await initialized.Content.ReadAsStringAsync());
        var uploadUrl = body.RootElement.GetProperty("value").GetProperty("uploadUrl").GetString()!;

        var watch = Stopwatch.StartNew();
        await using var file = File.OpenRead(path);
        using var put = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new StreamContent(file) };
        put.Content.Headers.ContentLength = file.Length;
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        using var response = await http.SendAsync(put);
        response.EnsureSuccessStatusCode();
        return watch.Elapsed;
    }

    private static Task<UploadedMedia> OursAsync(Session session, string path, PhaseClock phases)
    {
        var uploader = new MediaUploader(session.Client) { MaxVideoBytes = long.MaxValue }; // LinkedIn's ceiling is 500 MB; the sandbox takes 5 GiB
        var options = new MediaUploadOptions { PollInterval = TimeSpan.FromMilliseconds(50), ProcessingTimeout = TimeSpan.FromMinutes(5), MaxParallelParts = ParallelParts };
        return uploader.UploadAsync(path, session.Member, options, phases);
    }

    /// <summary>A member, a token and a client on the sandbox.</summary>
    private sealed class Session : IDisposable
    {
        private Session(LinkedInUrn member, string token, LinkedInClient client)
        {
            Member = member;
            Token = token;
            Client = client;
        }

        public LinkedInUrn Member { get; }

        public string Token { get; }

        public LinkedInClient Client { get; }

        public static async Task<Session> StartAsync(SandboxServer sandbox)
        {
            foreach (var kind in Enum.GetValues<SandboxMediaKind>())
            {
                await sandbox.Admin.SetProcessingTimeAsync(kind, TimeSpan.Zero);
            }
            var member = await sandbox.Admin.CreateMemberAsync("Benchmark");
            var token = await sandbox.Admin.CreateTokenAsync(member.Urn, ["w_member_social"]);
            var client = new LinkedInClient(new StaticAccessTokenSource(token), new LinkedInClientOptions
            {
                Endpoints = LinkedInEndpoints.ForSandbox(sandbox.BaseUri),
                RequestTimeout = TimeSpan.FromMinutes(2),
            });
            return new Session(LinkedInUrn.Parse(member.Urn), token, client);
        }

        public void Dispose() => Client.Dispose();
    }

    /// <summary>When each upload stage was first reported.</summary>
    private sealed class PhaseClock : IProgress<UploadProgress>
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly Dictionary<UploadStage, TimeSpan> _first = new();

        public void Report(UploadProgress value)
        {
            lock (_first)
            {
                _first.TryAdd(value.Stage, _watch.Elapsed);
            }
        }

        public TimeSpan Between(UploadStage from, UploadStage to)
        {
            lock (_first)
            {
                return _first[to] - _first[from];
            }
        }
    }

    private readonly record struct MemoryGrowth(long WorkingSet, long Private, long GcHeap);

    /// <summary>Samples the process's working set, private bytes and GC heap every 50 ms; keeps the peaks.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Process _process = Process.GetCurrentProcess();
        private readonly object _sync = new();
        private readonly Timer _timer;
        private readonly MemoryGrowth _start;
        private MemoryGrowth _peak;

        private MemorySampler()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            _start = _peak = Read();
            _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
        }

        public static MemorySampler Start() => new();

        public MemoryGrowth Stop()
        {
            _timer.Dispose();
            Sample();
            lock (_sync)
            {
                return new MemoryGrowth(_peak.WorkingSet - _start.WorkingSet, _peak.Private - _start.Private, _peak.GcHeap - _start.GcHeap);
            }
        }

        public void Dispose()
        {
            _timer.Dispose();
            _process.Dispose();
        }

        private void Sample()
        {
            lock (_sync)
            {
                var now = Read();
                _peak = new MemoryGrowth(Math.Max(_peak.WorkingSet, now.WorkingSet), Math.Max(_peak.Private, now.Private), Math.Max(_peak.GcHeap, now.GcHeap));
            }
        }

        private MemoryGrowth Read()
        {
            _process.Refresh();
            return new MemoryGrowth(_process.WorkingSet64, _process.PrivateMemorySize64, GC.GetTotalMemory(false));
        }
    }
}
