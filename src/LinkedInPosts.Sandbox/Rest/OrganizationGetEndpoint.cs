using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// <c>GET /rest/organizations/{id}</c>: an organization's public names. Any organization scope will do
/// and no page role is needed; an organization no member was ever given a role on does not exist.
/// </summary>
internal static class OrganizationGetEndpoint
{
    public static IResult Handle(HttpContext context, SandboxState state, string id)
    {
        var caller = context.Caller();
        var problem = RestLiMethod.Expect(context.Request, RestLiMethod.Get)
            ?? OrganizationPermissions.RequireAnyScope(caller, "organizations", RestLiMethod.Get);
        if (problem is not null)
        {
            return problem;
        }
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return LinkedInErrors.BadRequest($"'{id}' is not an organization id (digits only).");
        }
        var urn = "urn:li:organization:" + number.ToString(CultureInfo.InvariantCulture);
        string? name;
        lock (state.Sync)
        {
            name = state.Members.OrganizationName(urn);
        }
        if (name is null)
        {
            return LinkedInErrors.NotFound(urn);
        }
        return Results.Json(new JsonObject
        {
            ["id"] = number,
            ["localizedName"] = name,
            ["vanityName"] = VanityName(name, number),
        });
    }

    /// <summary>The page's URL slug: lowercase letters and digits, anything else folded into single dashes.</summary>
    private static string VanityName(string name, long id)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var vanity = slug.ToString().TrimEnd('-');
        return vanity.Length > 0 ? vanity : "organization-" + id.ToString(CultureInfo.InvariantCulture);
    }
}
