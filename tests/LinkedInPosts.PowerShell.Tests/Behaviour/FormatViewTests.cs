namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// The default views of LinkedInPosts.Format.ps1xml as the engine renders them (Out-String): posts,
/// connections and media show as tables of what a person looks for, not lists of every property.
/// </summary>
public sealed class FormatViewTests : MediaTestBase
{
    public FormatViewTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        PowerShell.ImportUtility();
    }

    [Fact]
    public void APostShowsAsOneRowWithTheFirstLineOfItsText()
    {
        Connect();
        var post = PowerShell.Run("New-LinkedInPost -Text \"Patch night went fine`nDetails in the runbook\"");
        post.AssertNoErrors();

        var table = PowerShell.Run("Get-LinkedInPost -Urn $args[0] | Out-String -Width 200", post.Output.Single().Properties["Urn"].Value).Output.Single().ToString()!;

        Assert.Matches(@"CreatedAt\s+Visibility\s+Urn\s+Commentary", table);
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d\s+Public\s+urn:li:share:\d+\s+Patch night went fine", table);
        Assert.DoesNotContain("Details in the runbook", table);
        Assert.DoesNotContain("RawCommentary", table);
    }

    [Fact]
    public void ConnectionsAndMediaShowAsTables()
    {
        Connect();
        var connections = PowerShell.Run("Get-LinkedInConnection | Out-String -Width 200");
        connections.AssertNoErrors();
        var table = connections.Output.Single().ToString()!;
        // SignInBy: when a person must sign in again (the refresh token's end for a connection that can refresh; review S13-H, 4).
        Assert.Matches(@"Name\s+MemberName\s+SignInBy\s+DaysLeft\s+CanRefresh\s+Pages\s+Api", table);
        Assert.Matches(@"\s+sandbox http://127\.0\.0\.1:\d+/", table);
        Assert.DoesNotContain("Scopes", table);

        var media = PowerShell.Run("Add-LinkedInMedia -Path $args[0] -AltText 'Rack' | Out-String -Width 200", Files.Png("rack.png", 64, 48));
        media.AssertNoErrors();
        var row = media.Output.Single().ToString()!;
        Assert.Matches(@"Kind\s+Status\s+FileName\s+Size\s+Urn", row);
        Assert.Matches(@"Image\s+AVAILABLE\s+rack\.png\s+\d+ KB\s+urn:li:image:", row);
        Assert.DoesNotContain("Sha256", row);
    }
}
