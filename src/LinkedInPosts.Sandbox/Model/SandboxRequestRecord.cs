namespace LinkedInPosts.Sandbox;

/// <summary>One API request as the sandbox saw it. The token is never recorded, only whether one was sent.</summary>
public sealed class SandboxRequestRecord
{
    /// <summary>HTTP method.</summary>
    public string Method { get; init; } = "";

    /// <summary>Path and query exactly as sent (still percent-encoded), with credential-like query values redacted.</summary>
    public string Path { get; init; } = "";

    /// <summary>Response status; 0 when the sandbox aborted the connection instead of answering.</summary>
    public int Status { get; init; }

    /// <summary>The LinkedIn-Version header, if any.</summary>
    public string? LinkedInVersion { get; init; }

    /// <summary>The X-Restli-Protocol-Version header, if any.</summary>
    public string? RestLiProtocolVersion { get; init; }

    /// <summary>The X-RestLi-Method header as sent (case preserved), if any.</summary>
    public string? RestLiMethod { get; init; }

    /// <summary>Whether an Authorization header was present.</summary>
    public bool HadAuthorization { get; init; }

    /// <summary>Sandbox-clock time the request arrived.</summary>
    public DateTimeOffset At { get; init; }
}
