using System.Management.Automation;
using LinkedInPosts.PowerShell.Tests.Hosting;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

public sealed class RemoveLinkedInPostTests : CmdletTestBase
{
    public RemoveLinkedInPostTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    private IReadOnlyList<string> CreatePosts(params string[] texts)
    {
        PowerShell.SetVariable("Texts", texts);
        var run = PowerShell.Run("$Texts | New-LinkedInPost | ForEach-Object { $_.Urn }");
        run.AssertNoErrors();
        return run.Output.Select(o => o.ToString()).ToList();
    }

    [Fact]
    public async Task PipedPostObjectsAreDeletedAndPassThruWritesTheirUrns()
    {
        Connect();
        var run = PowerShell.Run(
            "'to delete one', 'to delete two' | New-LinkedInPost | Remove-LinkedInPost -Confirm:$false -PassThru | ForEach-Object { $_.GetType().Name + ' ' + $_ }");
        run.AssertNoErrors();
        Assert.Equal(2, run.Output.Count);
        foreach (var line in run.Output.Select(o => o.ToString()))
        {
            Assert.StartsWith("LinkedInUrn urn:li:", line);
            var stored = await Sandbox.Admin.GetPostAsync(line.Split(' ')[1]);
            Assert.True(stored!.Deleted);
        }

        // Shown, each URN is one line of a table, not a list of its parts.
        PowerShell.ImportUtility();
        var shown = PowerShell.Run("New-LinkedInPost 'shown when deleted' | Remove-LinkedInPost -Confirm:$false -PassThru | Out-String").Output.Single().ToString()!;
        Assert.Matches(@"Urn\s+-+\s+urn:li:share:\d+", shown);
        Assert.DoesNotContain("EntityType", shown);
    }

    [Fact]
    public async Task WhatIfDeletesNothing()
    {
        Connect();
        var urns = CreatePosts("kept by whatif");
        var before = await RequestCountAsync();
        var run = PowerShell.Run("$args[0] | Remove-LinkedInPost -WhatIf", urns[0]);
        run.AssertNoErrors();
        Assert.Empty(await RequestsSinceAsync(before));
        Assert.Contains("What if:", run.HostText);
        Assert.Contains(urns[0], run.HostText);
        Assert.False((await Sandbox.Admin.GetPostAsync(urns[0]))!.Deleted);
    }

    [Fact]
    public async Task ItAsksFirstAndHonoursTheAnswer()
    {
        Connect();
        var urns = CreatePosts("asked and kept", "asked and deleted");
        PowerShell.Host.ChoiceAnswers.Enqueue("No");
        PowerShell.Host.ChoiceAnswers.Enqueue("Yes");
        var run = PowerShell.Run("$args[0], $args[1] | Remove-LinkedInPost", urns[0], urns[1]);
        run.AssertNoErrors();
        Assert.Equal(2, PowerShell.Host.Prompts.Count);
        Assert.Contains(urns[0], PowerShell.Host.Prompts[0]);
        Assert.False((await Sandbox.Admin.GetPostAsync(urns[0]))!.Deleted);
        Assert.True((await Sandbox.Admin.GetPostAsync(urns[1]))!.Deleted);
    }

    [Fact]
    public async Task OneBadUrnAmongManyDoesNotStopTheOthers()
    {
        Connect();
        var urns = CreatePosts("bulk one", "bulk two");
        var run = PowerShell.Run("$args[0], 'urn:li:organization:1', $args[1] | Remove-LinkedInPost -Confirm:$false", urns[0], urns[1]);
        var error = run.SingleError();
        Assert.StartsWith("LinkedInInvalidUrn,", error.FullyQualifiedErrorId);
        Assert.Equal("urn:li:organization:1", error.TargetObject);
        Assert.True((await Sandbox.Admin.GetPostAsync(urns[0]))!.Deleted);
        Assert.True((await Sandbox.Admin.GetPostAsync(urns[1]))!.Deleted);
    }

    private IReadOnlyList<string> CreateNumberedPosts(int count)
    {
        var run = PowerShell.Run("1..$($args[0]) | ForEach-Object { New-LinkedInPost -Text ('numbered post ' + $_ + ' ' + [guid]::NewGuid()) } | ForEach-Object { $_.Urn.ToString() }", count);
        run.AssertNoErrors();
        return run.Output.Select(o => o.ToString()!).ToList();
    }

    private async Task<List<string>> LivePostsOfMemberAsync() =>
        (await Sandbox.Admin.GetPostsAsync()).Where(p => p.Author == Member.Urn && !p.Deleted).Select(p => p.Urn).ToList();

    /// <summary>
    /// LinkedIn pages by position: had Get-LinkedInPost written each page as it came, the posts Remove-LinkedInPost deleted
    /// would shift the next page by 50, and -All left posts behind (review S14-P1).
    /// </summary>
    [Fact]
    public async Task EveryPostOfAnAuthorPipedFromGetAllIsRemoved()
    {
        Connect();
        CreateNumberedPosts(55);
        PowerShell.SetVariable("Author", Member.Urn);

        var run = PowerShell.Run("Get-LinkedInPost -Author $Author -All | Remove-LinkedInPost -Confirm:$false -PassThru");

        run.AssertNoErrors();
        Assert.Equal(55, run.Output.Count);
        Assert.Empty(await LivePostsOfMemberAsync());
    }

    /// <summary>-First over one page, piped to Remove: exactly the newest N go, never an older post nobody selected (review S14-P1).</summary>
    [Fact]
    public async Task OnlyTheNewestPostsPipedFromGetFirstAreRemoved()
    {
        // 105 creates and 55 deletes are over the member's daily limit of 150 calls.
        await Sandbox.Admin.SetLimitsAsync(memberDailyLimit: 1000);
        try
        {
            Connect();
            var urns = CreateNumberedPosts(105); // oldest first
            PowerShell.SetVariable("Author", Member.Urn);

            var run = PowerShell.Run("Get-LinkedInPost -Author $Author -First 55 | Remove-LinkedInPost -Confirm:$false -PassThru | ForEach-Object { $_.ToString() }");

            run.AssertNoErrors();
            Assert.Equal(urns.Skip(50).ToHashSet(), run.Output.Select(o => o.ToString()!).ToHashSet());
            Assert.Equal(urns.Take(50).ToHashSet(), (await LivePostsOfMemberAsync()).ToHashSet());
        }
        finally
        {
            await Sandbox.Admin.SetLimitsAsync(memberDailyLimit: new SandboxOptions().MemberDailyLimit);
        }
    }

    /// <summary>
    /// A post read with -Connection work carries that connection, so Remove-LinkedInPost downstream deletes it through 'work',
    /// not 'default' (which is another member, and got a 403 asking for a scope both had) (review S14-P2).
    /// </summary>
    [Fact]
    public async Task APostReadWithAConnectionIsRemovedWithThatConnection()
    {
        Connect(); // default: Member
        var other = await Sandbox.Admin.CreateMemberAsync("Bea Work " + Guid.NewGuid().ToString("N")[..6]);
        var otherToken = await Sandbox.Admin.CreateTokenAsync(other.Urn, SandboxFixture.AllScopes);
        AddSecret(otherToken);
        PowerShell.SetVariable("Other", PowerShellSession.Secure(otherToken));
        var name = TestName + "work";
        PowerShell.Run($"Connect-LinkedIn -AccessToken $Other -ApiBaseUri $SandboxUri -Name {name}").AssertNoErrors();
        var made = PowerShell.Run($"New-LinkedInPost -Text ('work post ' + [guid]::NewGuid()) -Connection {name}").Output.Single();
        Assert.Equal(name, Property(made, "Connection"));
        var urn = Property(made, "Urn")!.ToString()!;

        var run = PowerShell.Run($"Get-LinkedInPost -Author $args[0] -First 1 -Connection {name} | Remove-LinkedInPost -Confirm:$false", other.Urn);

        run.AssertNoErrors();
        Assert.True((await Sandbox.Admin.GetPostAsync(urn))!.Deleted);
    }
}
