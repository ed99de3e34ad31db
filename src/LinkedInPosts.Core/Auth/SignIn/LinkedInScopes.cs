using System;
using System.Collections.Generic;
using System.Linq;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// The OAuth scopes this module asks LinkedIn for, and which LinkedIn product grants each. An app gets a
    /// scope only when its product is added to the app in the LinkedIn Developer Portal; asking for any
    /// other fails with <c>unauthorized_scope_error</c>.
    /// </summary>
    public static class LinkedInScopes
    {
        /// <summary>OpenID Connect sign-in ("Sign In with LinkedIn using OpenID Connect"): needed for /v2/userinfo.</summary>
        public const string OpenId = "openid";

        /// <summary>The member's name and picture in /v2/userinfo ("Sign In with LinkedIn using OpenID Connect").</summary>
        public const string Profile = "profile";

        /// <summary>
        /// The member's e-mail address in /v2/userinfo. Not asked for by default: the module never uses the
        /// address, and asking only for what is used keeps the consent screen short.
        /// </summary>
        public const string Email = "email";

        /// <summary>Post, comment and react as the member ("Share on LinkedIn", self-serve).</summary>
        public const string MemberSocialWrite = "w_member_social";

        /// <summary>
        /// Read the member's posts. Restricted: LinkedIn grants it only to approved apps, so it is never asked
        /// for by default (asking would make sign-in fail for every ordinary app).
        /// </summary>
        public const string MemberSocialRead = "r_member_social";

        /// <summary>Post as a page the member administers ("Community Management API").</summary>
        public const string OrganizationSocialWrite = "w_organization_social";

        /// <summary>Read a page's posts ("Community Management API").</summary>
        public const string OrganizationSocialRead = "r_organization_social";

        /// <summary>
        /// Manage the member's pages ("Community Management API"). LinkedIn documents the organizationAcls
        /// <c>roleAssignee</c> finder, which lists the pages the member has a role on, under the organization
        /// admin permissions, so it is asked for with the other organization scopes.
        /// </summary>
        public const string OrganizationAdmin = "rw_organization_admin";

        /// <summary>Read-only page administration ("Community Management API"); also lets the pages be listed.</summary>
        public const string OrganizationAdminRead = "r_organization_admin";

        /// <summary>The default for posting as oneself: <c>openid profile w_member_social</c>.</summary>
        public static IReadOnlyList<string> Member { get; } = new[] { OpenId, Profile, MemberSocialWrite };

        /// <summary>
        /// For posting as pages too: <see cref="Member"/> plus <c>w_organization_social r_organization_social
        /// rw_organization_admin</c>, all granted by the Community Management API product.
        /// </summary>
        public static IReadOnlyList<string> MemberAndOrganizations { get; } =
            new[] { OpenId, Profile, MemberSocialWrite, OrganizationSocialWrite, OrganizationSocialRead, OrganizationAdmin };

        private static readonly string[] OrganizationScopes =
            { OrganizationSocialWrite, OrganizationSocialRead, OrganizationAdmin, OrganizationAdminRead };

        /// <summary>True when <paramref name="granted"/> holds a scope that lets the member's pages be looked up.</summary>
        public static bool AllowOrganizationLookup(IEnumerable<string> granted) =>
            granted != null && granted.Any(scope => OrganizationScopes.Contains(scope, StringComparer.Ordinal));

        /// <summary>The LinkedIn product that grants <paramref name="scope"/>, for messages; null when unknown.</summary>
        public static string? ProductFor(string scope)
        {
            switch (scope)
            {
                case OpenId:
                case Profile:
                case Email:
                    return "Sign In with LinkedIn using OpenID Connect";
                case MemberSocialWrite:
                    return "Share on LinkedIn";
                case MemberSocialRead:
                    return "a restricted product LinkedIn grants only to approved partners";
                case OrganizationSocialWrite:
                case OrganizationSocialRead:
                case OrganizationAdmin:
                case OrganizationAdminRead:
                    return "Community Management API";
                default:
                    return null;
            }
        }

        /// <summary>
        /// Scopes as LinkedIn writes them in token answers (comma-separated in practice, space-separated per
        /// the OAuth standard): split on either, trimmed, without duplicates, in order.
        /// </summary>
        public static List<string> Parse(string? scopes)
        {
            var parsed = new List<string>();
            if (string.IsNullOrWhiteSpace(scopes))
            {
                return parsed;
            }
            foreach (var part in scopes!.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var scope = part.Trim();
                if (scope.Length > 0 && !parsed.Contains(scope, StringComparer.Ordinal))
                {
                    parsed.Add(scope);
                }
            }
            return parsed;
        }
    }
}
