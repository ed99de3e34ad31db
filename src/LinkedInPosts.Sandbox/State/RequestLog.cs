namespace LinkedInPosts.Sandbox.State;

/// <summary>
/// The API requests seen, oldest first. Bounded, so a sandbox left running for weeks does not grow
/// without end. Call only under <see cref="SandboxState.Sync"/>.
/// </summary>
internal sealed class RequestLog
{
    public const int Capacity = 10_000;

    private readonly Queue<SandboxRequestRecord> _records = new();

    public void Add(SandboxRequestRecord record)
    {
        if (_records.Count == Capacity)
        {
            _records.Dequeue();
        }
        _records.Enqueue(record);
    }

    public IReadOnlyList<SandboxRequestRecord> Snapshot() => _records.ToList();

    public void Clear() => _records.Clear();
}
