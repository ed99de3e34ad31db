namespace LinkedInPosts.Sandbox;

/// <summary>A post exactly as the sandbox stored it, for tests to compare with what the client sent.</summary>
public sealed class SandboxStoredPost
{
    /// <summary>The post URN, e.g. <c>urn:li:share:7045020441609936898</c>.</summary>
    public string Urn { get; init; } = "";

    /// <summary>Person or organization URN.</summary>
    public string Author { get; init; } = "";

    /// <summary>The commentary as stored: the little text as sent, cut at the first unescaped reserved character.</summary>
    public string Commentary { get; init; } = "";

    /// <summary>The commentary exactly as received, so a test can see what truncation removed.</summary>
    public string SentCommentary { get; init; } = "";

    /// <summary>PUBLIC, CONNECTIONS, LOGGED_IN or CONTAINER.</summary>
    public string Visibility { get; init; } = "";

    /// <summary>MAIN_FEED or NONE.</summary>
    public string FeedDistribution { get; init; } = "";

    /// <summary>PUBLISHED on create; a partial update may change it.</summary>
    public string LifecycleState { get; init; } = "";

    /// <summary>As sent (false when omitted).</summary>
    public bool IsReshareDisabledByAuthor { get; init; }

    /// <summary>Sandbox-clock time of creation.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Sandbox-clock time of the last change.</summary>
    public DateTimeOffset LastModifiedAt { get; init; }

    /// <summary>True once deleted; deleted posts stay stored because duplicate detection still sees them.</summary>
    public bool Deleted { get; init; }

    /// <summary>
    /// The <c>content</c> object exactly as accepted (one of media, multiImage, article or poll), as compact
    /// JSON; null for a post without content. Article and poll texts are plain strings, never cut.
    /// </summary>
    public string? ContentJson { get; init; }

    /// <summary>The post this one reshares (<c>reshareContext.parent</c>), or null.</summary>
    public string? ReshareParent { get; init; }
}
