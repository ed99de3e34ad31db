using System.Management.Automation;
using LinkedInPosts.PowerShell.Tests.Hosting;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// Tests that change the process environment (the plain-text opt-in). They run in a collection of their
/// own that never runs beside another test, and put the environment back.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "Environment";
}

[Collection(EnvironmentCollection.Name)]
public sealed class EnvironmentTests : IDisposable
{
    private readonly SandboxFixture _sandbox;
    private readonly PowerShellSession _session;

    public EnvironmentTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        TestEnvironment.ResetTokenStore();
        _session = PowerShellSession.Start();
        _session.SetVariable("SandboxUri", sandbox.Server.BaseUri);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(TestEnvironment.AllowPlainTextVariable, "1");
        _session.Dispose();
    }

    [Fact]
    public async Task WithoutAProtectedStoreOrTheOptInConnectFailsSayingHowToOptIn()
    {
        if (!TestEnvironment.UsesPlainTextStore)
        {
            return; // a protected store exists here: there is nothing to refuse
        }
        Environment.SetEnvironmentVariable(TestEnvironment.AllowPlainTextVariable, null);
        var member = await _sandbox.Server.Admin.CreateMemberAsync("No Store");
        var token = await _sandbox.Server.Admin.CreateTokenAsync(member.Urn, new[] { "openid", "profile", "w_member_social" });
        _session.SetVariable("Token", PowerShellSession.Secure(token));
        var before = (await _sandbox.Server.Admin.GetRequestsAsync()).Count;

        var refused = _session.Run("Connect-LinkedIn -AccessToken $Token -ApiBaseUri $SandboxUri");
        var error = refused.SingleError();
        Assert.StartsWith("LinkedInTokenStoreUnavailable,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Contains("Connect-LinkedIn -AllowPlainTextTokenFile", error.Exception.Message);
        Assert.Contains("LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS=1", error.ErrorDetails.RecommendedAction);
        Assert.Contains("OS account " + Environment.UserName, error.Exception.Message);
        Assert.Equal(before, (await _sandbox.Server.Admin.GetRequestsAsync()).Count);
        Assert.False(File.Exists(TestEnvironment.PlainTextFile));

        // The switch opts in for this command and the rest of this session.
        var opted = _session.Run("Connect-LinkedIn -AccessToken $Token -ApiBaseUri $SandboxUri -AllowPlainTextTokenFile; Get-LinkedInConnection");
        opted.AssertNoErrors();
        Assert.Equal(2, opted.Output.Count);
        Assert.Contains(opted.Warnings, w => w.Contains("NOT in a protected store", StringComparison.Ordinal));

        // A scheduled task without the opt-in does not read the file, and says so.
        using var task = PowerShellSession.Start();
        var notRead = task.Run("New-LinkedInPost -Text 'from a task without the opt-in'");
        Assert.StartsWith("LinkedInTokenStoreUnavailable,", notRead.SingleError().FullyQualifiedErrorId);
        Assert.Contains("plain-text token file from an earlier opt-in exists", notRead.SingleError().Exception.Message);
        Assert.DoesNotContain(token, _session.Transcript + task.Transcript, StringComparison.Ordinal);
    }
}
