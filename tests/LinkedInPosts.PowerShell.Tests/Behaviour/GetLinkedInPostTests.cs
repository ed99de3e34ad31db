using System.Management.Automation;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

public sealed class GetLinkedInPostTests : CmdletTestBase
{
    public GetLinkedInPostTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private IReadOnlyList<string> CreatePosts(int count)
    {
        var run = PowerShell.Run("1..$($args[0]) | ForEach-Object { New-LinkedInPost -Text ('post number ' + $_ + ' ' + [guid]::NewGuid()) } | ForEach-Object { $_.Urn }", count);
        run.AssertNoErrors();
        return run.Output.Select(o => o.ToString()).ToList();
    }

    [Fact]
    public void UrnsAndPostObjectsFromThePipelineAreRead()
    {
        Connect();
        var urns = CreatePosts(2);
        PowerShell.SetVariable("Urns", urns.ToArray());

        var byValue = PowerShell.Run("$Urns | Get-LinkedInPost");
        byValue.AssertNoErrors();
        Assert.Equal(urns, byValue.Output.Select(o => (string)Property(o, "Urn")!));

        var byProperty = PowerShell.Run("$Urns | Get-LinkedInPost | Get-LinkedInPost");
        byProperty.AssertNoErrors();
        Assert.Equal(urns, byProperty.Output.Select(o => (string)Property(o, "Urn")!));

        var byName = PowerShell.Run("$Urns | ForEach-Object { [pscustomobject]@{ Urn = $_ } } | Get-LinkedInPost");
        byName.AssertNoErrors();
        Assert.Equal(2, byName.Output.Count);
    }

    [Fact]
    public void OneBadUrnAmongManyIsAnErrorForThatOneOnly()
    {
        Connect();
        var urns = CreatePosts(3);
        PowerShell.SetVariable("Urns", new[] { urns[0], "not-a-urn", urns[1], "urn:li:share:999999999", "urn:li:person:abc", urns[2] });

        var run = PowerShell.Run("$Urns | Get-LinkedInPost");
        Assert.Equal(urns, run.Output.Select(o => (string)Property(o, "Urn")!));
        Assert.Null(run.Terminating);
        Assert.Equal(3, run.Errors.Count);

        Assert.StartsWith("LinkedInInvalidUrn,", run.Errors[0].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, run.Errors[0].CategoryInfo.Category);
        Assert.Equal("not-a-urn", run.Errors[0].TargetObject);

        Assert.StartsWith("LinkedInNotFound,", run.Errors[1].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, run.Errors[1].CategoryInfo.Category);
        Assert.Equal("urn:li:share:999999999", run.Errors[1].TargetObject);

        Assert.StartsWith("LinkedInInvalidUrn,", run.Errors[2].FullyQualifiedErrorId);
        Assert.Equal("urn:li:person:abc", run.Errors[2].TargetObject);
    }

    [Fact]
    public async Task AServerErrorWithRetryAfterSaysWhenToTryAgain()
    {
        Connect();
        var urn = CreatePosts(1)[0];
        PowerShell.SetVariable("Urn", urn);
        // Longer than the client's MaxRetryTime: not waited for, so the error comes at once.
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "GET", Path = "/rest/posts/" + urn, Status = 503, RetryAfterSeconds = 3600 });
        try
        {
            var error = PowerShell.Run("Get-LinkedInPost -Urn $Urn").SingleError();

            Assert.StartsWith("LinkedInServerError,", error.FullyQualifiedErrorId);
            Assert.Contains("LinkedIn asks to try again at", error.Exception.Message);
            Assert.StartsWith("Try again after ", error.ErrorDetails.RecommendedAction);
        }
        finally
        {
            await Sandbox.Admin.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task FirstReadsOnlyThePagesItNeeds()
    {
        Connect();
        CreatePosts(7);
        PowerShell.SetVariable("Author", Member.Urn);

        var before = await RequestCountAsync();
        var run = PowerShell.Run("Get-LinkedInPost -Author $Author -First 3");
        run.AssertNoErrors();
        Assert.Equal(3, run.Output.Count);
        var finder = (await RequestsSinceAsync(before)).Where(r => r.Method == "GET" && r.Path.Contains("q=author", StringComparison.Ordinal)).ToList();
        Assert.Single(finder);
        Assert.Contains("count=3", finder[0].Path);

        var all = PowerShell.Run("Get-LinkedInPost -Author $Author -All");
        all.AssertNoErrors();
        Assert.Equal(7, all.Output.Count);
        Assert.All(all.Output, post => Assert.Equal(Member.Urn, Property(post, "Author")));

        var defaultCount = PowerShell.Run("Get-LinkedInPost -Author $Author");
        defaultCount.AssertNoErrors();
        Assert.Equal(7, defaultCount.Output.Count);
    }

    [Fact]
    public void AnAuthorsNewestPostComesFirstEvenWhenAnOlderOneWasEditedSince()
    {
        Connect();
        var old = PowerShell.Run("(New-LinkedInPost -Text ('old one ' + [guid]::NewGuid())).Urn").Output.Single().ToString();
        var newest = PowerShell.Run("(New-LinkedInPost -Text ('new one ' + [guid]::NewGuid())).Urn").Output.Single().ToString();
        PowerShell.Run("Set-LinkedInPost -Urn $args[0] -Text ('old one, typo fixed ' + [guid]::NewGuid())", old).AssertNoErrors();

        var first = PowerShell.Run("Get-LinkedInPost -Author $args[0] -First 1", Member.Urn);

        // Listed by last change, the edited old post came first.
        first.AssertNoErrors();
        Assert.Equal(newest, Property(first.Output.Single(), "Urn"));
    }

    [Fact]
    public void AnInvalidAuthorIsAnInvalidUrn()
    {
        Connect();
        var run = PowerShell.Run("Get-LinkedInPost -Author urn:li:share:1 -First 2");
        var error = run.SingleError();
        Assert.StartsWith("LinkedInInvalidUrn,", error.FullyQualifiedErrorId);
        Assert.Equal("urn:li:share:1", error.TargetObject);
    }
}
