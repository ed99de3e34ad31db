using System.Text.RegularExpressions;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Admin;

/// <summary>Members, their page roles, their tokens.</summary>
internal static partial class IdentityAdmin
{
    // A 1x1 grey PNG, so /v2/userinfo's picture URL resolves without leaving the machine.
    private static readonly byte[] PicturePng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==");

    [GeneratedRegex(@"[^a-z0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex NotEmailSafe();

    public static async Task<IResult> CreateMemberAsync(HttpRequest request, SandboxState state)
    {
        var (body, error) = await AdminResults.ReadAsync<CreateMemberRequest>(request);
        if (error is not null)
        {
            return error;
        }
        var organizations = body?.Organizations ?? new List<SandboxOrganizationRole>();
        foreach (var organization in organizations)
        {
            if (organization is null || !MemberStore.OrganizationUrnShape().IsMatch(organization.Urn ?? ""))
            {
                return AdminResults.Problem(400, $"'{organization?.Urn}' is not an organization URN (urn:li:organization:<digits>).");
            }
            if (!MemberStore.KnownRoles.Contains(organization.Role ?? ""))
            {
                return AdminResults.Problem(400, $"'{organization.Role}' is not a page role; use one of {string.Join(", ", MemberStore.KnownRoles)}.");
            }
        }
        lock (state.Sync)
        {
            var name = Clean(body?.Name) ?? $"Sandbox Member {state.Members.Count + 1}";
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            var given = Clean(body?.GivenName) ?? (space > 0 ? name[..space] : name);
            var family = Clean(body?.FamilyName) ?? (space > 0 ? name[(space + 1)..] : "");
            var email = Clean(body?.Email) ?? DefaultEmail(given, family);
            var member = state.Members.Add(name, given, family, email,
                organizations.Select(o => o with { Name = o.Name ?? "" }));
            return Results.Json(state.Members.ToPublic(member), SandboxJson.Options, statusCode: 201);
        }
    }

    public static IResult Picture(string id, SandboxState state)
    {
        lock (state.Sync)
        {
            return state.Members.Find("urn:li:person:" + id) is null
                ? AdminResults.Problem(404, $"No member with id {id}.")
                : Results.Bytes(PicturePng, "image/png");
        }
    }

    public static async Task<IResult> CreateTokenAsync(HttpRequest request, SandboxState state)
    {
        var (body, error) = await AdminResults.ReadAsync<CreateTokenRequest>(request);
        if (error is not null)
        {
            return error;
        }
        if (body?.ExpiresInSeconds is <= 0)
        {
            return AdminResults.Problem(400, "expiresInSeconds must be positive.");
        }
        lock (state.Sync)
        {
            if (body?.MemberUrn is not { } memberUrn || state.Members.Find(memberUrn) is null)
            {
                return AdminResults.Problem(404, $"No member '{body?.MemberUrn}'; create one with POST /sandbox/members first.");
            }
            var lifetime = body.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : TokenStore.DefaultLifetime;
            var scopes = (body.Scopes ?? new List<string>()).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim());
            var token = state.Tokens.Issue(memberUrn, scopes, state.Clock.GetUtcNow(), lifetime);
            return Results.Json(new TokenResponse(token.Value, token.ExpiresAt), SandboxJson.Options, statusCode: 201);
        }
    }

    public static async Task<IResult> RevokeTokenAsync(HttpRequest request, SandboxState state)
    {
        var (body, error) = await AdminResults.ReadAsync<RevokeTokenRequest>(request);
        if (error is not null)
        {
            return error;
        }
        lock (state.Sync)
        {
            if (body?.AccessToken is not { } value || state.Tokens.Find(value) is not { } token)
            {
                return AdminResults.Problem(404, "No such access token.");
            }
            token.Revoked = true;
            return Results.NoContent();
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string DefaultEmail(string given, string family)
    {
        var local = string.Join('.', new[] { given, family }
            .Select(part => NotEmailSafe().Replace(part.ToLowerInvariant(), ""))
            .Where(part => part.Length > 0));
        return (local.Length > 0 ? local : "member") + "@example.com";
    }
}
