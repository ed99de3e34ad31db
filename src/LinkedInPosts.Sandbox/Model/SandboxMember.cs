namespace LinkedInPosts.Sandbox;

/// <summary>A LinkedIn member living in the sandbox.</summary>
public sealed class SandboxMember
{
    /// <summary>The person id, as /v2/userinfo returns it in <c>sub</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary><c>urn:li:person:{Id}</c>, the author URN of the member's posts.</summary>
    public string Urn { get; init; } = "";

    /// <summary>Full display name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Given (first) name.</summary>
    public string GivenName { get; init; } = "";

    /// <summary>Family (last) name.</summary>
    public string FamilyName { get; init; } = "";

    /// <summary>Email address, returned by /v2/userinfo only with the <c>email</c> scope.</summary>
    public string Email { get; init; } = "";

    /// <summary>The member's roles on organization pages.</summary>
    public IReadOnlyList<SandboxOrganizationRole> Organizations { get; init; } = Array.Empty<SandboxOrganizationRole>();
}
