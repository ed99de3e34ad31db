using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// <c>GET /rest/organizationAcls?q=roleAssignee</c>: the calling member's page roles, optionally
/// filtered by <c>role</c> and <c>state</c>, paged like the posts finder. Every role the sandbox knows
/// is APPROVED, so filtering on another state finds nothing.
/// </summary>
internal static class OrganizationAclsEndpoint
{
    private const string Resource = "organizationAcls";
    private const string Operation = "FINDER-roleAssignee";
    private const string Approved = "APPROVED";

    private static readonly IReadOnlySet<string> States = new HashSet<string>(StringComparer.Ordinal)
    {
        Approved, "REQUESTED", "REJECTED", "REVOKED",
    };

    public static IResult Handle(HttpContext context, SandboxState state)
    {
        var request = context.Request;
        var finder = request.Query["q"].ToString();
        if (finder != "roleAssignee")
        {
            return finder.Length == 0
                ? LinkedInErrors.BadRequest("GET_ALL is not supported on /organizationAcls; use q=roleAssignee.")
                : LinkedInErrors.InvalidParameter("q", $"'{finder}' is not a finder of /organizationAcls (supported: roleAssignee)");
        }
        var caller = context.Caller();
        var problem = RestLiMethod.Expect(request, RestLiMethod.Finder)
            ?? OrganizationPermissions.RequireAnyScope(caller, Resource, Operation);
        if (problem is not null)
        {
            return problem;
        }
        var role = request.Query["role"].ToString();
        var roleState = request.Query["state"].ToString();
        var (start, badStart) = PostQuery.Integer(request, "start", 0, int.MaxValue);
        var (count, badCount) = PostQuery.Integer(request, "count", PostFinderEndpoint.DefaultCount, PostFinderEndpoint.MaxCount);
        var badRole = role.Length == 0 || MemberStore.KnownRoles.Contains(role)
            ? null
            : LinkedInErrors.InvalidParameter("role", $"'{role}' is not one of {string.Join(", ", MemberStore.KnownRoles)}");
        var badState = roleState.Length == 0 || States.Contains(roleState)
            ? null
            : LinkedInErrors.InvalidParameter("state", $"'{roleState}' is not one of {string.Join(", ", States)}");
        if ((badRole ?? badState ?? badStart ?? badCount) is { } invalid)
        {
            return invalid;
        }

        List<(string OrganizationUrn, string Role)> matches;
        lock (state.Sync)
        {
            matches = caller.Member.Roles
                .Where(r => (role.Length == 0 || r.Role == role) && (roleState.Length == 0 || roleState == Approved))
                .ToList();
        }
        var page = matches.Skip(start).Take(count).Select(r => (JsonNode)new JsonObject
        {
            ["roleAssignee"] = caller.Member.Urn,
            ["role"] = r.Role,
            ["organization"] = r.OrganizationUrn,
            ["state"] = Approved,
        }).ToArray();
        var links = new JsonArray();
        if (count > 0 && start + count < matches.Count)
        {
            links.Add(new JsonObject
            {
                ["rel"] = "next",
                ["type"] = "application/json",
                ["href"] = $"/rest/organizationAcls?q=roleAssignee&count={count}&start={start + count}"
                    + (role.Length > 0 ? "&role=" + role : "") + (roleState.Length > 0 ? "&state=" + roleState : ""),
            });
        }
        return Results.Json(new JsonObject
        {
            ["paging"] = new JsonObject { ["start"] = start, ["count"] = count, ["total"] = matches.Count, ["links"] = links },
            ["elements"] = new JsonArray(page),
        });
    }
}
