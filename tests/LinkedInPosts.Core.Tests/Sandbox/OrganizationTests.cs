using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>Page roles (<c>/rest/organizationAcls</c>) and organization lookup (<c>/rest/organizations/{id}</c>).</summary>
public sealed class OrganizationTests : SandboxTestBase
{
    private static readonly SandboxOrganizationRole ContosoAdmin = new("urn:li:organization:123", "Contoso", "ADMINISTRATOR");
    private static readonly SandboxOrganizationRole FabrikamAnalyst = new("urn:li:organization:456", "Fabrikam Fiber, Inc.", "ANALYST");

    public OrganizationTests(SandboxFixture fixture) : base(fixture) { }

    private Task<HttpResponseMessage> AclsAsync(Actor actor, string query = "") =>
        SendAsync(Rest(HttpMethod.Get, "rest/organizationAcls?q=roleAssignee" + query, actor.Token));

    [Fact]
    public async Task Acls_list_the_members_own_roles()
    {
        var ada = await NewMemberAsync(["w_organization_social"], ContosoAdmin, FabrikamAnalyst);
        await NewMemberAsync(["w_organization_social"], new SandboxOrganizationRole("urn:li:organization:789", "Other", "ADMINISTRATOR"));

        using var response = await AclsAsync(ada);

        Assert.Equal(200, (int)response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(
            "[{\"roleAssignee\":\"" + ada.Urn + "\",\"role\":\"ADMINISTRATOR\",\"organization\":\"urn:li:organization:123\",\"state\":\"APPROVED\"}," +
            "{\"roleAssignee\":\"" + ada.Urn + "\",\"role\":\"ANALYST\",\"organization\":\"urn:li:organization:456\",\"state\":\"APPROVED\"}]",
            body["elements"]!.ToJsonString());
        Assert.Equal(0, (int)body["paging"]!["start"]!);
        Assert.Equal(2, (int)body["paging"]!["total"]!);
    }

    [Fact]
    public async Task Acls_filter_by_role_and_state()
    {
        var ada = await NewMemberAsync(["r_organization_social"], ContosoAdmin, FabrikamAnalyst);

        using var administrators = await AclsAsync(ada, "&role=ADMINISTRATOR&state=APPROVED");
        using var requested = await AclsAsync(ada, "&state=REQUESTED");

        var elements = (await JsonAsync(administrators))["elements"]!.AsArray();
        Assert.Equal("urn:li:organization:123", (string)Assert.Single(elements)!["organization"]!);
        Assert.Empty((await JsonAsync(requested))["elements"]!.AsArray());
    }

    [Fact]
    public async Task Acls_page_with_start_and_count()
    {
        var ada = await NewMemberAsync(["rw_organization_admin"], ContosoAdmin, FabrikamAnalyst);

        using var first = await AclsAsync(ada, "&start=0&count=1");
        using var second = await AclsAsync(ada, "&start=1&count=1");

        var firstBody = await JsonAsync(first);
        Assert.Equal("ADMINISTRATOR", (string)Assert.Single(firstBody["elements"]!.AsArray())!["role"]!);
        Assert.Equal("next", (string)firstBody["paging"]!["links"]![0]!["rel"]!);
        var secondBody = await JsonAsync(second);
        Assert.Equal("ANALYST", (string)Assert.Single(secondBody["elements"]!.AsArray())!["role"]!);
        Assert.Empty(secondBody["paging"]!["links"]!.AsArray());
    }

    [Theory]
    [InlineData("w_organization_social")]
    [InlineData("r_organization_social")]
    [InlineData("rw_organization_admin")]
    [InlineData("r_organization_admin")]
    public async Task Any_organization_scope_may_read_roles_and_organizations(string scope)
    {
        var ada = await NewMemberAsync([scope], ContosoAdmin);

        using var acls = await AclsAsync(ada);
        using var organization = await SendAsync(Rest(HttpMethod.Get, "rest/organizations/123", ada.Token));

        Assert.Equal(200, (int)acls.StatusCode);
        Assert.Equal(200, (int)organization.StatusCode);
    }

    [Fact]
    public async Task Without_an_organization_scope_acls_are_403_naming_the_permissions()
    {
        var ada = await NewMemberAsync(["w_member_social", "openid", "profile"], ContosoAdmin);

        using var response = await AclsAsync(ada);

        Assert.Equal(
            "Not enough permissions to access: organizationAcls.FINDER-roleAssignee.20261101 (missing permission: " +
            "w_organization_social, r_organization_social, rw_organization_admin or r_organization_admin)",
            (string)(await ErrorAsync(response, 403))["message"]!);
    }

    [Fact]
    public async Task Acls_follow_the_rest_rules_for_headers_and_tokens()
    {
        var ada = await NewMemberAsync(["w_organization_social"], ContosoAdmin);

        using var noVersion = await SendAsync(Rest(HttpMethod.Get, "rest/organizationAcls?q=roleAssignee", ada.Token, version: null));
        using var noToken = await SendAsync(Rest(HttpMethod.Get, "rest/organizationAcls?q=roleAssignee", token: null));

        Assert.Equal("VERSION_MISSING", (string)(await ErrorAsync(noVersion, 400))["code"]!);
        await ErrorAsync(noToken, 401);
    }

    [Theory]
    [InlineData("rest/organizationAcls", 400)]
    [InlineData("rest/organizationAcls?q=organization", 400)]
    [InlineData("rest/organizationAcls?q=roleAssignee&role=OWNER", 400)]
    [InlineData("rest/organizationAcls?q=roleAssignee&state=PENDING", 400)]
    [InlineData("rest/organizationAcls?q=roleAssignee&count=101", 400)]
    public async Task Bad_acl_queries_are_400(string pathAndQuery, int status)
    {
        var ada = await NewMemberAsync(["w_organization_social"], ContosoAdmin);

        using var response = await SendAsync(Rest(HttpMethod.Get, pathAndQuery, ada.Token));

        await ErrorAsync(response, status);
    }

    [Fact]
    public async Task An_organization_has_its_id_name_and_vanity_name()
    {
        var ada = await NewMemberAsync(["w_organization_social"], ContosoAdmin, FabrikamAnalyst);

        using var contoso = await SendAsync(Rest(HttpMethod.Get, "rest/organizations/123", ada.Token));
        using var fabrikam = await SendAsync(Rest(HttpMethod.Get, "rest/organizations/456", ada.Token));

        Assert.Equal("{\"id\":123,\"localizedName\":\"Contoso\",\"vanityName\":\"contoso\"}", await contoso.Content.ReadAsStringAsync());
        Assert.Equal("fabrikam-fiber-inc", (string)(await JsonAsync(fabrikam))["vanityName"]!);
    }

    [Fact]
    public async Task An_unknown_organization_is_404_and_a_bad_id_400()
    {
        var ada = await NewMemberAsync(["w_organization_social"], ContosoAdmin);

        using var unknown = await SendAsync(Rest(HttpMethod.Get, "rest/organizations/999", ada.Token));
        using var bad = await SendAsync(Rest(HttpMethod.Get, "rest/organizations/contoso", ada.Token));

        Assert.Equal("Not Found: urn:li:organization:999", (string)(await ErrorAsync(unknown, 404))["message"]!);
        await ErrorAsync(bad, 400);
    }

    [Fact]
    public async Task Without_an_organization_scope_an_organization_is_403()
    {
        var ada = await NewMemberAsync(["w_member_social"], ContosoAdmin);

        using var response = await SendAsync(Rest(HttpMethod.Get, "rest/organizations/123", ada.Token));

        Assert.StartsWith("Not enough permissions to access: organizations.GET.20261101 (missing permission: w_organization_social",
            (string)(await ErrorAsync(response, 403))["message"]!);
    }

    [Fact]
    public async Task Roles_read_with_an_oauth_token_are_the_signed_in_members()
    {
        var ada = await Admin.CreateMemberAsync("Ada Lovelace", [ContosoAdmin]);
        var app = await Admin.CreateAppAsync(new SandboxAppOptions
        {
            RedirectUris = ["http://127.0.0.1:8400/callback"],
            Scopes = ["w_organization_social"],
        });
        await Admin.SetAuthorizationAsync(ada.Urn, SandboxConsent.Approve);
        using var authorize = await Fixture.Browser.GetAsync(
            $"oauth/v2/authorization?response_type=code&client_id={app.ClientId}&redirect_uri=http%3A%2F%2F127.0.0.1%3A8400%2Fcallback&scope=w_organization_social");
        var code = authorize.Headers.Location!.Query.Split("code=")[1];
        using var exchanged = await Http.PostAsync("oauth/v2/accessToken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = Uri.UnescapeDataString(code), ["client_id"] = app.ClientId,
            ["client_secret"] = app.ClientSecret, ["redirect_uri"] = "http://127.0.0.1:8400/callback",
        }));
        var token = (string)(await JsonAsync(exchanged))["access_token"]!;

        using var response = await AclsAsync(new Actor(ada, token));

        Assert.Equal(ada.Urn, (string)Assert.Single((await JsonAsync(response))["elements"]!.AsArray())!["roleAssignee"]!);
    }
}
