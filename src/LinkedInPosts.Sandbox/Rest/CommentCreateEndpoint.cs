using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// <c>POST /rest/socialActions/{encoded post URN}/comments</c> with <c>{"actor","object","message":{"text"}}</c>
/// (LinkedIn's Comments API): 201 with the comment id in <c>x-restli-id</c> (and <c>x-linkedin-id</c>) and the
/// created comment in the body. The text is plain, not little text: stored and returned exactly as sent.
/// </summary>
internal static class CommentCreateEndpoint
{
    /// <summary>The longest comment the sandbox takes, in UTF-16 code units (LinkedIn's UI limit; UNCONFIRMED for the API).</summary>
    public const int MaxTextLength = 1250;

    /// <summary>
    /// The page roles LinkedIn's Comments API lists for commenting as an organization. Not the posting roles:
    /// RECRUITING_POSTER is in, CONTENT_ADMIN is not.
    /// </summary>
    public static readonly IReadOnlySet<string> CommentingRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        "ADMINISTRATOR", "DIRECT_SPONSORED_CONTENT_POSTER", "RECRUITING_POSTER",
    };

    private const string Resource = "partnerApiSocialActions";

    public static async Task<IResult> HandleAsync(HttpContext context, SandboxState state, string urn)
    {
        var caller = context.Caller();
        var problem = RestLiMethod.Expect(context.Request, RestLiMethod.Create)
            ?? (MediaPermissions.HasAnyWriteScope(caller) ? null
                : LinkedInErrors.AccessDenied(caller.ResourceName(Resource, RestLiMethod.Create), PostPermissions.WriteMember));
        if (problem is not null)
        {
            return problem;
        }
        if (!Urns.IsPost(urn))
        {
            return LinkedInErrors.BadRequest($"'{urn}' is not a post URN (urn:li:share:<id> or urn:li:ugcPost:<id>); the sandbox takes comments on posts only.");
        }
        var (body, unreadable) = await RequestJson.ReadObjectAsync(context.Request);
        if (body is null)
        {
            return unreadable!;
        }
        var (request, invalid) = Validate(body, urn);
        if (request is null)
        {
            return invalid!;
        }

        lock (state.Sync)
        {
            var denied = CanCommentAs(caller, state.Members, request.Actor);
            if (denied is not null)
            {
                return denied;
            }
            var post = state.Posts.Find(urn);
            if (post is null || post.Deleted || post.LifecycleState != "PUBLISHED")
            {
                return LinkedInErrors.NotFound(urn);
            }
            var textProblem = request.Text.Trim().Length == 0 ? "message.text cannot be empty"
                : request.Text.Length > MaxTextLength ? $"message.text is {request.Text.Length} characters; at most {MaxTextLength} are allowed"
                : null;
            if (textProblem is not null)
            {
                return LinkedInErrors.RuleViolations([("message.text", textProblem, request.Text.Length > MaxTextLength ? "FIELD_LENGTH_TOO_LONG" : "INVALID_VALUE")]);
            }
            var comment = state.Comments.Add(urn, request.Actor, caller.Member.Urn, request.Text, request.Attributes, state.Clock.GetUtcNow());
            context.Response.Headers["x-restli-id"] = comment.Id;
            context.Response.Headers["x-linkedin-id"] = comment.Id;
            return Results.Json(ToApi(comment), statusCode: StatusCodes.Status201Created);
        }
    }

    /// <summary>The comment as LinkedIn's Comments API returns it.</summary>
    private static JsonObject ToApi(CommentRecord comment)
    {
        var at = comment.CreatedAt.ToUnixTimeMilliseconds();
        return new JsonObject
        {
            ["actor"] = comment.Actor,
            ["agent"] = comment.Agent,
            ["commentUrn"] = comment.Urn,
            ["created"] = new JsonObject { ["actor"] = comment.Agent, ["time"] = at },
            ["id"] = comment.Id,
            ["lastModified"] = new JsonObject { ["actor"] = comment.Agent, ["time"] = at },
            ["message"] = new JsonObject { ["attributes"] = comment.Attributes.DeepClone(), ["text"] = comment.Text },
            ["object"] = comment.PostUrn,
            ["$URN"] = comment.Urn,
        };
    }

    private static LinkedInError? CanCommentAs(Caller caller, MemberStore members, string actor)
    {
        var resource = caller.ResourceName(Resource, RestLiMethod.Create);
        if (Urns.IsOrganization(actor))
        {
            if (!caller.HasScope(PostPermissions.WriteOrganization))
            {
                return LinkedInErrors.AccessDenied(resource, PostPermissions.WriteOrganization);
            }
            return members.HasRole(caller.Member, actor, CommentingRoles)
                ? null
                : LinkedInErrors.AccessDenied(resource, $"ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or RECRUITING_POSTER role on {actor}");
        }
        if (!caller.HasScope(PostPermissions.WriteMember))
        {
            return LinkedInErrors.AccessDenied(resource, PostPermissions.WriteMember);
        }
        return actor == caller.Member.Urn
            ? null
            : LinkedInErrors.AccessDenied(resource, $"{PostPermissions.WriteMember} for {actor} (the token belongs to {caller.Member.Urn})");
    }

    private static (CommentRequest? Request, LinkedInError? Error) Validate(JsonObject body, string postUrn)
    {
        var check = new SchemaCheck();
        check.OnlyKnown(body, "", "actor", "object", "message");
        var actor = check.String(body, "actor", "actor", required: true);
        if (actor is not null && !Urns.IsAuthor(actor))
        {
            check.Add("actor", $"\"{actor}\" is not a person or organization URN", "INVALID_URN");
        }
        var target = check.String(body, "object", "object", required: true);
        string? text = null;
        JsonArray? attributes = null;
        if (check.Object(body, "message", "message", required: true) is { } message)
        {
            check.OnlyKnown(message, "message", "text", "attributes");
            text = check.String(message, "text", "message.text", required: true);
            attributes = check.Array(message, "attributes", "message.attributes", required: false);
        }
        if (check.HasViolations)
        {
            return (null, check.ToError());
        }
        if (target != postUrn)
        {
            return (null, LinkedInErrors.RuleViolations([("object", $"object \"{target}\" must be the post in the path, {postUrn}", "INVALID_VALUE")]));
        }
        return (new CommentRequest(actor!, text!, (JsonArray?)attributes?.DeepClone() ?? new JsonArray()), null);
    }

    private sealed record CommentRequest(string Actor, string Text, JsonArray Attributes);
}
