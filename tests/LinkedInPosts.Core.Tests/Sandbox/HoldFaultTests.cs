using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Sandbox;

/// <summary>
/// The hold fault: a create is stored, then its answer is kept back, so a test can act (kill a runner) in
/// the window where the post exists on "LinkedIn" but its client has not heard of it.
/// </summary>
public sealed class HoldFaultTests : SandboxTestBase
{
    public HoldFaultTests(SandboxFixture fixture) : base(fixture) { }

    [Fact]
    public async Task A_held_create_is_stored_and_listed_while_its_client_still_waits_then_gets_the_usual_answer()
    {
        var ada = await NewPosterAsync();
        await Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/posts", HoldAfterStoreMilliseconds = 20_000 });
        using var client = new HttpClient { BaseAddress = Fixture.Server.BaseUri, Timeout = TimeSpan.FromSeconds(60) };

        var create = client.SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "Stored, answer held")));
        var held = await HeldAsync();

        // The post exists and the client has no answer yet: exactly the window a kill test needs.
        Assert.Equal(201, held.Status);
        Assert.Equal("POST", held.Method);
        Assert.Equal("/rest/posts", held.Path);
        var stored = await Admin.GetPostAsync(held.RestLiId!);
        Assert.Equal("Stored, answer held", stored?.Commentary);
        Assert.False(create.IsCompleted, "The answer left before the hold ended.");
        Assert.Empty(await Admin.GetRequestsAsync()); // the log records a request once it is answered

        // A second, unfaulted create is not held behind the first.
        using (var other = await CreatePostAsync(ada.Token, ada.Urn, "Not held"))
        {
            Assert.Equal(201, (int)other.StatusCode);
        }
        Assert.False(create.IsCompleted);
        Assert.Equal(2, (await Admin.GetPostsAsync()).Count);
        Assert.Single(await Admin.GetHeldResponsesAsync());
    }

    [Fact]
    public async Task The_answer_let_out_after_the_hold_is_the_one_the_create_made()
    {
        var ada = await NewPosterAsync();
        await Admin.AddFaultAsync(new SandboxFault { Method = "POST", HoldAfterStoreMilliseconds = 300 });

        using var response = await CreatePostAsync(ada.Token, ada.Urn, "Late but whole");

        Assert.Equal(201, (int)response.StatusCode);
        var urn = Assert.Single(response.Headers.GetValues("x-restli-id"));
        Assert.Equal(urn, Assert.Single(response.Headers.GetValues("x-linkedin-id")));
        Assert.Equal(urn, Assert.Single(await Admin.GetPostsAsync()).Urn);
        Assert.Empty(await Admin.GetHeldResponsesAsync());
        Assert.Equal(201, Assert.Single(await Admin.GetRequestsAsync()).Status);
    }

    [Fact]
    public async Task A_client_that_goes_away_during_the_hold_ends_it_the_post_stays_and_the_log_shows_no_answer()
    {
        var ada = await NewPosterAsync();
        await Admin.AddFaultAsync(new SandboxFault { Method = "POST", HoldAfterStoreMilliseconds = 60_000 });
        using var gone = new CancellationTokenSource();
        using var client = new HttpClient { BaseAddress = Fixture.Server.BaseUri, Timeout = TimeSpan.FromSeconds(120) };

        var create = client.SendAsync(Rest(HttpMethod.Post, "rest/posts", ada.Token, PostBody(ada.Urn, "Client killed")), gone.Token);
        var held = await HeldAsync();
        gone.Cancel(); // the client's side of the connection goes, as a killed process's does

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => create);
        await EventuallyAsync(async () => (await Admin.GetHeldResponsesAsync()).Count == 0 ? "released" : null);
        Assert.Equal(held.RestLiId, Assert.Single(await Admin.GetPostsAsync()).Urn);
        Assert.Equal(0, Assert.Single(await Admin.GetRequestsAsync()).Status);
    }

    [Theory]
    [InlineData(503, SandboxDrop.None, 100)]
    [InlineData(null, SandboxDrop.AfterStore, 100)]
    [InlineData(null, SandboxDrop.None, -1)]
    public async Task A_hold_cannot_be_combined_with_a_status_or_a_drop_and_cannot_be_negative(int? status, SandboxDrop drop, int hold)
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            Admin.AddFaultAsync(new SandboxFault { Status = status, Drop = drop, HoldAfterStoreMilliseconds = hold }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("holdAfterStoreMilliseconds", error.Message);
    }

    private Task<SandboxHeldResponse> HeldAsync() =>
        EventuallyAsync(async () => (await Admin.GetHeldResponsesAsync()).SingleOrDefault());

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, "The sandbox did not get there within 10 s.");
            await Task.Delay(20);
        }
    }
}
