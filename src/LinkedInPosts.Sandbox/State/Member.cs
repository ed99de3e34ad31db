namespace LinkedInPosts.Sandbox.State;

/// <summary>A member and their page roles. Mutable only under <see cref="SandboxState.Sync"/>.</summary>
internal sealed class Member
{
    public required string Id { get; init; }
    public string Urn => "urn:li:person:" + Id;
    public required string Name { get; init; }
    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }
    public required string Email { get; init; }
    public List<(string OrganizationUrn, string Role)> Roles { get; } = new();
}

