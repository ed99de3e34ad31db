using System.Collections.Concurrent;
using System.Reflection;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// The runner writes to the queue on a background lane while its create calls are in flight (docs/queue.md, "The
/// store lane"). What must still hold: no create call before its post's Sending is committed, however slow that
/// commit, and every created post recorded when the run returns.
/// </summary>
public sealed class StoreLaneTests
{
    [Fact]
    public async Task Every_create_call_finds_its_post_Sending_in_the_queue_file_even_when_the_windows_commit_is_slower_than_the_calls_before_it()
    {
        await using var world = await RunnerHarness.StartAsync();
        var keys = new[] { "w1-a", "w1-b", "w2-a", "w2-b", "w3-a" };
        for (var i = 0; i < keys.Length; i++)
        {
            world.Register(keys[i], "Lane post " + keys[i], world.Now.AddMinutes(-10 + i));
        }
        // Each create is stored by the sandbox, then its answer is held back for 300 ms: meanwhile the test looks
        // at the queue file from its own connection, as another process would, and notes the post's state. (150 ms
        // was too short once in a full run under load: the watcher's poll missed one held create.)
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", HoldAfterStoreMilliseconds = 300, Count = keys.Length });
        // Each window's durable commit takes a second, longer than the two calls (2 x 300 ms) of the window before it.
        var store = SlowWindowMarks.Wrap(world.Store, TimeSpan.FromMilliseconds(1000));
        var runner = new QueueRunner(store, world.Connections, Options(world, sendWindow: 2));

        var seen = new ConcurrentDictionary<string, string>();
        using var stop = new CancellationTokenSource();
        var watcher = WatchHeldCreatesAsync(world, seen, stop.Token);
        var report = await runner.RunAsync();
        stop.Cancel();
        await watcher;

        Assert.Equal(keys.Length, report.Published);
        Assert.Equal(keys.Length, (await world.PostsOnceAsync()).Count);
        Assert.Equal(keys.OrderBy(k => k), seen.Keys.OrderBy(k => k));
        Assert.All(seen, pair => Assert.True(pair.Value == "Sending", $"{pair.Key} was {pair.Value} in the queue file while LinkedIn created it"));
        // Recorded when the run returns, not just reported.
        Assert.All(keys, key => Assert.Equal(QueueState.Published, world.Get(key).State));
        Assert.Equal(report.Posts.Select(p => p.PostUrn).OrderBy(u => u), keys.Select(k => world.Get(k).PostUrn).OrderBy(u => u));
    }

    [Fact]
    public async Task Posts_created_but_not_yet_recorded_are_Sending_on_disk_and_a_run_that_dies_there_leaves_them_for_evidence_which_finds_each_once()
    {
        await using var world = await RunnerHarness.StartAsync(canReadBack: true);
        world.Register("a", "Created, recording never committed", world.Now.AddMinutes(-2));
        world.Register("b", "Created too, recording never committed", world.Now.AddMinutes(-1));
        // The run's window recording fails as a dying process's would: never committed.
        var store = FailingRecording.Wrap(world.Store);

        await Assert.ThrowsAsync<LinkedInPosts.Core.Errors.LinkedInQueueException>(() => new QueueRunner(store, world.Connections, Options(world, sendWindow: 20)).RunAsync());

        Assert.All(new[] { "a", "b" }, key => Assert.Equal(QueueState.Sending, world.Get(key).State));
        Assert.Equal(2, await world.CreateCallsAsync());
        world.Queue.Clock.Advance(world.Options.Lease + TimeSpan.FromMinutes(1));

        var report = await world.RunAsync();

        Assert.Equal(2, report.Published);
        Assert.All(report.Posts, p => Assert.True(p.ResolvedByEvidence));
        Assert.Equal(2, (await world.PostsOnceAsync()).Count);
        Assert.Equal(2, await world.CreateCallsAsync());
    }

    [Fact]
    public async Task A_run_cancelled_while_the_next_window_is_marked_and_the_next_batch_claimed_returns_them_all_to_Pending_unsent()
    {
        await using var world = await RunnerHarness.StartAsync();
        for (var i = 0; i < 12; i++)
        {
            world.Register($"p{i:00}", $"Cancelled run, post {i}", world.Now.AddMinutes(-20 + i));
        }
        // The 3rd create is slow, and the run is stopped during it. By then the next window (p04, p05) is marked
        // Sending ahead and the next batch (p06..p11) claimed ahead, on the lane.
        var seen = new List<QueuePostResult>();
        using var stop = new CancellationTokenSource();
        var progress = new Progress(result =>
        {
            seen.Add(result);
            if (seen.Count == 2)
            {
                // Reported as p01's answer comes, before p02's create starts: that one takes 3 s, and is stopped.
                world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", DelayMilliseconds = 3000, Count = 1 }).GetAwaiter().GetResult();
                stop.CancelAfter(TimeSpan.FromMilliseconds(500));
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new QueueRunner(world.Store, world.Connections, Options(world, sendWindow: 2, batchSize: 6)).RunAsync(progress, stop.Token));

        Assert.Equal(new[] { "p00", "p01" }, seen.Select(r => r.Key));
        Assert.All(new[] { "p00", "p01" }, key => Assert.Equal(QueueState.Published, world.Get(key).State));
        Assert.Equal(QueueState.Sending, world.Get("p02").State); // cancelled during its call: its outcome is unknown
        foreach (var key in Enumerable.Range(3, 9).Select(i => $"p{i:00}"))
        {
            var post = world.Get(key);
            Assert.True((post.State, post.Attempts, post.ClaimToken) == (QueueState.Pending, 0, null), $"{key} is {post.State} with {post.Attempts} attempts and claim {post.ClaimToken}");
            Assert.Empty(world.Attempts(key));
        }
        Assert.True((await world.Admin.GetPostsAsync()).Count <= 3); // p00, p01 and at most the one in flight
    }

    private static QueueRunOptions Options(RunnerHarness world, int sendWindow, int batchSize = 50)
    {
        var options = world.Options.Copy();
        options.SendWindow = sendWindow;
        options.BatchSize = batchSize;
        return options;
    }

    private sealed class Progress : IProgress<QueuePostResult>
    {
        private readonly Action<QueuePostResult> _report;

        public Progress(Action<QueuePostResult> report) => _report = report;

        public void Report(QueuePostResult value) => _report(value);
    }

    private static async Task WatchHeldCreatesAsync(RunnerHarness world, ConcurrentDictionary<string, string> seen, CancellationToken stop)
    {
        using var queue = TestQueue.RawConnection(world.Queue.QueuePath);
        while (!stop.IsCancellationRequested)
        {
            foreach (var held in await world.Admin.GetHeldResponsesAsync(CancellationToken.None))
            {
                if (held.RestLiId == null)
                {
                    continue;
                }
                var stored = (await world.Admin.GetPostsAsync()).Single(p => p.Urn == held.RestLiId);
                var key = stored.Commentary.Substring("Lane post ".Length);
                using var read = queue.CreateCommand();
                read.CommandText = "SELECT state FROM posts WHERE key = $key;";
                read.Parameters.AddWithValue("$key", key);
                seen.TryAdd(key, (string)read.ExecuteScalar()!);
            }
            try
            {
                await Task.Delay(15, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>The store, with MarkSendingWindow taking <c>delay</c> longer (a slow disk's fsync).</summary>
    public class SlowWindowMarks : DispatchProxy
    {
        private IQueueStore _inner = null!;
        private TimeSpan _delay;

        public static IQueueStore Wrap(IQueueStore inner, TimeSpan delay)
        {
            var proxy = Create<IQueueStore, SlowWindowMarks>();
            var slow = (SlowWindowMarks)(object)proxy;
            slow._inner = inner;
            slow._delay = delay;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IQueueStore.MarkSendingWindow))
            {
                Thread.Sleep(_delay);
            }
            return Forward(targetMethod, _inner, args);
        }
    }

    /// <summary>The store, with the window recording of Published (MarkPublished of a list) failing as an unwritable file would.</summary>
    public class FailingRecording : DispatchProxy
    {
        private IQueueStore _inner = null!;

        public static IQueueStore Wrap(IQueueStore inner)
        {
            var proxy = Create<IQueueStore, FailingRecording>();
            ((FailingRecording)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IQueueStore.MarkPublished) && args![0] is IReadOnlyList<PublishedCall>)
            {
                throw new LinkedInPosts.Core.Errors.LinkedInQueueException(LinkedInPosts.Core.Errors.QueueFailure.Unavailable, "The disk went away (test).");
            }
            return Forward(targetMethod, _inner, args);
        }
    }

    private static object? Forward(MethodInfo method, IQueueStore inner, object?[]? args)
    {
        try
        {
            return method.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
