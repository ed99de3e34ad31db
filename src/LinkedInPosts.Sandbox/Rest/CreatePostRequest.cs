using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>A create body that passed validation.</summary>
internal sealed record CreatePostRequest(
    string Author,
    string Commentary,
    string Visibility,
    string FeedDistribution,
    JsonArray TargetEntities,
    JsonArray ThirdPartyDistributionChannels,
    bool IsReshareDisabledByAuthor,
    IReadOnlyDictionary<string, JsonNode> Optional)
{
    /// <summary>
    /// Sponsored content as the Posts API knows it: a post with adContext, or a "dark" post kept out of the
    /// feed (feedDistribution NONE). MultiImage and poll content are for organic posts only.
    /// </summary>
    public bool IsSponsored => FeedDistribution == "NONE" || Optional.ContainsKey("adContext");

    /// <summary>
    /// Validates like LinkedIn: schema problems (missing, wrong type, unknown enum symbol, unknown or
    /// read-only field, author not a person or organization URN) are 422; a valid but disallowed
    /// value (lifecycleState other than PUBLISHED) is 400. Commentary length is checked later, with
    /// the same rule partial updates use.
    /// </summary>
    public static (CreatePostRequest? Request, LinkedInError? Error) Validate(JsonObject body)
    {
        var check = new SchemaCheck();
        foreach (var (name, _) in body)
        {
            if (PostFields.ReadOnly.Contains(name))
            {
                check.ReadOnly(name, "create");
            }
            else if (!IsCreateField(name))
            {
                check.Unrecognized(name);
            }
        }

        var author = check.String(body, "author", "author", required: true);
        if (author is not null && !Urns.IsAuthor(author))
        {
            check.Add("author", $"\"{author}\" is not a person or organization URN", "INVALID_URN");
        }
        var commentary = check.String(body, "commentary", "commentary", required: true);
        var visibility = check.Enum(body, "visibility", "visibility", required: true, PostFields.Visibilities);
        var lifecycleState = check.Enum(body, "lifecycleState", "lifecycleState", required: true, PostFields.LifecycleStates);
        var reshareDisabled = check.Boolean(body, "isReshareDisabledByAuthor", "isReshareDisabledByAuthor", required: false);

        string? feed = null;
        JsonArray? targets = null, channels = null;
        if (check.Object(body, "distribution", "distribution", required: true) is { } distribution)
        {
            foreach (var (name, _) in distribution)
            {
                if (name is not ("feedDistribution" or "targetEntities" or "thirdPartyDistributionChannels"))
                {
                    check.Unrecognized("distribution." + name);
                }
            }
            feed = check.Enum(distribution, "feedDistribution", "distribution.feedDistribution", required: true, PostFields.FeedDistributions);
            targets = check.Array(distribution, "targetEntities", "distribution.targetEntities", required: false);
            channels = check.Array(distribution, "thirdPartyDistributionChannels", "distribution.thirdPartyDistributionChannels", required: false);
        }

        check.Enum(body, "contentCallToActionLabel", "contentCallToActionLabel", required: false, PostFields.CallToActionLabels);
        check.String(body, "contentLandingPage", "contentLandingPage", required: false);
        check.String(body, "container", "container", required: false);
        if (check.Object(body, "content", "content", required: false) is { } content)
        {
            PostContent.CheckSchema(check, content);
        }
        check.Object(body, "adContext", "adContext", required: false);
        if (check.Object(body, "reshareContext", "reshareContext", required: false) is { } reshare)
        {
            PostContent.CheckReshareSchema(check, reshare, "reshareContext");
        }

        if (check.HasViolations)
        {
            return (null, check.ToError());
        }
        if (lifecycleState != "PUBLISHED")
        {
            return (null, LinkedInErrors.InvalidValue("lifecycleState",
                $"lifecycleState {lifecycleState} is not allowed on create; PUBLISHED is the only accepted value"));
        }

        var optional = PostFields.OptionalOnCreate
            .Where(body.ContainsKey)
            .Where(name => body[name] is not null)
            .ToDictionary(name => name, name => body[name]!.DeepClone(), StringComparer.Ordinal);
        return (new CreatePostRequest(author!, commentary!, visibility!, feed!,
            (JsonArray?)targets?.DeepClone() ?? new JsonArray(),
            (JsonArray?)channels?.DeepClone() ?? new JsonArray(),
            reshareDisabled ?? false, optional), null);
    }

    private static bool IsCreateField(string name) =>
        name is "author" or "commentary" or "visibility" or "distribution" or "lifecycleState" or "isReshareDisabledByAuthor"
        || PostFields.OptionalOnCreate.Contains(name);
}
