using System.Diagnostics;
using System.Management.Automation;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>Ctrl+C (a pipeline stop) cancels the HTTP call in flight instead of waiting for it.</summary>
public sealed class StopTests : CmdletTestBase
{
    public StopTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    [Fact]
    public async Task StoppingThePipelineCancelsTheCallInFlight()
    {
        Connect();
        const int serverDelay = 5000;
        await Sandbox.Admin.AddFaultAsync(new SandboxFault { Method = "GET", Path = "/rest/posts", DelayMilliseconds = serverDelay });
        try
        {
            using var shell = System.Management.Automation.PowerShell.Create();
            shell.Runspace = PowerShell.Runspace;
            shell.AddScript("Get-LinkedInPost -Urn urn:li:share:123456");
            var running = shell.BeginInvoke();
            await Task.Delay(700);

            var watch = Stopwatch.StartNew();
            shell.Stop();
            Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(running));
            watch.Stop();

            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.True(watch.ElapsedMilliseconds < serverDelay / 2,
                $"Stopping took {watch.ElapsedMilliseconds} ms: the call in flight was waited for instead of cancelled.");
        }
        finally
        {
            await Sandbox.Admin.ClearFaultsAsync();
        }
    }
}
