using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// <c>DELETE /rest/posts/{encoded URN}</c>: 204, idempotent as LinkedIn documents (deleting a deleted
/// post is 204 again). A URN that never existed is 404: LinkedIn documents only the repeat case.
/// The post stays stored, flagged, because duplicate detection still sees it.
/// </summary>
internal static class PostDeleteEndpoint
{
    public static IResult Handle(HttpContext context, SandboxState state, string urn)
    {
        var caller = context.Caller();
        var problem = RestLiMethod.Expect(context.Request, RestLiMethod.Delete)
            ?? PostPermissions.RequireAnyWriteScope(caller, RestLiMethod.Delete);
        if (problem is not null)
        {
            return problem;
        }
        if (!Urns.IsPost(urn))
        {
            return LinkedInErrors.BadRequest($"'{urn}' is not a post URN (urn:li:share:<id> or urn:li:ugcPost:<id>).");
        }
        lock (state.Sync)
        {
            var post = state.Posts.Find(urn);
            if (post is null)
            {
                return LinkedInErrors.PostNotFound(urn);
            }
            var denied = PostPermissions.CanWriteAs(caller, state.Members, post.Author, RestLiMethod.Delete);
            if (denied is not null)
            {
                return denied;
            }
            if (!post.Deleted)
            {
                post.Deleted = true;
                post.LastModifiedAt = state.Clock.GetUtcNow();
            }
        }
        return Results.NoContent();
    }
}
