using Microsoft.Extensions.Time.Testing;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// A client clock in the queue's fake time whose waits take no real time: every timer moves the fake clock on
/// by its due time, from another thread, once <c>duringWait</c> has run. So a processing wait of many minutes
/// passes in milliseconds, the queue sees those minutes go by, and the test can act "during" the wait.
/// </summary>
internal sealed class InstantWaitClock : TimeProvider
{
    private readonly FakeTimeProvider _time;
    private readonly Action<TimeSpan> _duringWait;

    public InstantWaitClock(FakeTimeProvider time, Action<TimeSpan> duringWait)
    {
        _time = time;
        _duringWait = duringWait;
    }

    public override DateTimeOffset GetUtcNow() => _time.GetUtcNow();

    public override long GetTimestamp() => _time.GetTimestamp();

    public override long TimestampFrequency => _time.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _time.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _time.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            // Not on the caller's thread: the timer must be returned (and awaited) before it fires.
            _ = Task.Run(() =>
            {
                try
                {
                    _duringWait(dueTime);
                }
                finally
                {
                    _time.Advance(dueTime); // else the wait, and the test, would never end
                }
            });
        }
        return timer;
    }
}
