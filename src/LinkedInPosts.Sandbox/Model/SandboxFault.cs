namespace LinkedInPosts.Sandbox;

/// <summary>
/// A fault armed for the next <see cref="Count"/> API requests whose method and path match.
/// Faults act before the header, auth and limit checks, as infrastructure failures do.
/// </summary>
public sealed class SandboxFault
{
    /// <summary>HTTP method to match (case-insensitive); null matches any.</summary>
    public string? Method { get; set; }

    /// <summary>Path prefix to match against the decoded request path (case-insensitive).</summary>
    public string Path { get; set; } = "/rest/posts";

    /// <summary>How many matching requests get the fault.</summary>
    public int Count { get; set; } = 1;

    /// <summary>Answer with this status and LinkedIn's usual body for it, instead of handling the request.</summary>
    public int? Status { get; set; }

    /// <summary>Send this body verbatim (as JSON) instead of the usual one for <see cref="Status"/>.</summary>
    public string? Body { get; set; }

    /// <summary>Adds a Retry-After header (seconds); LinkedIn documents none, so it is off by default.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Real milliseconds to wait before handling, to make client timeouts happen.</summary>
    public int DelayMilliseconds { get; set; }

    /// <summary>Whether, and when, to abort the connection.</summary>
    public SandboxDrop Drop { get; set; } = SandboxDrop.None;

    /// <summary>
    /// Real milliseconds to hold the answer back after the request was handled (a post stored): the
    /// client waits while the post already exists, so a test can kill it between LinkedIn storing a post
    /// and the client recording it. Held answers are listed by <c>GET /sandbox/held</c>. Cannot be
    /// combined with <see cref="Status"/> or <see cref="Drop"/>.
    /// </summary>
    public int HoldAfterStoreMilliseconds { get; set; }
}
