using System.Management.Automation;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// A connection of an app without refresh tokens (most apps) as its 60 days run out, with the sandbox's
/// clock and the module's moved together: warnings from 7 days before, then a fast failure.
/// </summary>
public sealed class ExpiryTests : SignInTestBase
{
    public ExpiryTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task WarnsFromAWeekBeforeThenFailsFastNamingTheConnectionAndTheCommand()
    {
        await CreateAppAsync(scopes: MemberScopes);
        await BrowserDecidesAsync();
        var name = "expiring-" + TestName;
        await SignInAsync(name);
        var cron = NewSession();
        var expectedCommand = $"Connect-LinkedIn -Name {name} -ClientId {PowerShell.Runspace.SessionStateProxy.GetVariable("ClientId")} " +
            $"-ClientSecret (Read-Host -AsSecureString 'LinkedIn client secret') -RedirectUri '{PowerShell.Runspace.SessionStateProxy.GetVariable("Redirect")}' -ApiBaseUri '{Sandbox.BaseUri}'";

        await ShiftClocksAsync(TimeSpan.FromDays(52), PowerShell, cron);
        var early = PowerShell.Run($"New-LinkedInPost -Text 'eight days left' -Connection {name}");
        early.AssertNoErrors();
        Assert.DoesNotContain(early.Warnings, w => w.Contains("expires in", StringComparison.Ordinal));

        await ShiftClocksAsync(TimeSpan.FromDays(2), PowerShell, cron);
        var warned = cron.Run($"New-LinkedInPost -Text 'six days left' -Connection {name}");
        warned.AssertNoErrors();
        var warning = Assert.Single(warned.Warnings, w => w.Contains("expires in", StringComparison.Ordinal));
        Assert.Contains($"Connection '{name}' expires in 5 days", warning);
        Assert.Contains(expectedCommand, warning);
        Assert.Equal(5, Property(cron.Run($"Get-LinkedInConnection {name}").Output.Single(), "AccessTokenDaysLeft"));

        await ShiftClocksAsync(TimeSpan.FromDays(7), PowerShell, cron);
        var before = await RequestCountAsync();
        var failed = cron.Run($"'a', 'b' | New-LinkedInPost -Connection {name}");
        var error = failed.SingleError();
        Assert.StartsWith("LinkedInAuthExpired,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains($"Connection '{name}' expired on", error.ToString());
        Assert.Contains("LinkedIn gives this app no refresh token", error.ToString());
        Assert.Contains(expectedCommand, error.ToString());
        Assert.StartsWith("Run " + expectedCommand, error.ErrorDetails.RecommendedAction);
        Assert.Empty(await RequestsSinceAsync(before));

        var tested = cron.Run($"Test-LinkedInConnection {name}");
        Assert.Equal("Expired", Property(tested.Output.Single(), "Status"));
        Assert.Equal(true, Property(cron.Run($"Get-LinkedInConnection {name}").Output.Single(), "IsExpired"));
        Assert.Empty(await RequestsSinceAsync(before));
    }
}
