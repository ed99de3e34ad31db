using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// Who may do what with posts (linkedin-api.md 1.1). Two layers, as LinkedIn has them: the gateway
/// first wants any scope that could allow the operation (so a token without one gets 403 before its
/// body or the post is even looked at); then the author decides which scope and which page role apply.
/// </summary>
internal static class PostPermissions
{
    public const string WriteMember = "w_member_social";
    public const string WriteOrganization = "w_organization_social";
    public const string ReadMember = "r_member_social";
    public const string ReadOrganization = "r_organization_social";

    public static LinkedInError? RequireAnyWriteScope(Caller caller, string operation) =>
        caller.HasScope(WriteMember) || caller.HasScope(WriteOrganization)
            ? null
            : LinkedInErrors.AccessDenied(ResourceName(caller, operation), WriteMember);

    public static LinkedInError? RequireAnyReadScope(Caller caller, string operation) =>
        caller.HasScope(ReadMember) || caller.HasScope(ReadOrganization)
            ? null
            : LinkedInErrors.AccessDenied(ResourceName(caller, operation), ReadMember);

    /// <summary>Create, update or delete as <paramref name="author"/>. Call under the state lock.</summary>
    public static LinkedInError? CanWriteAs(Caller caller, MemberStore members, string author, string operation)
    {
        var resource = ResourceName(caller, operation);
        if (Urns.IsOrganization(author))
        {
            if (!caller.HasScope(WriteOrganization))
            {
                return LinkedInErrors.AccessDenied(resource, WriteOrganization);
            }
            return members.HasRole(caller.Member, author, MemberStore.PostingRoles)
                ? null
                : LinkedInErrors.AccessDenied(resource, $"ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMIN role on {author}");
        }
        if (!caller.HasScope(WriteMember))
        {
            return LinkedInErrors.AccessDenied(resource, WriteMember);
        }
        return author == caller.Member.Urn
            ? null
            : LinkedInErrors.AccessDenied(resource, $"{WriteMember} for {author} (the token belongs to {caller.Member.Urn})");
    }

    /// <summary>Read posts of <paramref name="author"/>. Call under the state lock.</summary>
    public static LinkedInError? CanRead(Caller caller, MemberStore members, string author, string operation)
    {
        var resource = ResourceName(caller, operation);
        if (Urns.IsOrganization(author))
        {
            if (!caller.HasScope(ReadOrganization))
            {
                return LinkedInErrors.AccessDenied(resource, ReadOrganization);
            }
            return members.HasRole(caller.Member, author, anyOf: null)
                ? null
                : LinkedInErrors.AccessDenied(resource, $"a role on {author}");
        }
        if (!caller.HasScope(ReadMember))
        {
            return LinkedInErrors.AccessDenied(resource, ReadMember);
        }
        return author == caller.Member.Urn
            ? null
            : LinkedInErrors.AccessDenied(resource, $"{ReadMember} for {author} (the token belongs to {caller.Member.Urn})");
    }

    private static string ResourceName(Caller caller, string operation) => caller.ResourceName("partnerApiPostsExternal", operation);
}
