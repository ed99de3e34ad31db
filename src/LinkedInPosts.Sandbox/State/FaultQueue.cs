namespace LinkedInPosts.Sandbox.State;

/// <summary>Armed faults, first armed first used. Call only under <see cref="SandboxState.Sync"/>.</summary>
internal sealed class FaultQueue
{
    private readonly List<(SandboxFault Fault, int Remaining)> _armed = new();

    public void Add(SandboxFault fault) => _armed.Add((Copy(fault), fault.Count));

    /// <summary>Uses up one shot of the first fault matching this request, or returns null.</summary>
    public SandboxFault? Take(string method, string path)
    {
        for (var i = 0; i < _armed.Count; i++)
        {
            var (fault, remaining) = _armed[i];
            var methodMatches = fault.Method is null || string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase);
            if (!methodMatches || !path.StartsWith(fault.Path, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (remaining <= 1)
            {
                _armed.RemoveAt(i);
            }
            else
            {
                _armed[i] = (fault, remaining - 1);
            }
            return Copy(fault);
        }
        return null;
    }

    public void Clear() => _armed.Clear();

    // Copies, so a caller changing its object after arming it cannot change the armed fault.
    private static SandboxFault Copy(SandboxFault f) => new()
    {
        Method = f.Method,
        Path = f.Path,
        Count = f.Count,
        Status = f.Status,
        Body = f.Body,
        RetryAfterSeconds = f.RetryAfterSeconds,
        DelayMilliseconds = f.DelayMilliseconds,
        Drop = f.Drop,
        HoldAfterStoreMilliseconds = f.HoldAfterStoreMilliseconds,
    };
}
