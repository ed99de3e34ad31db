namespace LinkedInPosts.Sandbox;

/// <summary>
/// A member's role on an organization page, e.g. ADMINISTRATOR. Posting as the organization needs
/// ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMIN; reading its posts needs any role.
/// </summary>
/// <param name="Urn">The organization, <c>urn:li:organization:&lt;digits&gt;</c>.</param>
/// <param name="Name">The organization's display name.</param>
/// <param name="Role">The role name as LinkedIn spells it.</param>
public sealed record SandboxOrganizationRole(string Urn, string Name, string Role);
