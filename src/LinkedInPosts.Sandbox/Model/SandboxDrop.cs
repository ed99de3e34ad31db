namespace LinkedInPosts.Sandbox;

/// <summary>Whether a fault cuts the connection, and when.</summary>
public enum SandboxDrop
{
    /// <summary>The connection is not cut.</summary>
    None,

    /// <summary>The connection is aborted before the request is handled: nothing is stored.</summary>
    BeforeStore,

    /// <summary>
    /// The request is handled (a post is stored) and then the connection is aborted, so the client
    /// never sees the answer: the "unknown outcome" a publisher must resolve without posting twice.
    /// </summary>
    AfterStore,
}
