using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// <c>GET /rest/posts</c> is a finder or a batch get depending on its query, as Rest.li decides
/// (<c>ids</c> means BATCH_GET, <c>q</c> names a finder); the X-RestLi-Method header, when sent, must agree.
/// </summary>
internal static class PostCollectionEndpoint
{
    public static IResult Handle(HttpContext context, SandboxState state)
    {
        var query = context.Request.Query;
        if (query.ContainsKey("ids"))
        {
            return PostBatchGetEndpoint.Handle(context, state);
        }
        var finder = query["q"].ToString();
        if (finder == "author")
        {
            return PostFinderEndpoint.Handle(context, state);
        }
        return finder.Length == 0
            ? LinkedInErrors.BadRequest("GET_ALL is not supported on /posts; use q=author or ids=List(...).")
            : LinkedInErrors.InvalidParameter("q", $"'{finder}' is not a finder of /posts (supported: author)");
    }
}
