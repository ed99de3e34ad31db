namespace LinkedInPosts.Sandbox;

/// <summary>How a <see cref="SandboxServer"/> starts.</summary>
public sealed class SandboxOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free one (what tests want).</summary>
    public int Port { get; set; } = 0;

    /// <summary>Calls per member per day on /rest/*; LinkedIn documents 150 for Share on LinkedIn.</summary>
    public int MemberDailyLimit { get; set; } = 150;

    /// <summary>Where the sandbox clock starts (it then runs at real speed); null means the real now.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>When false, one line per API request is written to the console (standalone use).</summary>
    public bool Quiet { get; set; } = true;

    /// <summary>
    /// Where this instance creates its own folder for uploaded media (deleted when the server is disposed);
    /// null means the system's temporary folder.
    /// </summary>
    public string? MediaRoot { get; set; }
}
