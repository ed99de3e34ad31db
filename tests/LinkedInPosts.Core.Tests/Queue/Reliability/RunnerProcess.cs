using System.Diagnostics;

namespace LinkedInPosts.Core.Tests.Queue.Reliability;

/// <summary>
/// One real runner process (tests/LinkedInPosts.QueueRunnerProbe) started with <c>--wait-go</c>: it opens the
/// queue and its client, says "ready", and runs QueueRunner only once <see cref="Go"/> is called, so a test
/// can keep a warm process waiting and control the moment it starts. Its output is collected line by line.
/// </summary>
internal sealed class RunnerProcess : IDisposable
{
    private readonly Process _process;
    private readonly object _sync = new();
    private readonly List<string> _lines = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _stdout;
    private readonly Task<string> _stderr;
    private int _results;
    private TaskCompletionSource _lineArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunnerProcess(Process process, string runnerId)
    {
        _process = process;
        RunnerId = runnerId;
        _stdout = Task.Run(ReadAsync);
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public string RunnerId { get; }

    /// <summary>Completes once the probe has opened the queue and waits for "go".</summary>
    public Task Ready => _ready.Task;

    public bool HasExited => _process.HasExited;

    /// <summary>How many "result" lines (posts finished) it printed so far.</summary>
    public int Results
    {
        get
        {
            lock (_sync)
            {
                return _results;
            }
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_sync)
            {
                return _lines.ToList();
            }
        }
    }

    /// <summary>The "result" lines split at tabs: result, id, key, outcome, state, urn, evidence|direct, attempts, errorId, message.</summary>
    public IReadOnlyList<string[]> ResultFields => Lines.Where(l => l.StartsWith("result\t", StringComparison.Ordinal)).Select(l => l.Split('\t')).ToList();

    public static RunnerProcess Start(string queuePath, Uri api, string member, string token, string runnerId, TimeSpan lease, TimeSpan timeout,
        int batch, bool readBack, bool untilSettled)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "LinkedInPosts.QueueRunnerProbe.dll");
        Assert.True(File.Exists(probe), "The runner probe was not built next to the tests: " + probe);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var arguments = new List<string>
        {
            probe, "run", "--queue", queuePath, "--api", api.ToString(), "--member", member, "--runner", runnerId,
            "--lease-ms", ((int)lease.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--timeout-ms", ((int)timeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--batch", batch.ToString(System.Globalization.CultureInfo.InvariantCulture), "--wait-go",
        };
        if (readBack)
        {
            arguments.Add("--read-back");
        }
        if (untilSettled)
        {
            arguments.Add("--until-settled");
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // The token goes by environment, as the probe expects; the queue path is explicit, never inherited.
        info.Environment["LINKEDINPOSTS_PROBE_TOKEN"] = token;
        info.Environment.Remove("LINKEDINPOSTS_QUEUE");
        info.Environment.Remove("LINKEDINPOSTS_HOME");
        // Dozens of short-lived processes on 2 shared cores: skip the profiling tier, which pays off only in long runs.
        info.Environment["DOTNET_TieredPGO"] = "0";
        return new RunnerProcess(Process.Start(info)!, runnerId);
    }

    /// <summary>Lets the waiting probe start its runs.</summary>
    public void Go()
    {
        _process.StandardInput.WriteLine("go");
        _process.StandardInput.Flush();
    }

    /// <summary>Waits until the probe printed at least <paramref name="results"/> result lines, exited, or the time is up.</summary>
    public async Task WaitForResultsAsync(int results, TimeSpan cap)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Task arrived;
            lock (_sync)
            {
                if (_results >= results || _process.HasExited)
                {
                    return;
                }
                arrived = _lineArrived.Task;
            }
            var left = cap - deadline.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return;
            }
            await Task.WhenAny(arrived, Task.Delay(left));
        }
    }

    /// <summary>SIGKILL: no finally block, no flush, no lease given back, as when a machine loses power.</summary>
    /// <returns>Whether the process was still running when it was killed.</returns>
    public async Task<bool> KillAsync()
    {
        var running = !_process.HasExited;
        try
        {
            _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            running = false; // it had exited just before
        }
        await WaitForExitAsync(TimeSpan.FromSeconds(30));
        return running;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{RunnerId} did not exit within {timeout.TotalSeconds} s. Output:\n{Describe()}");
        }
        await _stdout;
        return _process.ExitCode;
    }

    public string Describe() =>
        string.Join("\n", Lines.TakeLast(40)) + (_stderr.IsCompleted ? "\nstderr: " + _stderr.Result : "");

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            TaskCompletionSource arrived;
            lock (_sync)
            {
                _lines.Add(line);
                if (line.StartsWith("result\t", StringComparison.Ordinal))
                {
                    _results++;
                }
                arrived = _lineArrived;
                _lineArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            if (line == "ready")
            {
                _ready.TrySetResult();
            }
            arrived.TrySetResult();
        }
        _ready.TrySetException(new InvalidOperationException($"{RunnerId} ended before it was ready:\n{string.Join("\n", Lines)}\n{await _stderr}"));
    }
}
