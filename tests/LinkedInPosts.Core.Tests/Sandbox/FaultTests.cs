using System.Diagnostics;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>Fault injection: statuses, Retry-After, delays and dropped connections before and after storing.</summary>
public sealed class FaultTests : SandboxTestBase
{
    public FaultTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public async Task A_status_fault_answers_with_linkedins_usual_body_once_then_the_api_works_again()
    {
        var ada = await NewPosterAsync();
        await Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", Status = 503 });

        using var faulted = await CreatePostAsync(ada.Token, ada.Urn, "During an outage");
        using var next = await CreatePostAsync(ada.Token, ada.Urn, "After the outage");

        Assert.Equal(503, (int)faulted.StatusCode);
        Assert.Equal("{\"message\":\"Service Unavailable\",\"status\":503}", await faulted.Content.ReadAsStringAsync());
        Assert.Null(faulted.Headers.RetryAfter);
        Assert.Equal(201, (int)next.StatusCode);
        Assert.Equal("After the outage", Assert.Single(await Admin.GetPostsAsync()).Commentary);
    }

    [Fact]
    public async Task A_429_fault_uses_the_throttle_body_and_can_add_retry_after()
    {
        var ada = await NewPosterAsync();
        await Admin.AddFaultAsync(new SandboxFault { Status = 429, RetryAfterSeconds = 120 });

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Throttled");

        Assert.Equal(101, (int)(await ErrorAsync(response, 429))["serviceErrorCode"]!);
        Assert.Equal(TimeSpan.FromSeconds(120), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_status_fault_can_send_a_body_verbatim()
    {
        var ada = await NewPosterAsync();
        const string body = "{\"message\":\"Internal Server Error\",\"status\":500,\"serviceErrorCode\":0}";
        await Admin.AddFaultAsync(new SandboxFault { Status = 500, Body = body });

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Verbatim");

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_fault_hits_only_requests_matching_its_method_and_path_prefix_for_its_count()
    {
        var ada = await NewPosterAsync();
        var urn = await CreatedUrnAsync(ada, "Target");
        await Admin.AddFaultAsync(new SandboxFault { Method = "delete", Path = "/rest/posts/", Status = 502, Count = 2 });

        using var create = await CreatePostAsync(ada.Token, ada.Urn, "Unaffected create");
        using var get = await SendAsync(Rest(HttpMethod.Get, "rest/posts/" + Enc(urn), ada.Token));
        using var delete1 = await SendAsync(Rest(HttpMethod.Delete, "rest/posts/" + Enc(urn), ada.Token));
        using var delete2 = await SendAsync(Rest(HttpMethod.Delete, "rest/posts/" + Enc(urn), ada.Token));
        using var delete3 = await SendAsync(Rest(HttpMethod.Delete, "rest/posts/" + Enc(urn), ada.Token));

        Assert.Equal(201, (int)create.StatusCode);
        Assert.Equal(200, (int)get.StatusCode);
        Assert.Equal(502, (int)delete1.StatusCode);
        Assert.Equal(502, (int)delete2.StatusCode);
        Assert.Equal(204, (int)delete3.StatusCode);
    }

    [Fact]
    public async Task Cleared_faults_no_longer_fire()
    {
        var ada = await NewPosterAsync();
        await Admin.AddFaultAsync(new SandboxFault { Status = 500, Count = 5 });
        await Admin.ClearFaultsAsync();

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Clear skies");

        Assert.Equal(201, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_delay_fault_only_delays_a_patient_client()
    {
        var ada = await NewPosterAsync();
        await Admin.AddFaultAsync(new SandboxFault { DelayMilliseconds = 400 });
        var watch = Stopwatch.StartNew();

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Slow but fine");

        Assert.Equal(201, (int)response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 390, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_delay_fault_times_the_client_out_while_the_post_is_still_stored()
    {
        var ada = await NewPosterAsync();
        await Admin.AddFaultAsync(new SandboxFault { DelayMilliseconds = 1500 });
        using var impatient = new HttpClient { BaseAddress = Fixture.Server.BaseUri, Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAsync<TaskCanceledException>(() =>
            impatient.SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "Unknown outcome by timeout"))));

        var stored = await EventuallyAsync(async () => (await Admin.GetPostsAsync()).SingleOrDefault());
        Assert.Equal("Unknown outcome by timeout", stored.Commentary);
    }

    [Fact]
    public async Task Drop_before_store_cuts_the_connection_and_stores_nothing()
    {
        var ada = await NewPosterAsync();
        await Admin.AddFaultAsync(new SandboxFault { Method = "POST", Drop = SandboxDrop.BeforeStore });
        using var client = new HttpClient { BaseAddress = Fixture.Server.BaseUri };

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "Never arrives"))));

        Assert.Empty(await Admin.GetPostsAsync());
        Assert.Equal(0, Assert.Single(await Admin.GetRequestsAsync()).Status);
    }

    [Fact]
    public async Task Drop_after_store_keeps_the_post_while_the_client_sees_a_connection_error()
    {
        var ada = await NewPosterAsync();
        await Admin.AddFaultAsync(new SandboxFault { Method = "POST", Drop = SandboxDrop.AfterStore });
        using var client = new HttpClient { BaseAddress = Fixture.Server.BaseUri };

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "Posted, but who knows"))));

        // Once seen empty right after the client's error in a full CI run (not reproduced in 12 runs of this class): waited
        // for, and a failure says what the sandbox logged, to tell a late store from a request that never got there.
        var stored = await EventuallyAsync(async () => (await Admin.GetPostsAsync()).SingleOrDefault(),
            async () => "Requests logged: " + string.Join("; ", (await Admin.GetRequestsAsync()).Select(r => $"{r.Method} {r.Path} -> {r.Status}")));
        Assert.Equal("Posted, but who knows", stored.Commentary);
        Assert.False(stored.Deleted);
        var logged = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal(0, logged.Status);
    }

    [Fact]
    public async Task Drop_after_store_on_a_reused_connection_still_stores_exactly_one_post()
    {
        var ada = await NewPosterAsync();
        using var client = new HttpClient { BaseAddress = Fixture.Server.BaseUri };
        using (var warmUp = await client.SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "Warm-up"))))
        {
            Assert.Equal(201, (int)warmUp.StatusCode);
        }
        await Admin.AddFaultAsync(new SandboxFault { Method = "POST", Drop = SandboxDrop.AfterStore });

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "On a kept-alive connection"))));

        Assert.Equal(2, (await Admin.GetPostsAsync()).Count);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, Func<Task<string>>? explain = null) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail("The sandbox did not get there within 10 s." + (explain == null ? "" : " " + await explain()));
            }
            await Task.Delay(50);
        }
    }
}
