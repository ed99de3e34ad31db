using System.Text.Json.Nodes;

namespace LinkedInPosts.Sandbox.State;

/// <summary>A stored post. Mutable only under <see cref="SandboxState.Sync"/>.</summary>
internal sealed class PostRecord
{
    public required string Urn { get; init; }
    public required string Author { get; init; }
    public required long Sequence { get; init; }
    public required string Commentary { get; set; }
    public required string SentCommentary { get; set; }
    public required string Visibility { get; init; }
    public required string FeedDistribution { get; init; }
    public required JsonArray TargetEntities { get; init; }
    public required JsonArray ThirdPartyDistributionChannels { get; init; }
    public required string LifecycleState { get; set; }
    public required bool IsReshareDisabledByAuthor { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; set; }
    public required DateTimeOffset LastModifiedAt { get; set; }
    public bool IsEditedByAuthor { get; set; }
    public bool Deleted { get; set; }

    /// <summary>
    /// Optional fields kept verbatim (content, contentLandingPage, contentCallToActionLabel, container,
    /// adContext) and echoed back; reshareContext is kept with LinkedIn's <c>root</c> filled in.
    /// </summary>
    public Dictionary<string, JsonNode> Optional { get; } = new(StringComparer.Ordinal);

    public SandboxStoredPost ToPublic() => new()
    {
        Urn = Urn,
        Author = Author,
        Commentary = Commentary,
        SentCommentary = SentCommentary,
        Visibility = Visibility,
        FeedDistribution = FeedDistribution,
        LifecycleState = LifecycleState,
        IsReshareDisabledByAuthor = IsReshareDisabledByAuthor,
        CreatedAt = CreatedAt,
        LastModifiedAt = LastModifiedAt,
        Deleted = Deleted,
        ContentJson = Optional.TryGetValue("content", out var content) ? content.ToJsonString(SandboxJson.Options) : null,
        ReshareParent = Optional.TryGetValue("reshareContext", out var reshare) ? (string?)reshare["parent"] : null,
    };
}

