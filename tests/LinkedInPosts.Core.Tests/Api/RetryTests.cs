using System.Diagnostics;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Api;

/// <summary>Safe calls (reads, updates, deletes) retry transient failures within bounds.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task A_read_survives_two_server_errors()
    {
        await using var session = await SandboxSession.StartAsync();
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "GET", Path = "/v2/userinfo", Status = 502, Count = 2 });

        var member = await session.Client.GetMemberAsync();

        Assert.Equal(session.Member.Urn, member.Urn);
        Assert.Equal(new[] { 502, 502, 200 }, (await session.RequestsAsync("GET", "/v2/userinfo")).Select(r => r.Status));
        Assert.Equal(2, session.Log.Lines.Count(l => l.Contains("Retrying GET /v2/userinfo", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Retries_stop_at_the_configured_limit()
    {
        await using var session = await SandboxSession.StartAsync(configure: o => o.MaxRetries = 2);
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "GET", Path = "/v2/userinfo", Status = 503, Count = 10 });

        var error = await Assert.ThrowsAsync<LinkedInServerException>(() => session.Client.GetMemberAsync());

        Assert.Equal(503, error.HttpStatus);
        Assert.Equal(3, (await session.RequestsAsync("GET", "/v2/userinfo")).Count);
    }

    [Fact]
    public async Task Retry_After_is_honoured()
    {
        await using var session = await SandboxSession.StartAsync();
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "GET", Path = "/v2/userinfo", Status = 429, RetryAfterSeconds = 1 });
        var watch = Stopwatch.StartNew();

        await session.Client.GetMemberAsync();

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {watch.Elapsed}, before the 1 s Retry-After");
        Assert.Equal(new[] { 429, 200 }, (await session.RequestsAsync("GET", "/v2/userinfo")).Select(r => r.Status));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_retry_budget_is_returned_to_the_caller()
    {
        await using var session = await SandboxSession.StartAsync(configure: o => o.MaxRetryTime = TimeSpan.FromSeconds(5));
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "GET", Path = "/v2/userinfo", Status = 429, RetryAfterSeconds = 3600 });

        var error = await Assert.ThrowsAsync<LinkedInThrottledException>(() => session.Client.GetMemberAsync());

        Assert.True(error.IsRetryAfterFromServer);
        Assert.Single(await session.RequestsAsync("GET", "/v2/userinfo"));
    }

    [Fact]
    public async Task A_server_errors_Retry_After_is_waited_for_instead_of_the_backoff()
    {
        // The backoff would retry after 20 ms (SandboxSession's RetryBaseDelay); LinkedIn asks for a second.
        await using var session = await SandboxSession.StartAsync();
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "GET", Path = "/v2/userinfo", Status = 503, RetryAfterSeconds = 1 });
        var watch = Stopwatch.StartNew();

        await session.Client.GetMemberAsync();

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {watch.Elapsed}, before the 1 s Retry-After");
        Assert.Equal(new[] { 503, 200 }, (await session.RequestsAsync("GET", "/v2/userinfo")).Select(r => r.Status));
    }

    [Fact]
    public async Task A_server_errors_Retry_After_longer_than_the_retry_budget_is_returned_to_the_caller()
    {
        await using var session = await SandboxSession.StartAsync(configure: o => o.MaxRetryTime = TimeSpan.FromSeconds(5));
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "GET", Path = "/v2/userinfo", Status = 503, RetryAfterSeconds = 3600 });

        var error = await Assert.ThrowsAsync<LinkedInServerException>(() => session.Client.GetMemberAsync());

        Assert.True(error.IsRetryAfterFromServer);
        Assert.InRange(error.RetryAt!.Value, DateTimeOffset.UtcNow.AddSeconds(3500), DateTimeOffset.UtcNow.AddSeconds(3601));
        Assert.Single(await session.RequestsAsync("GET", "/v2/userinfo"));
    }

    [Fact]
    public async Task A_dropped_connection_on_delete_is_retried_because_delete_is_idempotent()
    {
        await using var session = await SandboxSession.StartAsync();
        var created = await session.Client.CreatePostAsync(new PostDraft(session.MemberUrn, "to delete"));
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "DELETE", Path = "/rest/posts", Drop = SandboxDrop.BeforeStore });

        await session.Client.DeletePostAsync(LinkedInUrn.Parse(created.Urn));

        Assert.True((await session.Admin.GetPostAsync(created.Urn))!.Deleted);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var session = await SandboxSession.StartAsync();

        await Assert.ThrowsAsync<LinkedInNotFoundException>(() => session.Client.GetPostAsync(LinkedInUrn.Parse("urn:li:share:42")));

        Assert.Single(await session.RequestsAsync("GET", "/rest/posts/"));
    }

    [Fact]
    public async Task Cancelling_stops_a_slow_call_promptly()
    {
        await using var session = await SandboxSession.StartAsync();
        await session.Admin.AddFaultAsync(new SandboxFault { Method = "GET", Path = "/v2/userinfo", DelayMilliseconds = 5000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Client.GetMemberAsync(cancel.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"cancellation took {watch.Elapsed}");
    }
}
