using LinkedInPosts.Core.Errors;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Api;

/// <summary>LinkedInClient.GetOrganizationsAsync against the sandbox's organizationAcls and organizations.</summary>
public sealed class OrganizationsClientTests
{
    [Fact]
    public async Task Every_page_of_roles_is_read_and_each_page_named()
    {
        await using var session = await SandboxSession.StartAsync();
        var member = await session.Admin.CreateMemberAsync("Grace Hopper", Enumerable.Range(1, 5)
            .Select(i => new SandboxOrganizationRole("urn:li:organization:90" + i, "Team " + i, i == 3 ? "ANALYST" : "CONTENT_ADMIN")));
        var token = await session.Admin.CreateTokenAsync(member.Urn, new[] { "rw_organization_admin" });
        using var client = session.ClientWith(token);
        client.OrganizationPageSize = 2;

        var organizations = await client.GetOrganizationsAsync();

        Assert.Equal(Enumerable.Range(1, 5).Select(i => "urn:li:organization:90" + i), organizations.Select(o => o.Urn));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => "Team " + i), organizations.Select(o => o.Name));
        Assert.Equal("ANALYST", organizations[2].Role);
        Assert.All(organizations.Where(o => o.Urn != "urn:li:organization:903"), o => Assert.True(o.CanPost));
        var acls = await session.RequestsAsync("GET", "/rest/organizationAcls");
        Assert.Equal(
            new[] { "start=0&count=2", "start=2&count=2", "start=4&count=2" },
            acls.Select(r => r.Path.Substring(r.Path.IndexOf("start=", StringComparison.Ordinal))));
        Assert.All(acls, r => Assert.Contains("q=roleAssignee&state=APPROVED", r.Path));
        Assert.All(acls, r => Assert.Equal("FINDER", r.RestLiMethod));
    }

    [Fact]
    public async Task Several_roles_on_one_page_give_one_entry_with_the_role_that_may_post()
    {
        await using var session = await SandboxSession.StartAsync();
        var member = await session.Admin.CreateMemberAsync("Grace Hopper", new[]
        {
            new SandboxOrganizationRole("urn:li:organization:77", "Ops", "ANALYST"),
            new SandboxOrganizationRole("urn:li:organization:77", "Ops", "CONTENT_ADMIN"),
        });
        var token = await session.Admin.CreateTokenAsync(member.Urn, new[] { "w_organization_social" });
        using var client = session.ClientWith(token);

        var organization = Assert.Single(await client.GetOrganizationsAsync());

        Assert.Equal("CONTENT_ADMIN", organization.Role);
    }

    [Fact]
    public async Task A_name_LinkedIn_does_not_give_is_left_empty()
    {
        await using var session = await SandboxSession.StartAsync();
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "GET", Path = "/rest/organizations/4242", Count = 1, Status = 404 });

        var organization = Assert.Single(await session.Client.GetOrganizationsAsync());

        Assert.Equal(SandboxSession.OrganizationUrn, organization.Urn);
        Assert.Equal(string.Empty, organization.Name);
        Assert.Contains(session.Log.Lines, line => line.StartsWith("VERBOSE: The name of urn:li:organization:4242 is not known", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_organization_scope_the_403_names_the_admin_scope()
    {
        await using var session = await SandboxSession.StartAsync(scopes: new[] { "openid", "profile", "w_member_social" });

        var exception = await Assert.ThrowsAsync<LinkedInPermissionException>(() => session.Client.GetOrganizationsAsync());

        Assert.Equal(403, exception.HttpStatus);
        Assert.Contains("rw_organization_admin", exception.Message);
    }
}
