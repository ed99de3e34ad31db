namespace LinkedInPosts.Sandbox;

/// <summary>The three media APIs LinkedIn has (linkedin-api.md 3): each has its own URN type and upload rules.</summary>
public enum SandboxMediaKind
{
    /// <summary><c>/rest/images</c>, <c>urn:li:image:…</c>: one PUT of the whole file.</summary>
    Image,

    /// <summary><c>/rest/documents</c>, <c>urn:li:document:…</c>: one PUT of the whole file.</summary>
    Document,

    /// <summary><c>/rest/videos</c>, <c>urn:li:video:…</c>: one PUT per 4 MiB part, then finalizeUpload.</summary>
    Video,
}
