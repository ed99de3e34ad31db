namespace LinkedInPosts.Sandbox.State;

/// <summary>
/// LinkedIn's two daily counters, per member (per app) and per application, both resetting at
/// midnight UTC of the sandbox clock. Call only under <see cref="SandboxState.Sync"/>.
/// </summary>
internal sealed class DailyLimits
{
    /// <summary>Share on LinkedIn's documented application limit.</summary>
    public const int DefaultAppDailyLimit = 100_000;

    private readonly int _defaultMemberDailyLimit;
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private DateOnly _day;

    public DailyLimits(int defaultMemberDailyLimit)
    {
        _defaultMemberDailyLimit = defaultMemberDailyLimit;
        MemberDailyLimit = defaultMemberDailyLimit;
    }

    public int MemberDailyLimit { get; set; }

    public int AppDailyLimit { get; set; } = DefaultAppDailyLimit;

    /// <summary>Counts one call unless either counter is already at its limit; false means throttle.</summary>
    public bool TryCount(string applicationId, string memberUrn, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today != _day)
        {
            _counts.Clear();
            _day = today;
        }
        var memberKey = "member|" + applicationId + "|" + memberUrn;
        var appKey = "app|" + applicationId;
        if (_counts.GetValueOrDefault(memberKey) >= MemberDailyLimit || _counts.GetValueOrDefault(appKey) >= AppDailyLimit)
        {
            return false;
        }
        _counts[memberKey] = _counts.GetValueOrDefault(memberKey) + 1;
        _counts[appKey] = _counts.GetValueOrDefault(appKey) + 1;
        return true;
    }

    public void Clear()
    {
        _counts.Clear();
        MemberDailyLimit = _defaultMemberDailyLimit;
        AppDailyLimit = DefaultAppDailyLimit;
    }
}
