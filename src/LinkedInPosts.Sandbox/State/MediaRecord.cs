namespace LinkedInPosts.Sandbox.State;

/// <summary>
/// An image, document or video from initializeUpload on. Mutable only under <see cref="SandboxState.Sync"/>.
/// Its status is not stored but read against the sandbox clock, so moving the clock moves processing along.
/// </summary>
internal sealed class MediaRecord
{
    public const string WaitingUpload = "WAITING_UPLOAD";
    public const string Processing = "PROCESSING";
    public const string Available = "AVAILABLE";
    public const string ProcessingFailed = "PROCESSING_FAILED";

    public required string Urn { get; init; }
    public required SandboxMediaKind Kind { get; init; }
    public required string Owner { get; init; }
    public required long Sequence { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UploadUrlsExpireAt { get; init; }

    /// <summary>fileSizeBytes as declared at initializeUpload (videos only).</summary>
    public long? DeclaredSize { get; init; }

    /// <summary>The upload URLs handed out, in instruction order.</summary>
    public List<UploadSlot> Slots { get; } = new();

    /// <summary>Opaque id in this media's download URL.</summary>
    public required string DownloadId { get; init; }

    /// <summary>The whole file once uploaded (images, documents) or finalized and assembled (videos).</summary>
    public string? FilePath { get; set; }
    public long? SizeBytes { get; set; }
    public string? Sha256 { get; set; }
    public string ContentType { get; set; } = "application/octet-stream";
    public (int Width, int Height)? Dimensions { get; set; }

    /// <summary>Set while finalizeUpload assembles the parts outside the lock; parts cannot change meanwhile.</summary>
    public bool Finalizing { get; set; }

    /// <summary>The ETags a successful finalizeUpload got, so a retried finalize with the same list answers 200 again.</summary>
    public IReadOnlyList<string>? FinalizedPartIds { get; set; }

    /// <summary>When processing ends; null while waiting for the upload (or, for videos, for finalizeUpload).</summary>
    public DateTimeOffset? ProcessingEndsAt { get; set; }

    /// <summary>Why processing fails (or failed); null when it succeeds. Known before the status shows it.</summary>
    public string? FailureReason { get; set; }

    public bool IsUploaded => ProcessingEndsAt is not null;

    public string Status(DateTimeOffset now) => ProcessingEndsAt switch
    {
        null => WaitingUpload,
        { } ends when now < ends => Processing,
        _ => FailureReason is null ? Available : ProcessingFailed,
    };

    public SandboxStoredMedia ToPublic(DateTimeOffset now) => new()
    {
        Urn = Urn,
        Kind = Kind,
        Owner = Owner,
        Status = Status(now),
        SizeBytes = SizeBytes,
        Sha256 = Sha256,
        PartCount = Slots.Count,
        UploadedPartCount = Slots.Count(s => s.Sha256 is not null),
        ProcessingFailureReason = FailureReason,
    };
}

/// <summary>One upload URL: the whole file of an image or document, or one byte range of a video.</summary>
internal sealed class UploadSlot
{
    public required string Id { get; init; }
    public required MediaRecord Media { get; init; }
    public required int Index { get; init; }

    /// <summary>Inclusive byte range of a video part; both null for images and documents (any length).</summary>
    public long? FirstByte { get; init; }
    public long? LastByte { get; init; }

    public long? ExpectedLength => FirstByte is { } first && LastByte is { } last ? last - first + 1 : null;

    /// <summary>What arrived, once something did.</summary>
    public string? Path { get; set; }
    public long ReceivedBytes { get; set; }
    public string? Sha256 { get; set; }

    /// <summary>The ETag answered for a video part (null for images and documents).</summary>
    public string? ETag { get; set; }

    public string Describe() => FirstByte is { } first
        ? $"part {Index + 1} of {Media.Slots.Count} (bytes {first}-{LastByte})"
        : "the file";
}
