using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// <c>GET /rest/posts?q=author&amp;author=…</c>: an author's posts, newest first, paged. The finder works
/// with or without <c>X-RestLi-Method: FINDER</c>, since real clients often leave it out.
/// </summary>
internal static class PostFinderEndpoint
{
    public const int DefaultCount = 10;
    public const int MaxCount = 100;

    public static IResult Handle(HttpContext context, SandboxState state)
    {
        var request = context.Request;
        var caller = context.Caller();
        var problem = RestLiMethod.Expect(request, RestLiMethod.Finder)
            ?? PostPermissions.RequireAnyReadScope(caller, "FINDER-author");
        if (problem is not null)
        {
            return problem;
        }
        var author = request.Query["author"].ToString();
        if (!Urns.IsAuthor(author))
        {
            return LinkedInErrors.InvalidParameter("author", $"'{author}' is not a person or organization URN");
        }
        var (start, badStart) = PostQuery.Integer(request, "start", 0, int.MaxValue);
        var (count, badCount) = PostQuery.Integer(request, "count", DefaultCount, MaxCount);
        var (view, badView) = PostQuery.ViewContext(request);
        var sortBy = request.Query["sortBy"].ToString() is { Length: > 0 } sent ? sent : "LAST_MODIFIED";
        var badSort = sortBy is "LAST_MODIFIED" or "CREATED"
            ? null
            : LinkedInErrors.InvalidParameter("sortBy", $"'{sortBy}' is not one of LAST_MODIFIED, CREATED");
        if ((badStart ?? badCount ?? badView ?? badSort) is { } invalid)
        {
            return invalid;
        }

        lock (state.Sync)
        {
            var denied = PostPermissions.CanRead(caller, state.Members, author, "FINDER-author");
            if (denied is not null)
            {
                return denied;
            }
            var posts = state.Posts.All.Where(p => p.Author == author && PostQuery.IsVisible(p, view!));
            var sorted = (sortBy == "CREATED"
                    ? posts.OrderByDescending(p => p.CreatedAt)
                    : posts.OrderByDescending(p => p.LastModifiedAt))
                .ThenByDescending(p => p.Sequence)
                .ToList();
            var page = sorted.Skip(start).Take(count).Select(p => (JsonNode)PostJson.ToApi(p)).ToArray();

            var links = new JsonArray();
            if (start + count < sorted.Count && count > 0)
            {
                links.Add(new JsonObject
                {
                    ["rel"] = "next",
                    ["type"] = "application/json",
                    ["href"] = NextHref(author, start + count, count, sortBy, request.Query["viewContext"].ToString()),
                });
            }
            return Results.Json(new JsonObject
            {
                ["paging"] = new JsonObject { ["start"] = start, ["count"] = count, ["total"] = sorted.Count, ["links"] = links },
                ["elements"] = new JsonArray(page),
            });
        }
    }

    private static string NextHref(string author, int start, int count, string sortBy, string viewContext) =>
        $"/rest/posts?q=author&author={Urns.Encode(author)}&count={count}&start={start}&sortBy={sortBy}"
        + (viewContext.Length > 0 ? "&viewContext=" + viewContext : "");
}
