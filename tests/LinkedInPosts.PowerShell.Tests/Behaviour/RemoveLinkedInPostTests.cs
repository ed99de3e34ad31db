using System.Management.Automation;

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
}
