using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// Who may upload media for an owner and read its status (linkedin-api.md 3.2, 3.3): a person owner must be
/// the token's member, with w_member_social; an organization owner needs w_organization_social and a
/// posting role (ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMIN) on that page, the same
/// as posting as it. Every refusal is the media APIs' one documented 403 body.
/// </summary>
internal static class MediaPermissions
{
    /// <summary>The gateway layer: a token that could not act for any owner is refused before its body is read.</summary>
    public static bool HasAnyWriteScope(Caller caller) =>
        caller.HasScope(PostPermissions.WriteMember) || caller.HasScope(PostPermissions.WriteOrganization);

    /// <summary>Call under the state lock.</summary>
    public static bool CanActFor(Caller caller, MemberStore members, string owner) => Urns.IsOrganization(owner)
        ? caller.HasScope(PostPermissions.WriteOrganization) && members.HasRole(caller.Member, owner, MemberStore.PostingRoles)
        : caller.HasScope(PostPermissions.WriteMember) && owner == caller.Member.Urn;
}
