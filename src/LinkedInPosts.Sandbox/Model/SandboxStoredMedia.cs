namespace LinkedInPosts.Sandbox;

/// <summary>An image, document or video as the sandbox holds it, for tests to check that bytes arrived exactly.</summary>
public sealed class SandboxStoredMedia
{
    /// <summary><c>urn:li:image:…</c>, <c>urn:li:document:…</c> or <c>urn:li:video:…</c>.</summary>
    public string Urn { get; init; } = "";

    /// <summary>Which API the media belongs to.</summary>
    public SandboxMediaKind Kind { get; init; }

    /// <summary>The person or organization URN given as owner at initializeUpload.</summary>
    public string Owner { get; init; } = "";

    /// <summary>As the status endpoint shows it now: WAITING_UPLOAD, PROCESSING, AVAILABLE or PROCESSING_FAILED.</summary>
    public string Status { get; init; } = "";

    /// <summary>
    /// Bytes of the whole file: for images and documents once uploaded, for videos once finalized
    /// (the assembled parts); null before.
    /// </summary>
    public long? SizeBytes { get; init; }

    /// <summary>Lowercase hex SHA-256 of the whole file (assembled, for videos); null while <see cref="SizeBytes"/> is.</summary>
    public string? Sha256 { get; init; }

    /// <summary>How many upload URLs initializeUpload handed out: 1 for images and documents, one per 4 MiB for videos.</summary>
    public int PartCount { get; init; }

    /// <summary>How many of those URLs have received their bytes.</summary>
    public int UploadedPartCount { get; init; }

    /// <summary>Why processing fails or failed (forced by the admin API, or the bytes are not the expected format); null otherwise.</summary>
    public string? ProcessingFailureReason { get; init; }
}
