using System.Management.Automation;
using LinkedInPosts.PowerShell.Tests.Hosting;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

public sealed class ConnectLinkedInTests : CmdletTestBase
{
    public ConnectLinkedInTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public void ConnectOutputsTheConnectionWithTheMemberAndNoToken()
    {
        var run = Connect();
        var connection = run.Output.Single();
        Assert.Equal("default", Property(connection, "Name"));
        Assert.Equal(Member.Urn, Property(connection, "Member"));
        Assert.Equal(Member.Name, Property(connection, "MemberName"));
        Assert.Equal(Sandbox.BaseUri, Property(connection, "ApiBaseUri"));
        Assert.Equal(true, Property(connection, "IsSandbox"));

        var defaultVersion = PowerShell.Run("[LinkedInPosts.Core.Api.LinkedInApiVersion]::Resolve($null)").Output.Single().ToString();
        Assert.Equal(defaultVersion, Property(connection, "ApiVersion"));

        Assert.DoesNotContain(Token, connection.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(connection.Properties, p => p.Name is "AccessToken" or "RefreshToken" or "ClientSecret" or "Token");
        Assert.DoesNotContain(connection.Properties, p => Equals(p.Value?.ToString(), Token));
        Assert.Null(Property(connection, "AccessTokenExpiresAt"));
        Assert.Equal("AccessToken", Property(connection, "SignIn"));
        Assert.Equal(Environment.UserName + "@" + Environment.MachineName, Property(connection, "ConnectedBy"));
    }

    [Fact]
    public void ConnectReadsTheTokenFromTheEnvironmentWhenNoneIsGiven()
    {
        var previous = Environment.GetEnvironmentVariable("LINKEDINPOSTS_ACCESS_TOKEN");
        Environment.SetEnvironmentVariable("LINKEDINPOSTS_ACCESS_TOKEN", Token);
        try
        {
            var run = PowerShell.Run("Connect-LinkedIn -ApiBaseUri $SandboxUri -Name fromEnv");
            run.AssertNoErrors();
            Assert.Equal(Member.Urn, Property(run.Output.Single(), "Member"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("LINKEDINPOSTS_ACCESS_TOKEN", previous);
        }
    }

    [Fact]
    public void WithoutAnyTokenConnectStopsWithAnActionableError()
    {
        var previous = Environment.GetEnvironmentVariable("LINKEDINPOSTS_ACCESS_TOKEN");
        Environment.SetEnvironmentVariable("LINKEDINPOSTS_ACCESS_TOKEN", null);
        try
        {
            var run = PowerShell.Run("try { Connect-LinkedIn -ApiBaseUri $SandboxUri; 'continued' } catch { $_ }");
            var error = (ErrorRecord)run.Output.Single().BaseObject;
            Assert.StartsWith("LinkedInNoAccessToken,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("LINKEDINPOSTS_ACCESS_TOKEN", error.Exception.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("LINKEDINPOSTS_ACCESS_TOKEN", previous);
        }
    }

    [Fact]
    public void ARefusedTokenIsAnAuthenticationErrorAndLeavesNoConnection()
    {
        PowerShell.SetVariable("Bad", PowerShellSession.Secure("not-a-real-token"));
        var run = PowerShell.Run("try { Connect-LinkedIn -AccessToken $Bad -ApiBaseUri $SandboxUri } catch { $_ }");
        var error = (ErrorRecord)run.Output.Single().BaseObject;
        Assert.StartsWith("LinkedInAuth", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("Connect-LinkedIn", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("not-a-real-token", run.AllText(), StringComparison.Ordinal);

        var next = PowerShell.Run("New-LinkedInPost -Text 'after a failed connect'");
        Assert.StartsWith("LinkedInNotConnected,", next.SingleError().FullyQualifiedErrorId);
    }

    [Fact]
    public async Task AMalformedApiVersionIsRejectedBeforeAnyCall()
    {
        var before = await RequestCountAsync();
        var run = PowerShell.Run("Connect-LinkedIn -AccessToken $Token -ApiBaseUri $SandboxUri -ApiVersion 'latest'");
        var error = run.SingleError();
        Assert.StartsWith("LinkedInInvalidApiVersion,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(await RequestsSinceAsync(before));
    }

    [Fact]
    public void NamedConnectionsAreUsedWithMinusConnectionAndCompleted()
    {
        Connect("-Name work");

        var withoutName = PowerShell.Run("New-LinkedInPost -Text 'no default connection'");
        var error = withoutName.SingleError();
        Assert.StartsWith("LinkedInNotConnected,", error.FullyQualifiedErrorId);
        Assert.Contains("Connect-LinkedIn -ClientId", error.Exception.Message);
        Assert.Contains("Connections: work.", error.Exception.Message);

        var posted = PowerShell.Run("New-LinkedInPost -Text 'posted with a named connection' -Connection work");
        posted.AssertNoErrors();
        Assert.Equal(Member.Urn, Property(posted.Output.Single(), "Author"));

        var completion = PowerShell.Run(
            "$line = 'Get-LinkedInPost -Connection w'; " +
            "(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText }");
        completion.AssertNoErrors();
        Assert.Equal(new[] { "work" }, completion.Output.Select(o => o.ToString()));
    }

    [Fact]
    public async Task AnotherRunspaceFindsTheConnectionInTheTokenStore()
    {
        // Like a scheduled task in a fresh process: no Connect-LinkedIn, the store has the connection.
        Connect("-Name cron-" + TestName);
        var other = NewSession();
        var run = other.Run("New-LinkedInPost -Text 'from another runspace' -Connection cron-" + TestName);
        run.AssertNoErrors();
        Assert.Equal(Member.Urn, Property(run.Output.Single(), "Author"));
        Assert.Single(await Sandbox.Admin.GetPostsAsync(), p => p.Author == Member.Urn && p.Commentary == "from another runspace");
        AssertPlainTextStoreWarning(run);
    }

    [Fact]
    public void AnAccessTokenWithAKnownExpiryIsStoredWithIt()
    {
        PowerShell.SetVariable("Expiry", DateTimeOffset.UtcNow.AddDays(20).UtcDateTime);
        var run = PowerShell.Run("Connect-LinkedIn -AccessToken $Token -ApiBaseUri $SandboxUri -AccessTokenExpiresAt $Expiry -Name expiring");
        run.AssertNoErrors();
        var connection = run.Output.Single();
        Assert.Equal(19, Property(connection, "AccessTokenDaysLeft"));
        Assert.Contains("(19 days left)", connection.ToString());
        Assert.Equal(false, Property(connection, "CanRefresh"));
    }

    [Fact]
    public void ConnectingAgainWithTheSameNameReplacesTheConnection()
    {
        Connect();
        var second = PowerShell.Run("Connect-LinkedIn -AccessToken $Token -ApiBaseUri $SandboxUri -ApiVersion 202609");
        second.AssertNoErrors();
        Assert.Equal("202609", Property(second.Output.Single(), "ApiVersion"));
    }

    [Fact]
    public void APlainStringTokenAsTheSandboxPrintsItIsAcceptedAndKeptSecure()
    {
        // The standalone sandbox prints "Connect-LinkedIn -AccessToken <token> -ApiBaseUri <uri>".
        PowerShell.SetVariable("Plain", Token);
        var run = PowerShell.Run(
            "$c = Connect-LinkedIn -AccessToken $Plain -ApiBaseUri $SandboxUri; $c.Member; " +
            "(Get-Command Connect-LinkedIn).Parameters['AccessToken'].ParameterType.FullName");
        run.AssertNoErrors();
        Assert.Equal(new[] { Member.Urn, "System.Security.SecureString" }, run.Output.Select(o => o.ToString()));
    }
}
