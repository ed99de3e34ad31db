using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Preflight;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Core.Tests.Queue.Runner;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Preflight;

/// <summary>
/// The first comment check after a real run against the sandbox: what the runner left in the queue is what the
/// pre-flight reports, long after the run's own result is gone.
/// </summary>
public sealed class FirstCommentAfterRunTests
{
    [Theory]
    [InlineData(403, false)] // refused: Failed, reported at once
    [InlineData(500, true)]  // no clear answer: Adding, reported once no run can still be making the call
    public async Task A_comment_the_run_could_not_add_is_a_warning_of_the_next_preflight(int status, bool outcomeUnknown)
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("commented", "Release notes are out", firstComment: "Questions welcome below");
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/socialActions", Status = status, Count = 5 });
        var result = Assert.Single((await world.RunAsync()).Posts);
        Assert.Equal(QueuePostOutcome.Published, result.Outcome);
        PreflightFinding? Check() => QueuePreflight.Run(world.Store, Array.Empty<PreflightConnection>(), new PreflightOptions { Now = world.Now }).Findings
            .SingleOrDefault(f => f.Check == PreflightChecks.FirstComment);

        if (outcomeUnknown)
        {
            // Right after the run the comment is still within its lease: quiet, as for a call in flight.
            Assert.Null(Check());
            world.Queue.Clock.Advance(world.Options.Lease + TimeSpan.FromSeconds(1));
        }
        var finding = Check();

        Assert.NotNull(finding);
        Assert.Equal((PreflightSeverity.Warning, "commented", world.Get("commented").Id), (finding!.Severity, finding.Key, finding.PostId!.Value));
        Assert.Contains(result.Url!, finding.Fix);
        Assert.Contains(outcomeUnknown ? "was added is not known" : result.FirstCommentError!, finding.Message);
        // The check reads only: the post stays as the run left it, and LinkedIn saw one comment call.
        Assert.Equal((FirstCommentState?)(outcomeUnknown ? FirstCommentState.Adding : FirstCommentState.Failed), world.Get("commented").FirstCommentState);
        Assert.Single(await world.RequestsAsync("POST", "/rest/socialActions"));
    }
}
