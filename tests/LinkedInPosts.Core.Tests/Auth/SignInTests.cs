using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>The whole sign-in against the sandbox over real HTTP, the test playing the browser.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task Sign_in_end_to_end_gives_a_connection_that_posts()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();

        var connection = await sandbox.SignInAsync(sandbox.Request(LinkedInScopes.MemberAndOrganizations));

        Assert.Equal("work", connection.Name);
        Assert.Equal(sandbox.Member.Urn, connection.MemberUrn);
        Assert.Equal("Ada Lovelace", connection.MemberName);
        Assert.Equal(LinkedInScopes.MemberAndOrganizations, connection.Scopes);
        Assert.Equal(OAuthSandbox.StartTime.AddDays(60), connection.AccessTokenExpiresAt);
        Assert.Null(connection.RefreshToken);
        Assert.Null(connection.RefreshTokenExpiresAt);
        Assert.Null(connection.ClientSecret); // no refresh token, so the secret is not kept
        Assert.Equal(sandbox.App.ClientId, connection.ClientId);
        Assert.False(connection.UsesPkce);
        Assert.Equal(sandbox.Server.BaseUri.AbsoluteUri, connection.ApiBase.AbsoluteUri);
        Assert.Equal(sandbox.Server.BaseUri.AbsoluteUri + "oauth/v2/", connection.OAuthBase.AbsoluteUri);
        Assert.Equal(OAuthSandbox.StartTime, connection.ConnectedAt);
        Assert.Equal(OsAccount.Current, connection.ConnectedBy);
        Assert.Collection(connection.Organizations.OrderBy(o => o.Urn),
            contoso =>
            {
                Assert.Equal(OAuthSandbox.Contoso, contoso.Urn);
                Assert.Equal("Contoso", contoso.Name);
                Assert.Equal("ADMINISTRATOR", contoso.Role);
                Assert.True(contoso.CanPost);
            },
            fabrikam =>
            {
                Assert.Equal(OAuthSandbox.Fabrikam, fabrikam.Urn);
                Assert.Equal("Fabrikam Ops", fabrikam.Name);
                Assert.Equal("ANALYST", fabrikam.Role);
                Assert.False(fabrikam.CanPost);
            });

        // What the browser was sent to and what it was answered.
        var query = TestBrowser.Query(sandbox.Browser.AuthorizationUri!);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(sandbox.RedirectUri.AbsoluteUri, query["redirect_uri"]);
        Assert.Equal(string.Join(" ", LinkedInScopes.MemberAndOrganizations), query["scope"]);
        Assert.DoesNotContain("code_challenge", query.Keys);
        Assert.Equal(200, sandbox.Browser.CallbackStatus);
        Assert.Contains("You can close this window", sandbox.Browser.CallbackPage);
        Assert.Single(await sandbox.RequestsAsync("GET", "/rest/organizationAcls?q=roleAssignee&state=APPROVED"));

        // Saved, then used for a post through the token source.
        var store = sandbox.Store();
        store.Save(connection);
        using var client = sandbox.ClientFor(sandbox.TokenSource(store, store.Find("work")!));
        var post = await client.CreatePostAsync(new PostDraft(LinkedInUrn.Parse(connection.MemberUrn), "Signed in from PowerShell"));
        var stored = await sandbox.Admin.GetPostAsync(post.Urn);
        Assert.Equal(sandbox.Member.Urn, stored!.Author);
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task Member_scopes_alone_skip_the_page_lookup()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();

        var connection = await sandbox.SignInAsync();

        Assert.Equal(LinkedInScopes.Member, connection.Scopes);
        Assert.Empty(connection.Organizations);
        Assert.Empty(await sandbox.RequestsAsync("GET", "/rest/organization"));
        Assert.Single(await sandbox.RequestsAsync("GET", "/v2/userinfo"));
    }

    [Fact]
    public async Task Pkce_sign_in_needs_no_client_secret()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(app => app.Pkce = true);
        var request = sandbox.Request();
        request.ClientSecret = null;
        request.UsePkce = true;

        var connection = await sandbox.SignInAsync(request);

        Assert.Equal(sandbox.Member.Urn, connection.MemberUrn);
        Assert.True(connection.UsesPkce);
        Assert.Null(connection.ClientSecret);
        var query = TestBrowser.Query(sandbox.Browser.AuthorizationUri!);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(PkcePair.ChallengeFor(sandbox.LastVerifier!), query["code_challenge"]);
        sandbox.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task A_refreshable_app_keeps_the_refresh_token_its_expiry_and_the_secret_it_needs()
    {
        await using var sandbox = await OAuthSandbox.StartAsync(app => app.RefreshTokens = true);

        var connection = await sandbox.SignInAsync();

        Assert.NotNull(connection.RefreshToken);
        Assert.Equal(OAuthSandbox.StartTime.AddDays(365), connection.RefreshTokenExpiresAt);
        Assert.Equal(sandbox.App.ClientSecret, connection.ClientSecret);
        Assert.True(connection.CanRefreshAt(OAuthSandbox.StartTime));
    }

    [Fact]
    public async Task A_new_token_briefly_called_revoked_is_asked_again()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        await sandbox.Admin.AddFaultAsync(new SandboxFault
        {
            Method = "GET",
            Path = "/v2/userinfo",
            Count = 1,
            Status = 401,
            Body = "{\"status\":401,\"serviceErrorCode\":65601,\"code\":\"REVOKED_ACCESS_TOKEN\",\"message\":\"The token used in the request has been revoked by the user\"}",
        });

        var connection = await sandbox.SignInAsync();

        Assert.Equal(sandbox.Member.Urn, connection.MemberUrn);
        Assert.Equal(new[] { 401, 200 }, (await sandbox.RequestsAsync("GET", "/v2/userinfo")).Select(r => r.Status));
        Assert.Contains(sandbox.Log.Lines, line => line.Contains("revoked", StringComparison.Ordinal) && line.Contains("right after sign-in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_that_cannot_be_listed_warn_and_the_sign_in_still_succeeds()
    {
        await using var sandbox = await OAuthSandbox.StartAsync();
        await sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "GET", Path = "/rest/organizationAcls", Count = 20, Status = 403 });

        var connection = await sandbox.SignInAsync(sandbox.Request(LinkedInScopes.MemberAndOrganizations));

        Assert.Empty(connection.Organizations);
        Assert.Contains(sandbox.Log.Lines, line => line.StartsWith("WARNING: The pages this member can post for could not be listed", StringComparison.Ordinal));
    }
}
