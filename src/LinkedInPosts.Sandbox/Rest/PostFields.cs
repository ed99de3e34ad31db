namespace LinkedInPosts.Sandbox.Rest;

/// <summary>The Post schema's field names and enum symbols (linkedin-api.md 1.2 and 1.6).</summary>
internal static class PostFields
{
    public static readonly string[] Visibilities = ["PUBLIC", "CONNECTIONS", "LOGGED_IN", "CONTAINER"];

    public static readonly string[] FeedDistributions = ["MAIN_FEED", "NONE"];

    public static readonly string[] LifecycleStates = ["DRAFT", "PUBLISHED", "PUBLISH_REQUESTED", "PUBLISH_FAILED"];

    public static readonly string[] CallToActionLabels =
    [
        "APPLY", "DOWNLOAD", "VIEW_QUOTE", "LEARN_MORE", "SIGN_UP", "SUBSCRIBE", "REGISTER", "JOIN", "ATTEND",
        "REQUEST_DEMO", "SEE_MORE",
    ];

    /// <summary>Optional on create and stored verbatim.</summary>
    public static readonly string[] OptionalOnCreate =
        ["content", "contentLandingPage", "contentCallToActionLabel", "container", "adContext", "reshareContext"];

    /// <summary>Set by LinkedIn only.</summary>
    public static readonly string[] ReadOnly = ["id", "createdAt", "lastModifiedAt", "publishedAt", "lifecycleStateInfo"];

    /// <summary>What a PARTIAL_UPDATE may $set; media, content and everything else cannot change.</summary>
    public static readonly string[] Updatable =
        ["commentary", "contentCallToActionLabel", "contentLandingPage", "reshareContext", "lifecycleState", "adContext"];

    /// <summary>What a PARTIAL_UPDATE may $delete: the updatable fields that are optional.</summary>
    public static readonly string[] Deletable = ["contentCallToActionLabel", "contentLandingPage", "reshareContext", "adContext"];
}
