namespace LinkedInPosts.Sandbox.State;

/// <summary>The answers held back right now by hold faults. Call only under <see cref="SandboxState.Sync"/>.</summary>
internal sealed class HeldResponses
{
    private readonly List<SandboxHeldResponse> _held = new();

    public void Add(SandboxHeldResponse held) => _held.Add(held);

    public void Remove(SandboxHeldResponse held) => _held.Remove(held);

    public IReadOnlyList<SandboxHeldResponse> Snapshot() => _held.ToList();
}
