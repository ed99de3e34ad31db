using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Core.Tests.Api;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// Connection names in a run match ignoring case, as the token store matches them: posts registered under
/// 'work' and 'Work' use one connection, opened once, and a connection that cannot be used is one problem.
/// </summary>
public sealed class RunnerConnectionNameTests
{
    [Fact]
    public async Task An_expired_connection_named_work_and_Work_by_its_posts_is_opened_once_and_is_one_problem_holding_them_all()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Connections.Fail("work", new LinkedInAuthException(AuthFailureReason.Expired,
            "The connection 'work' expired on 2026-02-27 and has no refresh token. Sign in again: Connect-LinkedIn -Name work."));
        world.Register("a", "Lower case", world.Now.AddMinutes(-3));
        world.Register("b", "Capitalised", world.Now.AddMinutes(-2), connection: "Work");
        world.Register("c", "Lower case again", world.Now.AddMinutes(-1));

        var report = await world.RunAsync();

        var problem = Assert.Single(report.ConnectionProblems);
        Assert.Equal("LinkedInAuthExpired", problem.Error.ErrorId);
        Assert.Equal(3, problem.PostsHeld);
        Assert.Equal(3, report.Held);
        Assert.All(new[] { "a", "b", "c" }, key =>
        {
            Assert.Equal(QueuePostOutcome.Held, report.Posts.Single(p => p.Key == key).Outcome);
            Assert.Equal(QueueState.Pending, world.Get(key).State);
            Assert.Empty(world.Attempts(key));
        });
        Assert.Equal(new[] { "work" }, world.Connections.Opened);
        Assert.Equal(0, await world.CreateCallsAsync());
    }

    [Fact]
    public async Task A_token_that_expires_mid_run_is_refused_once_for_the_posts_of_both_spellings()
    {
        await using var world = await RunnerHarness.StartAsync();
        var shortLived = await world.Admin.CreateTokenAsync(world.Session.Member.Urn, SandboxSession.AllMemberScopes, TimeSpan.FromMinutes(1));
        using var client = world.Session.ClientWith(shortLived, o => { o.ApiVersion = RunnerHarness.ApiVersion; o.Clock = world.Queue.Clock; });
        world.Connections.Add("work", () => new QueueConnection("work", client, world.Session.Member.Urn));
        world.Register("a", "First after expiry", world.Now.AddMinutes(-2));
        world.Register("b", "Second, under Work", world.Now.AddMinutes(-1), connection: "Work");
        await world.Admin.AdvanceClockAsync(TimeSpan.FromHours(1));

        var report = await world.RunAsync();

        var problem = Assert.Single(report.ConnectionProblems);
        Assert.Equal("LinkedInAuthExpired", problem.Error.ErrorId);
        Assert.Equal(2, problem.PostsHeld);
        Assert.Equal(new[] { QueuePostOutcome.Held, QueuePostOutcome.Held }, report.Posts.Select(p => p.Outcome));
        Assert.All(new[] { "a", "b" }, key => Assert.Equal(QueueState.Pending, world.Get(key).State));
        Assert.Equal(1, await world.CreateCallsAsync()); // 'Work' was not opened again to be refused again
        Assert.Equal(new[] { "work" }, world.Connections.Opened);
        Assert.Empty(world.Attempts("b"));
    }
}
