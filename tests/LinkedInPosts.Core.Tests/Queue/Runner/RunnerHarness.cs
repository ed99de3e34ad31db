using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Core.Tests.Api;
using LinkedInPosts.Core.Tests.Media;
using LinkedInPosts.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// A runner test's world: an in-process sandbox over real HTTP whose clock starts where the queue's fake
/// clock does, a real SQLite queue, one connection "work" for the sandbox member, and a runner over them.
/// </summary>
internal sealed class RunnerHarness : IAsyncDisposable
{
    /// <summary>Active at the sandbox's (and the queue's) March 2026.</summary>
    public const string ApiVersion = "202602";

    private RunnerHarness(SandboxSession session, TestQueue queue, bool canReadBack)
    {
        Session = session;
        Queue = queue;
        Connections.Add("work", () => new QueueConnection("work", session.Client, session.Member.Urn) { CanReadBackPosts = canReadBack });
        Options = new QueueRunOptions
        {
            RunnerId = "test-runner",
            Clock = queue.Clock,
            Upload = MediaSandbox.Fast(),
        };
        Options.Random = new Random(12345);
    }

    public SandboxSession Session { get; }

    public SandboxAdminClient Admin => Session.Admin;

    public TestQueue Queue { get; }

    public IQueueStore Store => Queue.Store;

    public ScriptedConnections Connections { get; } = new();

    public QueueRunOptions Options { get; }

    public TempFolder Files { get; } = new();

    public LinkedInUrn Author => Session.MemberUrn;

    public DateTimeOffset Now => Queue.Clock.GetUtcNow();

    /// <summary>
    /// Starts the world. The client's clock is the queue's fake clock unless <paramref name="systemClientClock"/>
    /// (a throttle's retry time is then in queue time; media processing waits need a clock that moves), or
    /// <paramref name="clientClock"/> makes one from the queue's clock.
    /// </summary>
    public static async Task<RunnerHarness> StartAsync(bool canReadBack = false, Action<LinkedInClientOptions>? configure = null, bool systemClientClock = false,
        Func<FakeTimeProvider, TimeProvider>? clientClock = null)
    {
        var queue = new TestQueue();
        var session = await SandboxSession.StartAsync(
            configure: o =>
            {
                o.ApiVersion = ApiVersion;
                o.MaxRetries = 1;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                o.RequestTimeout = TimeSpan.FromSeconds(5);
                if (clientClock != null)
                {
                    o.Clock = clientClock(queue.Clock);
                }
                else if (!systemClientClock)
                {
                    o.Clock = queue.Clock;
                }
                configure?.Invoke(o);
            },
            sandboxOptions: new SandboxOptions { StartTime = TestQueue.Start });
        foreach (var kind in Enum.GetValues<SandboxMediaKind>())
        {
            await session.Admin.SetProcessingTimeAsync(kind, TimeSpan.Zero);
        }
        return new RunnerHarness(session, queue, canReadBack);
    }

    public QueueRunner Runner(Action<QueueRunOptions>? change = null)
    {
        var options = Options.Copy();
        change?.Invoke(options);
        return new QueueRunner(Store, Connections, options);
    }

    public async Task<QueueRunReport> RunAsync(Action<QueueRunOptions>? change = null, List<QueuePostResult>? progress = null)
    {
        IProgress<QueuePostResult>? sink = progress == null ? null : new SynchronousProgress(progress);
        return await Runner(change).RunAsync(sink);
    }

    /// <summary>Registers a post by the sandbox member, due at <paramref name="at"/> (default: now), and returns it as stored.</summary>
    public ScheduledPost Register(string key, string text, DateTimeOffset? at = null, PostContent? content = null, string? firstComment = null, string connection = "work", LinkedInUrn? author = null)
    {
        var request = new ScheduleRequest(new PostDraft(author ?? Author, text) { Content = content }, connection, at ?? Now, "Europe/Berlin")
        {
            Key = key,
            FirstComment = firstComment,
        };
        var registration = ScheduledPostBuilder.Build(request, Store.Media);
        var result = Assert.Single(Store.RegisterBatch(new[] { registration }));
        Assert.Equal(RegistrationOutcome.Added, result.Outcome);
        return Store.GetByKey(key)!;
    }

    public string Png(string name, int width = 40, int height = 30) => Files.Write(name, SampleFiles.Png(width, height));

    public ScheduledPost Get(string key) => Store.GetByKey(key)!;

    public IReadOnlyList<QueueAttempt> Attempts(string key) => Store.GetAttempts(Get(key).Id);

    public Task<IReadOnlyList<SandboxRequestRecord>> RequestsAsync(string method, string pathPrefix) => Session.RequestsAsync(method, pathPrefix);

    /// <summary>The create calls LinkedIn saw (POST /rest/posts, not the finder or comments).</summary>
    public async Task<int> CreateCallsAsync() => (await RequestsAsync("POST", "/rest/posts")).Count;

    /// <summary>The sandbox's posts, asserting that none exists twice (same author and text).</summary>
    public async Task<IReadOnlyList<SandboxStoredPost>> PostsOnceAsync()
    {
        var posts = await Admin.GetPostsAsync();
        foreach (var group in posts.GroupBy(p => (p.Author, p.SentCommentary)))
        {
            Assert.True(group.Count() == 1, $"'{group.Key.SentCommentary}' exists {group.Count()} times on the sandbox: {string.Join(", ", group.Select(p => p.Urn))}");
        }
        return posts;
    }

    /// <summary>What the dead run sent: the draft as LinkedIn would get it, created directly in the sandbox.</summary>
    public async Task<string> CreateDirectlyAsync(string text) => (await Session.Client.CreatePostAsync(new PostDraft(Author, text))).Urn;

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        Queue.Dispose();
        Files.Dispose();
    }

    /// <summary>Reports on the calling thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress : IProgress<QueuePostResult>
    {
        private readonly List<QueuePostResult> _into;

        public SynchronousProgress(List<QueuePostResult> into) => _into = into;

        public void Report(QueuePostResult value) => _into.Add(value);
    }
}
