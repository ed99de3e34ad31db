namespace LinkedInPosts.Sandbox;

/// <summary>
/// An answer that a <see cref="SandboxFault.HoldAfterStoreMilliseconds"/> fault is keeping back: the request
/// was handled (for a create, the post is stored) and its client is still waiting for the answer.
/// </summary>
public sealed class SandboxHeldResponse
{
    /// <summary>HTTP method.</summary>
    public string Method { get; init; } = "";

    /// <summary>The decoded request path.</summary>
    public string Path { get; init; } = "";

    /// <summary>The status the answer will carry when it is let out, e.g. 201.</summary>
    public int Status { get; init; }

    /// <summary>The answer's <c>x-restli-id</c> (a created post's URN), or null when it has none.</summary>
    public string? RestLiId { get; init; }

    /// <summary>Sandbox-clock time the hold began.</summary>
    public DateTimeOffset Since { get; init; }
}
