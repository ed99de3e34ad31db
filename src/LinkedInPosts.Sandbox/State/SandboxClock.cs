namespace LinkedInPosts.Sandbox.State;

/// <summary>
/// The sandbox's "now". It runs at real speed from an instant that can be set or advanced, so a user
/// can jump to the day a version sunsets or a token expires. Everything time-dependent reads this
/// clock: token expiry, version activity, daily limits, the duplicate window and post timestamps.
/// It holds one atomic offset, so it needs no lock of its own.
/// </summary>
internal sealed class SandboxClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset? _startTime;
    private long _offsetTicks;

    public SandboxClock(TimeProvider real, DateTimeOffset? startTime)
    {
        _real = real;
        _startTime = startTime;
        Restart();
    }

    public override DateTimeOffset GetUtcNow() => _real.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - _real.GetUtcNow()).Ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Back to where the server started: the configured start time, or the real time.</summary>
    public void Restart()
    {
        if (_startTime is { } start)
        {
            Set(start);
        }
        else
        {
            Interlocked.Exchange(ref _offsetTicks, 0);
        }
    }
}
