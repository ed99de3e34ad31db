using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary><c>GET /rest/posts/{encoded URN}</c>; 404 for unknown, deleted or (for readers) unpublished posts.</summary>
internal static class PostGetEndpoint
{
    public static IResult Handle(HttpContext context, SandboxState state, string urn)
    {
        var caller = context.Caller();
        var problem = RestLiMethod.Expect(context.Request, RestLiMethod.Get)
            ?? PostPermissions.RequireAnyReadScope(caller, RestLiMethod.Get);
        if (problem is not null)
        {
            return problem;
        }
        var (view, badView) = PostQuery.ViewContext(context.Request);
        if (view is null)
        {
            return badView!;
        }
        if (!Urns.IsPost(urn))
        {
            return LinkedInErrors.BadRequest($"'{urn}' is not a post URN (urn:li:share:<id> or urn:li:ugcPost:<id>).");
        }
        lock (state.Sync)
        {
            var post = state.Posts.Find(urn);
            if (post is null || !PostQuery.IsVisible(post, view))
            {
                return LinkedInErrors.PostNotFound(urn);
            }
            return PostPermissions.CanRead(caller, state.Members, post.Author, RestLiMethod.Get)
                ?? Results.Json(PostJson.ToApi(post));
        }
    }
}
