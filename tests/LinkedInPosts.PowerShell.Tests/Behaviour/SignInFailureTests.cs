using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using LinkedInPosts.PowerShell.Tests.Hosting;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>Every way the sign-in fails: a terminating error with its ErrorId, and no connection stored.</summary>
public sealed class SignInFailureTests : SignInTestBase
{
    public SignInFailureTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private ErrorRecord AssertFailed(PowerShellRun run, string errorId, ErrorCategory category, string name)
    {
        var error = run.SingleError();
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Equal(name, error.TargetObject);
        Assert.StartsWith("LinkedInNotConnected,", PowerShell.Run("Get-LinkedInConnection " + name).SingleError().FullyQualifiedErrorId);
        return error;
    }

    [Theory]
    [InlineData(SandboxConsent.Cancel)]
    [InlineData(SandboxConsent.CancelLogin)]
    public async Task CancellingInTheBrowserIsOperationStopped(SandboxConsent decision)
    {
        await CreateAppAsync(scopes: MemberScopes);
        await BrowserDecidesAsync(decision);
        using var command = StartSignIn("cancelled");
        var location = await AuthorizeAsync(command);
        Assert.Contains("error=user_cancelled", location!.Query);
        await DeliverAsync(location);
        var error = AssertFailed(command.End(), "LinkedInSignInCancelled", ErrorCategory.OperationStopped, "cancelled");
        Assert.Contains("cancelled", error.Exception.Message);
    }

    [Fact]
    public async Task AnAnswerWithAnotherStateIsRefusedAndNeverExchanged()
    {
        await CreateAppAsync(scopes: MemberScopes);
        await BrowserDecidesAsync();
        using var command = StartSignIn("forged");
        var location = await AuthorizeAsync(command);
        var before = await RequestCountAsync();
        var forged = new UriBuilder(location!) { Query = location!.Query.TrimStart('?').Replace("state=", "state=x") }.Uri;
        await DeliverAsync(forged);
        AssertFailed(command.End(), "LinkedInSignInStateMismatch", ErrorCategory.SecurityError, "forged");
        Assert.DoesNotContain("POST /oauth/v2/accessToken", await CallsSinceAsync(before));
    }

    [Fact]
    public async Task AnUnregisteredRedirectUriTimesOutSayingToCheckTheRegisteredUri()
    {
        await CreateAppAsync(scopes: MemberScopes);
        await BrowserDecidesAsync();
        PowerShell.SetVariable("Redirect", $"http://127.0.0.1:{FreePort()}/callback");
        using var command = StartSignIn("misregistered", "-Timeout 2");
        var shown = await AuthorizeAsync(command);
        Assert.Null(shown); // LinkedIn shows its error page; the listener never hears anything
        var error = AssertFailed(command.End(), "LinkedInSignInTimeout", ErrorCategory.OperationTimeout, "misregistered");
        Assert.Contains("redirect", error.Exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Authorized redirect URLs", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public async Task AScopeTheAppLacksIsPermissionDeniedNamingIt()
    {
        await CreateAppAsync(scopes: MemberScopes);
        await BrowserDecidesAsync();
        using var command = StartSignIn("noPages", "-Organization");
        var location = await AuthorizeAsync(command);
        Assert.Contains("error=unauthorized_scope_error", location!.Query);
        await DeliverAsync(location);
        var error = AssertFailed(command.End(), "LinkedInSignInScopeNotAuthorized", ErrorCategory.PermissionDenied, "noPages");
        Assert.Contains("w_organization_social", error.Exception.Message);
        Assert.Contains("Community Management API", error.Exception.Message);
    }

    [Fact]
    public async Task AWrongSecretIsRefusedAtTheExchange()
    {
        await CreateAppAsync(scopes: MemberScopes);
        await BrowserDecidesAsync();
        PowerShell.SetVariable("ClientSecret", PowerShellSession.Secure("WrongSecret0123456"));
        AddSecret("WrongSecret0123456");
        using var command = StartSignIn("wrongSecret");
        await DeliverAsync((await AuthorizeAsync(command))!);
        var error = AssertFailed(command.End(), "LinkedInSignInClientRejected", ErrorCategory.AuthenticationError, "wrongSecret");
        Assert.Contains("client id and secret", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public async Task AnInvalidCodeIsRefusedAtTheExchange()
    {
        await CreateAppAsync(scopes: MemberScopes);
        await BrowserDecidesAsync();
        using var command = StartSignIn("badCode");
        var location = await AuthorizeAsync(command);
        var tampered = new UriBuilder(location!) { Query = location!.Query.TrimStart('?').Replace("code=", "code=x") }.Uri;
        await DeliverAsync(tampered);
        AssertFailed(command.End(), "LinkedInSignInCodeRejected", ErrorCategory.AuthenticationError, "badCode");
    }

    [Fact]
    public async Task NoAnswerInTimeIsATimeout()
    {
        await CreateAppAsync(scopes: MemberScopes);
        using var command = StartSignIn("slow", "-Timeout 1");
        await command.AuthorizationUrlAsync();
        var watch = Stopwatch.StartNew();
        AssertFailed(command.End(), "LinkedInSignInTimeout", ErrorCategory.OperationTimeout, "slow");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"The 1-second timeout took {watch.Elapsed}.");
    }

    [Fact]
    public async Task CtrlCStopsTheWaitPromptlyAndFreesThePort()
    {
        await CreateAppAsync(scopes: MemberScopes);
        var redirect = new Uri((string)PowerShell.Runspace.SessionStateProxy.GetVariable("Redirect"));
        using var command = StartSignIn("stopped");
        await command.AuthorizationUrlAsync();

        var watch = Stopwatch.StartNew();
        command.Stop();
        var run = command.End();
        watch.Stop();
        Assert.NotNull(run.Terminating);
        Assert.Empty(run.Output);
        Assert.Equal(PSInvocationState.Stopped, command.State);
        Assert.True(watch.ElapsedMilliseconds < 3000, $"Stopping took {watch.ElapsedMilliseconds} ms.");

        using var again = new TcpListener(IPAddress.Loopback, redirect.Port);
        again.Start(); // the listener let go of the port
        again.Stop();
        Assert.StartsWith("LinkedInNotConnected,", PowerShell.Run("Get-LinkedInConnection stopped").SingleError().FullyQualifiedErrorId);
    }

    [Fact]
    public void AnEmptySecretIsRefusedBeforeAnythingStarts()
    {
        PowerShell.SetVariable("Empty", PowerShellSession.Secure(" "));
        var run = PowerShell.Run("Connect-LinkedIn -ClientId abc -ClientSecret $Empty -ApiBaseUri $SandboxUri -NoBrowser");
        var error = run.SingleError();
        Assert.StartsWith("LinkedInNoClientSecret,", error.FullyQualifiedErrorId);
        Assert.Contains("-Pkce", error.Exception.Message);
    }
}
