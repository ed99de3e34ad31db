using System.Management.Automation;
using LinkedInPosts.PowerShell.Tests.Hosting;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>Get-, Test- and Disconnect-LinkedInConnection over connections made with an access token.</summary>
public sealed class ConnectionCmdletTests : CmdletTestBase
{
    public ConnectionCmdletTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public void GetListsTheStoredConnectionsWithoutSecretsAndNamesTheStore()
    {
        Connect("-Name work");
        Connect("-Name home");

        var all = PowerShell.Run("Get-LinkedInConnection");
        all.AssertNoErrors();
        Assert.Equal(new[] { "home", "work" }, all.Output.Select(o => (string)Property(o, "Name")!));
        AssertPlainTextStoreWarning(all);
        var work = all.Output[1];
        Assert.Equal(Member.Urn, Property(work, "Member"));
        Assert.Equal("AccessToken", Property(work, "SignIn"));
        Assert.Equal(false, Property(work, "CanRefresh"));
        Assert.Equal(TestEnvironment.UsesPlainTextStore ? "plain-text file, NOT protected (opted in)" : Property(work, "Store"), Property(work, "Store"));
        Assert.StartsWith("work: " + Member.Name + " (" + Member.Urn + ") at " + Sandbox.BaseUri, work.ToString());

        var some = PowerShell.Run("Get-LinkedInConnection -Name w*, nothing-here");
        Assert.Equal(new[] { "work" }, some.Output.Select(o => (string)Property(o, "Name")!));
        var missing = some.SingleError();
        Assert.StartsWith("LinkedInNotConnected,", missing.FullyQualifiedErrorId);
        Assert.Equal("nothing-here", missing.TargetObject);
        Assert.Contains("Connections: home, work.", missing.ToString());
    }

    [Fact]
    public void TheStoredFileIsReadableByItsOwnerOnly()
    {
        Connect("-Name mode");
        Assert.True(File.Exists(TestEnvironment.PlainTextFile) || !TestEnvironment.UsesPlainTextStore);
        if (TestEnvironment.UsesPlainTextStore && !OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TestEnvironment.PlainTextFile));
        }
    }

    [Fact]
    public void DisconnectRemovesTheConnectionEverywhereAndSaysTheTokenWasNotRevoked()
    {
        Connect("-Name gone");
        var run = PowerShell.Run("Disconnect-LinkedIn -Name gone -PassThru");
        run.AssertNoErrors();
        Assert.Equal("gone", Property(run.Output.Single(), "Name"));
        Assert.Contains(run.Warnings, w => w.Contains("was not revoked at LinkedIn", StringComparison.Ordinal) && w.Contains("access token", StringComparison.Ordinal));

        Assert.StartsWith("LinkedInNotConnected,", PowerShell.Run("New-LinkedInPost -Text 'after disconnect' -Connection gone").SingleError().FullyQualifiedErrorId);
        Assert.StartsWith("LinkedInNotConnected,", NewSession().Run("New-LinkedInPost -Text 'after disconnect' -Connection gone").SingleError().FullyQualifiedErrorId);
        Assert.StartsWith("LinkedInNotConnected,", PowerShell.Run("Disconnect-LinkedIn gone").SingleError().FullyQualifiedErrorId);
    }

    [Fact]
    public void DisconnectWhatIfRemovesNothingAndPipedConnectionsAreRemoved()
    {
        Connect("-Name one");
        Connect("-Name two");
        var whatIf = PowerShell.Run("Disconnect-LinkedIn -Name one -WhatIf");
        whatIf.AssertNoErrors();
        Assert.Contains("What if: Performing the operation \"Disconnect and revoke its tokens\" on target \"LinkedIn connection 'one'", whatIf.HostText);
        Assert.Equal(2, PowerShell.Run("Get-LinkedInConnection").Output.Count);

        var piped = PowerShell.Run("Get-LinkedInConnection | Disconnect-LinkedIn; @(Get-LinkedInConnection).Count");
        piped.AssertNoErrors();
        Assert.Equal("0", piped.Output.Single().ToString());
    }

    [Fact]
    public void TestAndDisconnectTakeWildcardsAsGetLinkedInConnectionDoes()
    {
        Connect("-Name work-a");
        Connect("-Name work-b");
        Connect("-Name home");

        var tested = PowerShell.Run("Test-LinkedInConnection work-*");
        tested.AssertNoErrors();
        Assert.Equal(new[] { "work-a", "work-b" }, tested.Output.Select(o => (string)Property(o, "Name")!));
        Assert.All(tested.Output, o => Assert.Equal(true, Property(o, "IsValid")));

        // A pattern that matches nothing is no error (as for Remove-Item); a plain name that matches nothing still is.
        var removed = PowerShell.Run("Disconnect-LinkedIn work-*, nothing-* -PassThru");
        removed.AssertNoErrors();
        Assert.Equal(new[] { "work-a", "work-b" }, removed.Output.Select(o => (string)Property(o, "Name")!).OrderBy(n => n));
        Assert.Equal(new[] { "home" }, PowerShell.Run("Get-LinkedInConnection").Output.Select(o => (string)Property(o, "Name")!));
    }

    [Fact]
    public void AnUnreadableStoreNamesTheResetAndDisconnectAllForceResetsIt()
    {
        Connect("-Name before");
        File.WriteAllText(TestEnvironment.PlainTextFile, "{ not json");

        var get = PowerShell.Run("Get-LinkedInConnection");
        var error = get.SingleError();
        Assert.StartsWith("LinkedInTokenStoreUnreadable,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ReadError, error.CategoryInfo.Category);
        Assert.Contains("Disconnect-LinkedIn -All -Force", error.ErrorDetails.RecommendedAction);
        Assert.Contains("this process runs as " + Environment.UserName, error.Exception.Message);

        var withoutForce = PowerShell.Run("Disconnect-LinkedIn -All");
        Assert.StartsWith("LinkedInTokenStoreUnreadable,", withoutForce.SingleError().FullyQualifiedErrorId);

        var reset = PowerShell.Run("Disconnect-LinkedIn -All -Force");
        reset.AssertNoErrors();
        Assert.False(File.Exists(TestEnvironment.PlainTextFile));

        Connect("-Name after");
        Assert.Equal(new[] { "after" }, PowerShell.Run("Get-LinkedInConnection").Output.Select(o => (string)Property(o, "Name")!));
    }

    [Fact]
    public async Task TestSaysValidOrWhyNotAndQuietGivesABoolean()
    {
        var token = await NewTokenAsync(SandboxFixture.AllScopes);
        PowerShell.SetVariable("Other", PowerShellSession.Secure(token));
        PowerShell.Run("Connect-LinkedIn -AccessToken $Other -ApiBaseUri $SandboxUri -Name monitored").AssertNoErrors();

        var valid = PowerShell.Run("Test-LinkedInConnection -Name monitored");
        valid.AssertNoErrors();
        var result = valid.Output.Single();
        Assert.Equal(true, Property(result, "IsValid"));
        Assert.Equal("Valid", Property(result, "Status"));
        Assert.Equal(Member.Urn, Property(result, "Member"));
        Assert.Equal(false, Property(result, "Introspected"));
        Assert.Equal("True", PowerShell.Run("Test-LinkedInConnection monitored -Quiet").Output.Single().ToString());

        await Sandbox.Admin.RevokeTokenAsync(token);
        var revoked = PowerShell.Run("Test-LinkedInConnection -Name monitored, missing");
        revoked.AssertNoErrors();
        Assert.Equal(new object?[] { false, false }, revoked.Output.Select(o => Property(o, "IsValid")));
        Assert.Equal(new object?[] { "Revoked", "NotFound" }, revoked.Output.Select(o => Property(o, "Status")));
        Assert.Contains("Connect-LinkedIn -Name monitored -AccessToken (Read-Host -AsSecureString 'LinkedIn access token') -ApiBaseUri '" + Sandbox.BaseUri + "'",
            (string)Property(revoked.Output[0], "Message")!);
        Assert.Contains("NOT valid (Revoked)", revoked.Output[0].ToString());
        Assert.Equal(new[] { "False", "False" }, PowerShell.Run("'monitored', 'missing' | ForEach-Object { [pscustomobject]@{ Name = $_ } } | Test-LinkedInConnection -Quiet").Output.Select(o => o.ToString()));
    }

    [Fact]
    public async Task ARevokedTokenStopsAPostWithTheConnectionAndTheCommandToReconnect()
    {
        var token = await NewTokenAsync(SandboxFixture.AllScopes);
        PowerShell.SetVariable("Other", PowerShellSession.Secure(token));
        PowerShell.Run("Connect-LinkedIn -AccessToken $Other -ApiBaseUri $SandboxUri -Name revoked").AssertNoErrors();
        await Sandbox.Admin.RevokeTokenAsync(token);

        var run = PowerShell.Run("'one', 'two' | New-LinkedInPost -Connection revoked");
        var error = run.SingleError();
        Assert.StartsWith("LinkedInAuthRevoked,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("Connection 'revoked'", error.ToString());
        Assert.Contains("Connect-LinkedIn -Name revoked -AccessToken (Read-Host -AsSecureString 'LinkedIn access token') -ApiBaseUri '" + Sandbox.BaseUri + "'", error.ToString());
        Assert.StartsWith("Run Connect-LinkedIn -Name revoked -AccessToken", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public async Task AConnectionConnectedAgainOrDisconnectedInAnotherWindowIsTakenFromTheStoreByTheNextCommand()
    {
        Connect();
        PowerShell.Run("Test-LinkedInConnection -Quiet").AssertNoErrors(); // this window has 'default' open now
        var bob = await Sandbox.Admin.CreateMemberAsync("Bob Other");
        var bobToken = await Sandbox.Admin.CreateTokenAsync(bob.Urn, SandboxFixture.AllScopes);
        AddSecret(bobToken);
        var otherWindow = NewSession();
        otherWindow.SetVariable("BobToken", PowerShellSession.Secure(bobToken));
        otherWindow.Run("Connect-LinkedIn -AccessToken $BobToken -ApiBaseUri $SandboxUri").AssertNoErrors();

        var shown = PowerShell.Run("(Get-LinkedInConnection default).Member");
        var posted = PowerShell.Run("(New-LinkedInPost -Text ('Maintenance tonight, 22:00 UTC ' + [guid]::NewGuid()) -Verbose).Author");

        // Before, this window posted as the old member while Get-LinkedInConnection showed the new one.
        posted.AssertNoErrors();
        Assert.Equal(bob.Urn, shown.Output.Single().ToString());
        Assert.Equal(bob.Urn, posted.Output.Single().ToString());
        Assert.Contains(posted.Verbose, v => v.StartsWith("Connection 'default' was connected again elsewhere", StringComparison.Ordinal));

        // Disconnected in the other window: not connected here either.
        otherWindow.Run("Disconnect-LinkedIn -Name default -Confirm:$false").AssertNoErrors();
        var gone = PowerShell.Run("New-LinkedInPost -Text 'After the disconnect'");
        Assert.StartsWith("LinkedInNotConnected,", (gone.Terminating ?? gone.SingleError()).FullyQualifiedErrorId);
        otherWindow.Dispose();
    }
}
