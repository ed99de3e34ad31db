using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Admin;

/// <summary>What the sandbox stored and saw, for tests to assert on.</summary>
internal static class InspectionAdmin
{
    /// <summary>All posts exactly as stored, deleted ones included, oldest first.</summary>
    public static IResult Posts(SandboxState state)
    {
        lock (state.Sync)
        {
            return Results.Json(state.Posts.All.Select(p => p.ToPublic()).ToList(), SandboxJson.Options);
        }
    }

    /// <summary>One post; the route value arrives decoded, so plain and percent-encoded URNs both work.</summary>
    public static IResult Post(string urn, SandboxState state)
    {
        lock (state.Sync)
        {
            return state.Posts.Find(urn) is { } post
                ? Results.Json(post.ToPublic(), SandboxJson.Options)
                : AdminResults.Problem(404, $"No post {urn} was ever stored.");
        }
    }

    public static IResult Requests(SandboxState state)
    {
        lock (state.Sync)
        {
            return Results.Json(state.Requests.Snapshot(), SandboxJson.Options);
        }
    }

    /// <summary>The answers hold faults are keeping back right now, oldest first.</summary>
    public static IResult Held(SandboxState state)
    {
        lock (state.Sync)
        {
            return Results.Json(state.Held.Snapshot(), SandboxJson.Options);
        }
    }
}
