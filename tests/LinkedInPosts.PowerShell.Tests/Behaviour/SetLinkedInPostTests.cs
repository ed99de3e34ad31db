using System.Management.Automation;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

public sealed class SetLinkedInPostTests : CmdletTestBase
{
    public SetLinkedInPostTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task ThePipedPostGetsTheNewTextAndPassThruShowsIt()
    {
        Connect();
        var run = PowerShell.Run(
            "New-LinkedInPost -Text 'before the edit' | Set-LinkedInPost -Text 'after the edit (fixed) #ops' -PassThru");
        run.AssertNoErrors();
        var post = run.Output.Single();
        Assert.Equal("after the edit (fixed) #ops", Property(post, "Commentary"));

        var stored = await Sandbox.Admin.GetPostAsync((string)Property(post, "Urn")!);
        Assert.Equal(stored!.SentCommentary, stored.Commentary);
        Assert.Contains("\\(fixed\\)", stored.Commentary);
    }

    [Fact]
    public async Task PassThruWithoutTheReadScopeWarnsThatTheChangeWasMadeInsteadOfFailing()
    {
        await ConnectWithScopesAsync("w_member_social", "openid", "profile");
        var created = PowerShell.Run("New-LinkedInPost -Text 'to be edited'");
        created.AssertNoErrors();
        var urn = (string)Property(created.Output.Single(), "Urn")!;

        var run = PowerShell.Run("Set-LinkedInPost -Urn $args[0] -Text 'edited without read access' -PassThru", urn);

        run.AssertNoErrors();
        Assert.Empty(run.Output);
        Assert.Contains(run.Warnings, w => w.StartsWith($"The text of {urn} was replaced, but -PassThru could not read the post back", StringComparison.Ordinal));
        Assert.Equal("edited without read access", (await Sandbox.Admin.GetPostAsync(urn))!.Commentary);
    }

    [Fact]
    public void WithoutPassThruNothingIsWritten()
    {
        Connect();
        var run = PowerShell.Run("New-LinkedInPost -Text 'quiet edit' | Set-LinkedInPost -Text 'quietly edited'");
        run.AssertNoErrors();
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task WhatIfShowsTheEscapedTextAndChangesNothing()
    {
        Connect();
        var created = PowerShell.Run("New-LinkedInPost -Text 'unchanged text'");
        var urn = (string)Property(created.Output.Single(), "Urn")!;
        var before = await RequestCountAsync();

        var run = PowerShell.Run("Set-LinkedInPost -Urn $args[0] -Text 'new (text)' -WhatIf", urn);
        run.AssertNoErrors();
        Assert.Empty(await RequestsSinceAsync(before));
        Assert.Contains("What if:", run.HostText);
        Assert.Contains("new \\(text\\)", run.HostText);
        Assert.Contains(urn, run.HostText);
        Assert.Equal("unchanged text", (await Sandbox.Admin.GetPostAsync(urn))!.Commentary);
    }

    [Fact]
    public void CsvRowsWithUrnAndTextBindByPropertyName()
    {
        Connect();
        var urn = (string)Property(PowerShell.Run("New-LinkedInPost -Text 'row target'").Output.Single(), "Urn")!;
        var run = PowerShell.Run("[pscustomobject]@{ Urn = $args[0]; Text = 'from a csv row' } | Set-LinkedInPost -PassThru", urn);
        run.AssertNoErrors();
        Assert.Equal("from a csv row", Property(run.Output.Single(), "Commentary"));
    }

    [Fact]
    public void AMissingPostIsNotFound()
    {
        Connect();
        var run = PowerShell.Run("Set-LinkedInPost -Urn urn:li:share:888888888 -Text 'nothing to edit'");
        var error = run.SingleError();
        Assert.StartsWith("LinkedInNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("urn:li:share:888888888", error.TargetObject);
    }

    [Fact]
    public async Task TextOverTheLimitIsRejectedBeforeAnythingIsSent()
    {
        Connect();
        var urn = (string)Property(PowerShell.Run("New-LinkedInPost -Text 'short and sweet'").Output.Single(), "Urn")!;
        var before = await RequestCountAsync();
        var run = PowerShell.Run("Set-LinkedInPost -Urn $args[0] -Text ('y' * 3001)", urn);
        var error = run.SingleError();
        Assert.StartsWith("LinkedInInvalidCommentary,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(new string('y', 3001), error.TargetObject);
        Assert.Empty(await RequestsSinceAsync(before));
    }
}
