using System.Management.Automation;
using LinkedInPosts.PowerShell.Tests.Hosting;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>Connect-LinkedIn's OAuth sign-in end to end against the sandbox, and what the connection then does.</summary>
public sealed class SignInTests : SignInTestBase
{
    public SignInTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task SignInThenPostThenAFreshRunspacePostsFromTheStoreWithNoSecretAnywhere()
    {
        await CreateAppAsync(scopes: MemberScopes);
        await BrowserDecidesAsync();
        var name = "oauth-" + TestName;

        PowerShell.Run("$DebugPreference = 'Continue'; $InformationPreference = 'Continue'").AssertNoErrors();
        using (var command = StartSignIn(name, "-Verbose"))
        {
            var url = await command.AuthorizationUrlAsync();
            Assert.Contains("response_type=code", url.Query);
            Assert.Contains("scope=openid%20profile%20w_member_social", url.Query);
            var location = await AuthorizeAsync(command);
            var page = await DeliverAsync(location!);
            Assert.Contains("LinkedIn", page);
            var run = command.End();
            run.AssertNoErrors();
            TrackStoredSecrets();

            Assert.Contains(run.Information, i => i.Contains(url.AbsoluteUri, StringComparison.Ordinal));
            Assert.Contains(url.AbsoluteUri, run.HostText);
            AssertPlainTextStoreWarning(run);
            var connection = run.Output.Single();
            Assert.Equal(name, Property(connection, "Name"));
            Assert.Equal(Member.Urn, Property(connection, "Member"));
            Assert.Equal("OAuth", Property(connection, "SignIn"));
            Assert.Equal(59, Property(connection, "AccessTokenDaysLeft"));
            Assert.Equal(false, Property(connection, "CanRefresh"));
            Assert.Equal(new[] { "openid", "profile", "w_member_social" }, (string[])Property(connection, "Scopes")!);
            Assert.Equal(new Uri(Sandbox.BaseUri, "oauth/v2/"), Property(connection, "OAuthBaseUri"));
        }

        var posted = PowerShell.Run($"New-LinkedInPost -Text 'signed in with OAuth' -Connection {name} -Verbose");
        posted.AssertNoErrors();
        Assert.Equal(Member.Urn, Property(posted.Output.Single(), "Author"));

        // A scheduled task: a new process (here a new runspace), no Connect-LinkedIn, the connection by name.
        var cron = NewSession();
        var queued = cron.Run($"New-LinkedInPost -Text 'posted by the queue runner' -Connection {name} -Verbose");
        queued.AssertNoErrors();
        AssertPlainTextStoreWarning(queued);
        Assert.Equal(2, (await Sandbox.Admin.GetPostsAsync()).Count(p => p.Author == Member.Urn));

        var listed = cron.Run($"Get-LinkedInConnection {name} -Verbose; Test-LinkedInConnection {name} -Verbose");
        listed.AssertNoErrors();
        Assert.Equal(true, Property(listed.Output[1], "IsValid"));
        var gone = cron.Run($"Disconnect-LinkedIn {name} -Verbose");
        gone.AssertNoErrors();
        Assert.Contains(gone.Warnings, w => w.Contains("pass -ClientSecret to revoke", StringComparison.Ordinal));

        if (TestEnvironment.UsesPlainTextStore && !OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TestEnvironment.PlainTextFile));
        }
        // The transcripts of both sessions are checked for the client secret, the code and the tokens after the test.
    }

    [Fact]
    public async Task OrganizationSignInRecordsThePagesAndAuthorPicksThem()
    {
        var page = "urn:li:organization:" + Random.Shared.Next(100000, 999999);
        var member = await Sandbox.Admin.CreateMemberAsync("Page Admin " + TestName, new[] { new SandboxOrganizationRole(page, "Contoso " + TestName, "ADMINISTRATOR") });
        await CreateAppAsync(scopes: PageScopes);
        await BrowserDecidesAsync(member: member);

        var run = await SignInAsync("pages-" + TestName, "-Organization");
        var organizations = (object[])Property(run.Output.Single(), "Organizations")!;
        var only = System.Management.Automation.PSObject.AsPSObject(organizations.Single());
        Assert.Equal(page, Property(only, "Urn"));
        Assert.Equal("ADMINISTRATOR", Property(only, "Role"));
        Assert.Equal(true, Property(only, "CanPost"));

        var asPage = PowerShell.Run($"New-LinkedInPost -Text 'as the page' -Author {page} -Connection pages-{TestName}");
        asPage.AssertNoErrors();
        Assert.Equal(page, Property(asPage.Output.Single(), "Author"));

        // Media uploaded for the page can only be posted by it: piped in without -Author, the post is the page's.
        using (var files = new TestMediaFiles())
        {
            var picture = PowerShell.Run($"Add-LinkedInMedia -Path $args[0] -Author {page} -Connection pages-{TestName} | New-LinkedInPost -Text 'the page, pictured' -Connection pages-{TestName}", files.Png("page.png"));
            picture.AssertNoErrors();
            Assert.Equal(page, Property(picture.Output.Single(), "Author"));
        }

        var before = await RequestCountAsync();
        var other = PowerShell.Run($"New-LinkedInPost -Text 'as a stranger page' -Author urn:li:organization:1 -Connection pages-{TestName}");
        var error = other.SingleError();
        Assert.StartsWith("LinkedInAuthorNotAllowed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("has no role on urn:li:organization:1", error.Exception.Message);
        Assert.Contains("it can post as " + page, error.Exception.Message);
        Assert.Empty(await RequestsSinceAsync(before));
    }

    [Fact]
    public async Task MinusConnectionPicksWhoPosts()
    {
        var second = await Sandbox.Admin.CreateMemberAsync("Second " + TestName);
        await CreateAppAsync(scopes: MemberScopes);
        await BrowserDecidesAsync();
        await SignInAsync("first-" + TestName);
        await BrowserDecidesAsync(member: second);
        await SignInAsync("second-" + TestName);

        var run = PowerShell.Run($"New-LinkedInPost -Text 'one' -Connection first-{TestName}; New-LinkedInPost -Text 'two' -Connection second-{TestName}");
        run.AssertNoErrors();
        Assert.Equal(new object?[] { Member.Urn, second.Urn }, run.Output.Select(o => Property(o, "Author")));

        var wrongPerson = PowerShell.Run($"New-LinkedInPost -Text 'three' -Connection first-{TestName} -Author {second.Urn}");
        Assert.StartsWith("LinkedInAuthorNotAllowed,", wrongPerson.SingleError().FullyQualifiedErrorId);
    }

    [Fact]
    public async Task PkceSignsInWithoutASecretAndCredentialTakesTheClientIdAsUserName()
    {
        var app = await CreateAppAsync(pkce: true, scopes: MemberScopes);
        await BrowserDecidesAsync();
        using (var command = PowerShell.Start($"Connect-LinkedIn -ClientId $ClientId -Pkce -ApiBaseUri $SandboxUri -RedirectUri $Redirect -NoBrowser -Name pkce-{TestName}"))
        {
            var url = await command.AuthorizationUrlAsync();
            Assert.Contains("code_challenge_method=S256", url.Query);
            await DeliverAsync((await AuthorizeAsync(command))!);
            var run = command.End();
            run.AssertNoErrors();
            Assert.Equal("OAuth (PKCE)", Property(run.Output.Single(), "SignIn"));
        }

        PowerShell.SetVariable("AppCredential", new PSCredential(app.ClientId, PowerShellSession.Secure(app.ClientSecret)));
        using (var command = PowerShell.Start($"Connect-LinkedIn -Credential $AppCredential -ApiBaseUri $SandboxUri -RedirectUri $Redirect -NoBrowser -Name cred-{TestName}"))
        {
            await DeliverAsync((await AuthorizeAsync(command))!);
            var run = command.End();
            run.AssertNoErrors();
            Assert.Equal(app.ClientId, Property(run.Output.Single(), "ClientId"));
        }
        TrackStoredSecrets();
    }

    [Fact]
    public async Task WithRefreshTokensAPostRefreshesTransparentlyAndDisconnectRevokes()
    {
        var app = await CreateAppAsync(refreshTokens: true, scopes: MemberScopes);
        await BrowserDecidesAsync();
        var name = "refresh-" + TestName;
        var connected = await SignInAsync(name);
        Assert.Equal(true, Property(connected.Output.Single(), "CanRefresh"));
        Assert.Equal(364, Property(connected.Output.Single(), "RefreshTokenDaysLeft"));

        var tested = PowerShell.Run($"Test-LinkedInConnection {name}");
        tested.AssertNoErrors();
        Assert.Equal(true, Property(tested.Output.Single(), "Introspected"));

        // Day 60 + a bit: the access token has expired (on both clocks); the post refreshes it first.
        await ShiftClocksAsync(TimeSpan.FromDays(60) + TimeSpan.FromMinutes(1));
        var before = await RequestCountAsync();
        var posted = PowerShell.Run($"New-LinkedInPost -Text 'after the refresh' -Connection {name} -Verbose");
        posted.AssertNoErrors();
        Assert.Equal(new[] { "POST /oauth/v2/accessToken", "POST /rest/posts" }, await CallsSinceAsync(before));
        Assert.Contains(posted.Verbose, v => v.StartsWith("Refreshed connection '" + name + "'", StringComparison.Ordinal));
        TrackStoredSecrets();
        var after = PowerShell.Run($"Get-LinkedInConnection {name}").Output.Single();
        Assert.Equal(59, Property(after, "AccessTokenDaysLeft"));
        Assert.Equal(304, Property(after, "RefreshTokenDaysLeft"));

        before = await RequestCountAsync();
        var gone = PowerShell.Run($"Disconnect-LinkedIn {name}");
        gone.AssertNoErrors();
        Assert.DoesNotContain(gone.Warnings, w => w.Contains("revoked", StringComparison.Ordinal));
        Assert.Equal(new[] { "POST /oauth/v2/revoke", "POST /oauth/v2/revoke" }, await CallsSinceAsync(before));
        Assert.NotNull(app);
    }
}
