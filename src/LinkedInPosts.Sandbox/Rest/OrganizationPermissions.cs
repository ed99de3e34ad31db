using LinkedInPosts.Sandbox.Errors;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// Reading organization roles and organizations takes any organization scope: the posting and
/// reading ones a publisher already asks for, or the page-admin ones.
/// </summary>
internal static class OrganizationPermissions
{
    private static readonly string[] AnyOf =
        ["w_organization_social", "r_organization_social", "rw_organization_admin", "r_organization_admin"];

    private static readonly string Missing = string.Join(", ", AnyOf[..^1]) + " or " + AnyOf[^1];

    public static LinkedInError? RequireAnyScope(Caller caller, string resource, string operation) =>
        AnyOf.Any(caller.HasScope) ? null : LinkedInErrors.AccessDenied(caller.ResourceName(resource, operation), Missing);
}
