using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// <c>GET /v2/userinfo</c> (OpenID Connect): Bearer only, no LinkedIn-Version (it is a /v2 endpoint), and
/// not counted in the /rest daily limits. <c>locale</c> is an object, as real responses have it,
/// although LinkedIn's docs show a string (linkedin-api.md pitfall 6).
/// </summary>
internal static class UserInfoEndpoint
{
    private const string Resource = "userinfo.GET.NO_VERSION";

    public static IResult Handle(HttpContext context, SandboxState state)
    {
        var request = context.Request;
        Member member;
        bool withEmail;
        lock (state.Sync)
        {
            var (caller, error) = BearerAuthenticator.Authenticate(request, state, apiVersion: null);
            if (caller is null)
            {
                return error!;
            }
            foreach (var scope in new[] { "openid", "profile" })
            {
                if (!caller.HasScope(scope))
                {
                    return LinkedInErrors.AccessDenied(Resource, scope);
                }
            }
            member = caller.Member;
            withEmail = caller.HasScope("email");
        }

        var json = new JsonObject
        {
            ["sub"] = member.Id,
            ["name"] = member.Name,
            ["given_name"] = member.GivenName,
            ["family_name"] = member.FamilyName,
            // Served by the sandbox itself, so following it never leaves the machine.
            ["picture"] = $"{request.Scheme}://{request.Host}/sandbox/members/{member.Id}/picture",
            ["locale"] = new JsonObject { ["country"] = "US", ["language"] = "en" },
        };
        if (withEmail)
        {
            json["email"] = member.Email;
            json["email_verified"] = true;
        }
        return Results.Json(json);
    }
}
