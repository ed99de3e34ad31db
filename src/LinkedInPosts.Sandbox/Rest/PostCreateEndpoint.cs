using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.LittleText;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary><c>POST /rest/posts</c>: 201 with an empty body and the new URN in x-restli-id and x-linkedin-id.</summary>
internal static class PostCreateEndpoint
{
    /// <summary>
    /// How far back a repeated commentary counts as a duplicate. LinkedIn does not document it (users
    /// guess 24-48 h); 24 h of sandbox time, deleted posts included (the "ghost duplicate" reports).
    /// </summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromHours(24);

    public static async Task<IResult> HandleAsync(HttpContext context, SandboxState state, ILoggerFactory loggers)
    {
        var caller = context.Caller();
        var problem = RestLiMethod.Expect(context.Request, RestLiMethod.Create)
            ?? PostPermissions.RequireAnyWriteScope(caller, RestLiMethod.Create);
        if (problem is not null)
        {
            return problem;
        }
        var (body, unreadable) = await RequestJson.ReadObjectAsync(context.Request);
        if (body is null)
        {
            return unreadable!;
        }
        var (request, invalid) = CreatePostRequest.Validate(body);
        if (request is null)
        {
            return invalid!;
        }

        string urn;
        lock (state.Sync)
        {
            var denied = PostPermissions.CanWriteAs(caller, state.Members, request.Author, RestLiMethod.Create);
            if (denied is not null)
            {
                return denied;
            }
            var (reshare, contentProblem) = CheckContent(request, state);
            if (contentProblem is not null)
            {
                return contentProblem;
            }
            var (stored, tooLong) = CommentaryRules.Apply(request.Commentary, request.Author, loggers.CreateLogger(CommentaryRules.LogCategory));
            if (stored is null)
            {
                return tooLong!;
            }
            var now = state.Clock.GetUtcNow();
            // An empty commentary is a plain reshare; two reshares of different posts are not duplicates.
            if (request.Commentary.Length > 0
                && state.Posts.FindDuplicate(request.Author, request.Commentary, now, DuplicateWindow) is { } earlier)
            {
                return LinkedInErrors.DuplicatePost(earlier.Urn);
            }
            var post = new PostRecord
            {
                Urn = state.Posts.NewShareUrn(now),
                Sequence = state.Posts.NextSequence(),
                Author = request.Author,
                Commentary = stored,
                SentCommentary = request.Commentary,
                Visibility = request.Visibility,
                FeedDistribution = request.FeedDistribution,
                TargetEntities = request.TargetEntities,
                ThirdPartyDistributionChannels = request.ThirdPartyDistributionChannels,
                LifecycleState = "PUBLISHED",
                IsReshareDisabledByAuthor = request.IsReshareDisabledByAuthor,
                CreatedAt = now,
                PublishedAt = now,
                LastModifiedAt = now,
            };
            foreach (var (name, value) in request.Optional)
            {
                post.Optional[name] = value;
            }
            if (reshare is not null)
            {
                post.Optional["reshareContext"] = reshare;
            }
            state.Posts.Add(post);
            urn = post.Urn;
        }

        // Both headers: LinkedIn's own clients read x-restli-id, ebx-linkedin-sdk reads x-linkedin-id.
        context.Response.Headers["x-restli-id"] = urn;
        context.Response.Headers["x-linkedin-id"] = urn;
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    /// <summary>
    /// Content and reshare rules that need the stored media and posts (call under the lock). Returns the
    /// reshareContext to store (with LinkedIn's <c>root</c> filled in), or the 400 naming every problem.
    /// </summary>
    private static (JsonObject? Reshare, LinkedInError? Error) CheckContent(CreatePostRequest request, SandboxState state)
    {
        var problems = new List<(string, string, string)>();
        var hasContent = request.Optional.TryGetValue("content", out var content);
        if (hasContent)
        {
            problems.AddRange(PostContent.CheckRules(content!.AsObject(), request.Author, request.IsSponsored, state));
        }
        JsonObject? reshare = null;
        if (request.Optional.TryGetValue("reshareContext", out var reshareContext))
        {
            var (reshareProblems, stored) = PostContent.CheckReshareRules(reshareContext.AsObject(), "reshareContext", hasContent, null, state.Posts);
            problems.AddRange(reshareProblems);
            reshare = stored;
        }
        return problems.Count > 0 ? (null, LinkedInErrors.RuleViolations(problems)) : (reshare, null);
    }
}
