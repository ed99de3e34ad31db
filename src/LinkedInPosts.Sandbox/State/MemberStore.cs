using System.Text.RegularExpressions;

namespace LinkedInPosts.Sandbox.State;

/// <summary>Members and organizations. Call only under <see cref="SandboxState.Sync"/>.</summary>
internal sealed partial class MemberStore
{
    /// <summary>Page roles LinkedIn defines; the first three may post as the organization.</summary>
    public static readonly IReadOnlySet<string> KnownRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        "ADMINISTRATOR", "DIRECT_SPONSORED_CONTENT_POSTER", "CONTENT_ADMIN", "RECRUITING_POSTER",
        "LEAD_GEN_FORMS_MANAGER", "ANALYST", "CURATOR",
    };

    public static readonly IReadOnlySet<string> PostingRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        "ADMINISTRATOR", "DIRECT_SPONSORED_CONTENT_POSTER", "CONTENT_ADMIN",
    };

    private readonly Dictionary<string, Member> _byUrn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _organizationNames = new(StringComparer.Ordinal);

    [GeneratedRegex(@"^urn:li:organization:[0-9]+$", RegexOptions.CultureInvariant)]
    public static partial Regex OrganizationUrnShape();

    public Member Add(string name, string givenName, string familyName, string email,
        IEnumerable<SandboxOrganizationRole> organizations)
    {
        string id;
        do
        {
            id = RandomIds.MemberId();
        }
        while (_byUrn.ContainsKey("urn:li:person:" + id));

        var member = new Member { Id = id, Name = name, GivenName = givenName, FamilyName = familyName, Email = email };
        foreach (var organization in organizations)
        {
            // The first name given to an organization wins, as a page has one name for all its admins.
            _organizationNames.TryAdd(organization.Urn, organization.Name);
            member.Roles.Add((organization.Urn, organization.Role));
        }
        _byUrn.Add(member.Urn, member);
        return member;
    }

    public Member? Find(string urn) => _byUrn.GetValueOrDefault(urn);

    /// <summary>The organization's name, or null when no member has ever named it (it does not exist).</summary>
    public string? OrganizationName(string organizationUrn) => _organizationNames.GetValueOrDefault(organizationUrn);

    public bool HasRole(Member member, string organizationUrn, IReadOnlySet<string>? anyOf) =>
        member.Roles.Exists(r => r.OrganizationUrn == organizationUrn && (anyOf is null || anyOf.Contains(r.Role)));

    public SandboxMember ToPublic(Member member) => new()
    {
        Id = member.Id,
        Urn = member.Urn,
        Name = member.Name,
        GivenName = member.GivenName,
        FamilyName = member.FamilyName,
        Email = member.Email,
        Organizations = member.Roles
            .Select(r => new SandboxOrganizationRole(r.OrganizationUrn, _organizationNames.GetValueOrDefault(r.OrganizationUrn, ""), r.Role))
            .ToList(),
    };

    public int Count => _byUrn.Count;

    public void Clear()
    {
        _byUrn.Clear();
        _organizationNames.Clear();
    }
}
