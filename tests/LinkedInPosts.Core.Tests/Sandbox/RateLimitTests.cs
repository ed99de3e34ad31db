using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>Daily member and application limits, reset at midnight UTC of the sandbox clock (6.4).</summary>
public sealed class RateLimitTests : SandboxTestBase
{
    public RateLimitTests(SandboxFixture fixture) : base(fixture) { }

    private Task<HttpResponseMessage> CallAsync(Actor actor) =>
        SendAsync(Rest(HttpMethod.Get, $"rest/posts?q=author&author={Enc(actor.Urn)}", actor.Token));

    [Fact]
    public async Task Over_the_member_daily_limit_is_429_without_retry_after()
    {
        await Admin.SetLimitsAsync(memberDailyLimit: 3);
        var ada = await NewPosterAsync();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await CallAsync(ada);
            Assert.Equal(200, (int)allowed.StatusCode);
        }

        using var response = await CallAsync(ada);

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal("{\"serviceErrorCode\":101,\"message\":\"Resource level throttle limit for calls to this resource is reached.\",\"status\":429}",
            await response.Content.ReadAsStringAsync());
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_daily_limit_resets_at_midnight_utc_of_the_sandbox_clock()
    {
        await Admin.SetClockAsync(new DateTimeOffset(2026, 11, 23, 23, 59, 0, TimeSpan.Zero));
        await Admin.SetLimitsAsync(memberDailyLimit: 1);
        var ada = await NewPosterAsync();
        (await CallAsync(ada)).Dispose();
        using (var throttled = await CallAsync(ada))
        {
            Assert.Equal(429, (int)throttled.StatusCode);
        }
        await Admin.AdvanceClockAsync(TimeSpan.FromSeconds(90));

        using var response = await CallAsync(ada);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task The_member_limit_counts_each_member_separately()
    {
        await Admin.SetLimitsAsync(memberDailyLimit: 1);
        var ada = await NewPosterAsync();
        var grace = await NewPosterAsync();
        (await CallAsync(ada)).Dispose();

        using var byGrace = await CallAsync(grace);
        using var byAda = await CallAsync(ada);

        Assert.Equal(200, (int)byGrace.StatusCode);
        Assert.Equal(429, (int)byAda.StatusCode);
    }

    [Fact]
    public async Task The_application_limit_throttles_every_member()
    {
        await Admin.SetLimitsAsync(memberDailyLimit: 100, appDailyLimit: 2);
        var ada = await NewPosterAsync();
        var grace = await NewPosterAsync();
        (await CallAsync(ada)).Dispose();
        (await CallAsync(grace)).Dispose();

        using var response = await CallAsync(grace);

        Assert.Equal(101, (int)(await ErrorAsync(response, 429))["serviceErrorCode"]!);
    }

    [Fact]
    public async Task Userinfo_and_rejected_unauthenticated_calls_do_not_count()
    {
        await Admin.SetLimitsAsync(memberDailyLimit: 1);
        var ada = await NewMemberAsync(["r_member_social", "openid", "profile"]);
        using var userinfo = new HttpRequestMessage(HttpMethod.Get, "v2/userinfo");
        userinfo.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ada.Token);
        (await SendAsync(userinfo)).Dispose();
        (await SendAsync(Rest(HttpMethod.Get, $"rest/posts?q=author&author={Enc(ada.Urn)}", token: null))).Dispose();

        using var response = await CallAsync(ada);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task The_member_limit_comes_from_the_options_and_reset_restores_it()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { MemberDailyLimit = 1, StartTime = SandboxFixture.StartTime });
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var member = await server.Admin.CreateMemberAsync();
        var token = await server.Admin.CreateTokenAsync(member.Urn, ["r_member_social"]);
        var path = $"rest/posts?q=author&author={Enc(member.Urn)}";
        (await http.SendAsync(Rest(HttpMethod.Get, path, token))).Dispose();
        using (var throttled = await http.SendAsync(Rest(HttpMethod.Get, path, token)))
        {
            Assert.Equal(429, (int)throttled.StatusCode);
        }
        await server.Admin.SetLimitsAsync(memberDailyLimit: 5);
        using (var raised = await http.SendAsync(Rest(HttpMethod.Get, path, token)))
        {
            Assert.Equal(200, (int)raised.StatusCode);
        }

        await server.Admin.ResetAsync();
        member = await server.Admin.CreateMemberAsync();
        token = await server.Admin.CreateTokenAsync(member.Urn, ["r_member_social"]);
        path = $"rest/posts?q=author&author={Enc(member.Urn)}";
        (await http.SendAsync(Rest(HttpMethod.Get, path, token))).Dispose();
        using var afterReset = await http.SendAsync(Rest(HttpMethod.Get, path, token));

        Assert.Equal(429, (int)afterReset.StatusCode);
    }
}
