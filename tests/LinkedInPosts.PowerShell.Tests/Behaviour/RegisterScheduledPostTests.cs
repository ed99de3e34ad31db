using System.Management.Automation;
using LinkedInPosts.PowerShell.Tests.Hosting;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>Register-LinkedInScheduledPost from Import-Csv and from the command line, on a real queue.</summary>
public sealed class RegisterScheduledPostTests : ScheduledPostTestBase
{
    public RegisterScheduledPostTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public void ImportCsvIsThereAndACommandLinePostIsQueued()
    {
        Connect();
        var run = PowerShell.Run($"Register-LinkedInScheduledPost -Text 'Patch night (Tuesday) #ops' -ScheduledAt '{Future(0)}' -TimeZone {Zone}");
        run.AssertNoErrors();
        var post = run.Output.Single();
        Assert.Equal("Added", Property(post, "RegistrationOutcome")!.ToString());
        Assert.Equal("Pending", Property(post, "State")!.ToString());
        Assert.Equal(Zone, Property(post, "TimeZone"));
        Assert.Equal(new DateTime(2031, 1, 6, 8, 30, 0, DateTimeKind.Utc), Property(post, "ScheduledAtUtc"));
        Assert.StartsWith("auto-", KeyOf(post));
        Assert.True(File.Exists(Queue));
        Assert.Single(QueuedPosts());

        var csv = PowerShell.Run("'Text,When' , 'Hello,2031-01-07 09:30' | ConvertFrom-Csv");
        csv.AssertNoErrors();
        Assert.Single(csv.Output);
    }
}
