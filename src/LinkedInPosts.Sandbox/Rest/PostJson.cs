using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>A stored post as GET /rest/posts returns it (linkedin-api.md 1.3): epoch milliseconds, escaped commentary.</summary>
internal static class PostJson
{
    public static JsonObject ToApi(PostRecord post)
    {
        var json = new JsonObject
        {
            ["isReshareDisabledByAuthor"] = post.IsReshareDisabledByAuthor,
            ["createdAt"] = post.CreatedAt.ToUnixTimeMilliseconds(),
            ["lifecycleState"] = post.LifecycleState,
            ["lastModifiedAt"] = post.LastModifiedAt.ToUnixTimeMilliseconds(),
            ["visibility"] = post.Visibility,
        };
        if (post.PublishedAt is { } published)
        {
            json["publishedAt"] = published.ToUnixTimeMilliseconds();
        }
        json["author"] = post.Author;
        json["id"] = post.Urn;
        json["distribution"] = new JsonObject
        {
            ["feedDistribution"] = post.FeedDistribution,
            ["targetEntities"] = post.TargetEntities.DeepClone(),
            ["thirdPartyDistributionChannels"] = post.ThirdPartyDistributionChannels.DeepClone(),
        };
        foreach (var (name, value) in post.Optional.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json[name] = value.DeepClone();
        }
        json["commentary"] = post.Commentary;
        json["lifecycleStateInfo"] = new JsonObject { ["isEditedByAuthor"] = post.IsEditedByAuthor };
        return json;
    }
}
