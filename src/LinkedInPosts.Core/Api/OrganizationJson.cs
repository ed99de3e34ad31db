using System.Collections.Generic;
using System.Text.Json;

namespace LinkedInPosts.Core.Api
{
    /// <summary>Reads /rest/organizationAcls pages and /rest/organizations/{id}.</summary>
    internal static class OrganizationJson
    {
        /// <summary>One page of the roleAssignee finder: (organization URN, role, state) per element.</summary>
        public static AclPage ReadAclPage(JsonElement root)
        {
            var acls = new List<Acl>();
            if (root.TryGetProperty("elements", out var elements) && elements.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in elements.EnumerateArray())
                {
                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }
                    // The versioned API names the page "organization"; the older organizationalEntityAcls said "organizationalTarget".
                    var organization = PostJson.String(element, "organization") ?? PostJson.String(element, "organizationalTarget");
                    var role = PostJson.String(element, "role");
                    if (organization != null && role != null)
                    {
                        acls.Add(new Acl(organization, role, PostJson.String(element, "state")));
                    }
                }
            }
            var received = elements.ValueKind == JsonValueKind.Array ? elements.GetArrayLength() : 0;
            return new AclPage(acls, received, RestLiPaging.HasNext(root, received));
        }

        /// <summary>The page's name in its default locale, or null.</summary>
        public static string? ReadLocalizedName(JsonElement root) => PostJson.String(root, "localizedName");

        internal sealed class Acl
        {
            public Acl(string organization, string role, string? state)
            {
                Organization = organization;
                Role = role;
                State = state;
            }

            public string Organization { get; }

            public string Role { get; }

            public string? State { get; }
        }

        internal sealed class AclPage
        {
            public AclPage(List<Acl> acls, int received, bool hasNext)
            {
                Acls = acls;
                Received = received;
                HasNext = hasNext;
            }

            public List<Acl> Acls { get; }

            public int Received { get; }

            public bool HasNext { get; }
        }
    }
}
