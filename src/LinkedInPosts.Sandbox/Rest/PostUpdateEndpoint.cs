using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.LittleText;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// <c>POST /rest/posts/{encoded URN}</c> with <c>X-RestLi-Method: PARTIAL_UPDATE</c>: 204. A POST on an entity
/// without the header is taken as PARTIAL_UPDATE too, which is what Rest.li infers.
/// </summary>
internal static class PostUpdateEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SandboxState state, ILoggerFactory loggers, string urn)
    {
        var caller = context.Caller();
        var problem = RestLiMethod.Expect(context.Request, RestLiMethod.PartialUpdate)
            ?? PostPermissions.RequireAnyWriteScope(caller, RestLiMethod.PartialUpdate);
        if (problem is not null)
        {
            return problem;
        }
        if (!Urns.IsPost(urn))
        {
            return LinkedInErrors.BadRequest($"'{urn}' is not a post URN (urn:li:share:<id> or urn:li:ugcPost:<id>).");
        }
        var (body, unreadable) = await RequestJson.ReadObjectAsync(context.Request);
        if (body is null)
        {
            return unreadable!;
        }
        var (patch, invalid) = PostPatch.Parse(body);
        if (patch is null)
        {
            return invalid!;
        }

        lock (state.Sync)
        {
            var post = state.Posts.Find(urn);
            if (post is null || post.Deleted)
            {
                return LinkedInErrors.PostNotFound(urn);
            }
            var denied = PostPermissions.CanWriteAs(caller, state.Members, post.Author, RestLiMethod.PartialUpdate);
            if (denied is not null)
            {
                return denied;
            }
            string? newCommentary = null, sentCommentary = null;
            if (patch.Set.TryGetValue("commentary", out var commentaryNode))
            {
                sentCommentary = commentaryNode!.GetValue<string>();
                var (stored, tooLong) = CommentaryRules.Apply(sentCommentary, post.Author, loggers.CreateLogger(CommentaryRules.LogCategory));
                if (stored is null)
                {
                    return tooLong!;
                }
                newCommentary = stored;
            }
            JsonObject? reshare = null;
            if (patch.Set.TryGetValue("reshareContext", out var reshareNode))
            {
                var (problems, stored) = PostContent.CheckReshareRules(reshareNode!.AsObject(), "reshareContext",
                    post.Optional.ContainsKey("content"), post.Urn, state.Posts);
                if (problems.Count > 0)
                {
                    return LinkedInErrors.RuleViolations(problems);
                }
                reshare = stored;
            }
            Apply(post, patch, newCommentary, sentCommentary, reshare, state.Clock.GetUtcNow());
        }
        return Results.NoContent();
    }

    // Everything is validated before this runs, so an update applies completely or not at all.
    private static void Apply(PostRecord post, PostPatch patch, string? commentary, string? sentCommentary, JsonObject? reshare, DateTimeOffset now)
    {
        foreach (var (name, value) in patch.Set)
        {
            switch (name)
            {
                case "commentary":
                    post.IsEditedByAuthor |= sentCommentary != post.SentCommentary;
                    post.Commentary = commentary!;
                    post.SentCommentary = sentCommentary!;
                    break;
                case "lifecycleState":
                    post.LifecycleState = value!.GetValue<string>();
                    if (post.LifecycleState == "PUBLISHED")
                    {
                        post.PublishedAt ??= now;
                    }
                    break;
                case "reshareContext":
                    post.Optional[name] = reshare!;
                    break;
                default:
                    post.Optional[name] = value!;
                    break;
            }
        }
        foreach (var name in patch.Delete)
        {
            post.Optional.Remove(name);
        }
        post.LastModifiedAt = now;
    }
}
