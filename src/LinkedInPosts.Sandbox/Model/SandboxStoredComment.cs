namespace LinkedInPosts.Sandbox;

/// <summary>A comment exactly as the sandbox stored it.</summary>
public sealed class SandboxStoredComment
{
    /// <summary>The comment id, as sent in <c>x-restli-id</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary><c>urn:li:comment:(&lt;post urn&gt;,&lt;id&gt;)</c>.</summary>
    public string Urn { get; init; } = "";

    /// <summary>The post commented on.</summary>
    public string PostUrn { get; init; } = "";

    /// <summary>Who comments: the member, or an organization they comment for.</summary>
    public string Actor { get; init; } = "";

    /// <summary>The member whose token made the call (the same as <see cref="Actor"/> unless an organization comments).</summary>
    public string Agent { get; init; } = "";

    /// <summary>The text exactly as received; comments are not little text, so nothing is unescaped or cut.</summary>
    public string Text { get; init; } = "";

    /// <summary>Sandbox-clock time of creation.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
