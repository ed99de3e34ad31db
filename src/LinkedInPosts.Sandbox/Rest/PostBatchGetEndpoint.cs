using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// <c>GET /rest/posts?ids=List(urn%3Ali%3Ashare%3A1,…)</c>: per-key results, statuses and errors. Keys are
/// the Rest.li-encoded URNs (as LinkedIn's clients call them "encoded entity ids"); which form LinkedIn
/// uses for posts is UNCONFIRMED, so clients should accept both.
/// </summary>
internal static class PostBatchGetEndpoint
{
    public static IResult Handle(HttpContext context, SandboxState state)
    {
        var caller = context.Caller();
        var problem = RestLiMethod.Expect(context.Request, RestLiMethod.BatchGet)
            ?? PostPermissions.RequireAnyReadScope(caller, RestLiMethod.BatchGet);
        if (problem is not null)
        {
            return problem;
        }
        var (view, badView) = PostQuery.ViewContext(context.Request);
        if (view is null)
        {
            return badView!;
        }
        var urns = RestLiList.ParseIds(context.Request.QueryString.Value);
        if (urns is null)
        {
            return LinkedInErrors.InvalidParameter("ids", "expected ids=List(<encoded urn>,<encoded urn>,...)");
        }

        var results = new JsonObject();
        var statuses = new JsonObject();
        var errors = new JsonObject();
        lock (state.Sync)
        {
            foreach (var urn in urns.Distinct(StringComparer.Ordinal))
            {
                var key = Urns.Encode(urn);
                var post = Urns.IsPost(urn) ? state.Posts.Find(urn) : null;
                if (post is null || !PostQuery.IsVisible(post, view))
                {
                    errors[key] = LinkedInErrors.NotFoundBody(urn);
                    continue;
                }
                if (PostPermissions.CanRead(caller, state.Members, post.Author, RestLiMethod.BatchGet) is { } denied)
                {
                    errors[key] = denied.Body;
                    continue;
                }
                results[key] = PostJson.ToApi(post);
                statuses[key] = 200;
            }
        }
        return Results.Json(new JsonObject { ["results"] = results, ["statuses"] = statuses, ["errors"] = errors });
    }
}
