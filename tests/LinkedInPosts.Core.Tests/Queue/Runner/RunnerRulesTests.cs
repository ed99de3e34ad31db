using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.Core.Tests.Api;
using LinkedInPosts.Sandbox;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>The runner's rules: missed, held, deferred, backoff, giving up, final errors, damaged media, secrets.</summary>
public sealed class RunnerRulesTests
{
    [Fact]
    public async Task A_post_overdue_by_more_than_MaxLateness_is_Missed_without_a_call_and_one_just_inside_is_sent()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("stale", "Yesterday's news", world.Now.AddHours(-25));
        world.Register("late", "Late but fine", world.Now.AddHours(-23));

        var report = await world.RunAsync();

        var missed = report.Posts.Single(p => p.Key == "stale");
        Assert.Equal(QueuePostOutcome.Missed, missed.Outcome);
        Assert.Equal(QueueState.Missed, world.Get("stale").State);
        Assert.Equal(QueueRunErrorIds.Missed, missed.ErrorId);
        Assert.Contains("MaxLateness", missed.Message);
        Assert.Empty(world.Attempts("stale")); // nothing was tried
        Assert.Equal(QueuePostOutcome.Published, report.Posts.Single(p => p.Key == "late").Outcome);
        Assert.Equal(1, await world.CreateCallsAsync());
        Assert.Equal(1, report.Missed);
        Assert.True(report.NeedsAttention);
    }

    [Fact]
    public async Task A_connection_that_cannot_be_opened_holds_its_posts_Pending_with_one_problem_and_no_call_while_others_publish()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Connections.Fail("work", new LinkedInAuthException(AuthFailureReason.Expired,
            "The connection 'work' expired on 2026-02-27 and has no refresh token. Sign in again: Connect-LinkedIn -Name work."));
        world.Connections.Add("other", () => new QueueConnection("other", world.Session.Client, world.Session.Member.Urn));
        world.Register("a", "Held one", world.Now.AddMinutes(-3));
        world.Register("b", "Held two", world.Now.AddMinutes(-2));
        world.Register("c", "Through the other connection", world.Now.AddMinutes(-1), connection: "other");

        var report = await world.RunAsync();

        var problem = Assert.Single(report.ConnectionProblems);
        Assert.Equal("work", problem.Connection);
        Assert.Equal("LinkedInAuthExpired", problem.Error.ErrorId);
        Assert.Equal(2, problem.PostsHeld);
        Assert.Equal(2, report.Held);
        Assert.True(report.NeedsAttention);
        foreach (var key in new[] { "a", "b" })
        {
            var held = report.Posts.Single(p => p.Key == key);
            Assert.Equal(QueuePostOutcome.Held, held.Outcome);
            Assert.Equal(QueueState.Pending, held.State);
            Assert.Equal("LinkedInAuthExpired", held.ErrorId);
            Assert.Contains("Connect-LinkedIn -Name work", held.Message);
            Assert.Equal(QueueState.Pending, world.Get(key).State);
            Assert.Empty(world.Attempts(key));
        }
        Assert.Equal(QueuePostOutcome.Published, report.Posts.Single(p => p.Key == "c").Outcome);
        Assert.Equal(1, await world.CreateCallsAsync());
        Assert.Equal(new[] { "work", "other" }, world.Connections.Opened); // each once, even with two posts held
    }

    [Fact]
    public async Task A_token_that_expires_mid_run_holds_the_connections_posts_after_one_refused_call_and_reports_it_once_in_its_own_words()
    {
        await using var world = await RunnerHarness.StartAsync();
        var shortLived = await world.Admin.CreateTokenAsync(world.Session.Member.Urn, SandboxSession.AllMemberScopes, TimeSpan.FromMinutes(1));
        var client = world.Session.ClientWith(shortLived, o => { o.ApiVersion = RunnerHarness.ApiVersion; o.Clock = world.Queue.Clock; });
        world.Connections.Add("work", () => new QueueConnection("work", client, world.Session.Member.Urn)
        {
            ExplainAuthFailure = e => new LinkedInAuthException(e.Reason, "The connection 'work' needs a new sign-in: Connect-LinkedIn -Name work. (" + e.Message + ")"),
        });
        world.Register("a", "First after expiry", world.Now.AddMinutes(-2));
        world.Register("b", "Second after expiry", world.Now.AddMinutes(-1));
        await world.Admin.AdvanceClockAsync(TimeSpan.FromHours(1));

        var report = await world.RunAsync();

        var problem = Assert.Single(report.ConnectionProblems);
        Assert.Equal("LinkedInAuthExpired", problem.Error.ErrorId);
        Assert.StartsWith("The connection 'work' needs a new sign-in", problem.Error.Message);
        Assert.Equal(2, problem.PostsHeld);
        Assert.Equal(new[] { QueuePostOutcome.Held, QueuePostOutcome.Held }, report.Posts.Select(p => p.Outcome));
        Assert.Equal(1, await world.CreateCallsAsync()); // the second post was not sent to be refused again
        Assert.All(new[] { "a", "b" }, key => Assert.Equal(QueueState.Pending, world.Get(key).State));
        var refused = Assert.Single(world.Attempts("a"));
        Assert.Equal((AttemptOutcome.Retry, 401, "LinkedInAuthExpired"), (refused.Outcome, refused.HttpStatus, refused.ErrorId));
        Assert.Empty(world.Attempts("b"));
        Assert.Empty(await world.Admin.GetPostsAsync());
        client.Dispose();
    }

    [Fact]
    public async Task A_sunset_API_version_holds_the_connections_posts_with_one_problem_that_names_the_fix()
    {
        await using var world = await RunnerHarness.StartAsync();
        var old = world.Session.ClientWith(world.Session.Token, o => { o.ApiVersion = "202401"; o.Clock = world.Queue.Clock; });
        world.Connections.Add("work", () => new QueueConnection("work", old, world.Session.Member.Urn));
        world.Register("a", "On an old version");
        world.Register("b", "Also on it");

        var report = await world.RunAsync();

        var problem = Assert.Single(report.ConnectionProblems);
        Assert.Equal("LinkedInVersionNotActive", problem.Error.ErrorId);
        Assert.Contains("Connect-LinkedIn -ApiVersion", problem.Error.Message);
        Assert.Equal(2, report.Held);
        Assert.Equal(0, report.Failed);
        Assert.All(new[] { "a", "b" }, key => Assert.Equal(QueueState.Pending, world.Get(key).State));
        Assert.Equal(1, await world.CreateCallsAsync());
        old.Dispose();
    }

    [Fact]
    public async Task A_spent_daily_limit_defers_all_the_authors_posts_to_midnight_UTC_without_calling_LinkedIn_for_them()
    {
        await using var world = await RunnerHarness.StartAsync();
        await world.Admin.SetLimitsAsync(memberDailyLimit: 1);
        world.Register("one", "Gets the only call", world.Now.AddMinutes(-3));
        world.Register("two", "Throttled", world.Now.AddMinutes(-2));
        world.Register("three", "Deferred with it", world.Now.AddMinutes(-1));
        world.Register("tonight", "Due later today", world.Now.AddHours(3));
        world.Register("tomorrow", "Due after the reset", world.Now.AddDays(1));
        var midnight = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

        var report = await world.RunAsync();

        Assert.Equal(new[] { ("one", QueuePostOutcome.Published), ("two", QueuePostOutcome.Retrying), ("three", QueuePostOutcome.Deferred) },
            report.Posts.Select(p => (p.Key, p.Outcome)));
        Assert.Equal(2, await world.CreateCallsAsync());
        var two = report.Posts[1];
        Assert.Equal("LinkedInThrottled", two.ErrorId);
        Assert.Equal(429, two.HttpStatus);
        Assert.Equal(midnight, two.NextAttemptAt);
        Assert.Equal(midnight, world.Get("two").DueAtUtc);
        var attempt = Assert.Single(world.Attempts("two"));
        Assert.Equal((AttemptOutcome.Retry, 429, "Throttled"), (attempt.Outcome, attempt.HttpStatus, attempt.ErrorKind));
        Assert.Equal(midnight, report.Posts[2].NextAttemptAt);
        Assert.Equal(midnight, world.Get("three").DueAtUtc);
        Assert.Empty(world.Attempts("three"));
        Assert.Equal(midnight, world.Get("tonight").DueAtUtc); // deferred too, before it could spend a call
        Assert.Equal(world.Now.AddDays(1), world.Get("tomorrow").DueAtUtc);
        Assert.Equal((1, 1, 1), (report.Published, report.Retrying, report.Deferred));
        Assert.False(report.NeedsAttention);
    }

    [Fact]
    public async Task A_429_defers_all_the_members_posts_as_any_author_and_through_any_of_their_connections_but_not_another_members()
    {
        await using var world = await RunnerHarness.StartAsync();
        await world.Admin.SetLimitsAsync(memberDailyLimit: 1);
        // The same member through a second connection, and a colleague with a connection of their own: LinkedIn
        // counts each member's calls (per app), whichever author they post as and through whichever token.
        world.Connections.Add("work-again", () => new QueueConnection("work-again", world.Session.Client, world.Session.Member.Urn));
        var colleague = await world.Admin.CreateMemberAsync("Colleague");
        var token = await world.Admin.CreateTokenAsync(colleague.Urn, ["w_member_social"]);
        using var colleagueClient = new LinkedInClient(new StaticAccessTokenSource(token),
            new LinkedInClientOptions { Endpoints = LinkedInEndpoints.ForSandbox(world.Session.Server.BaseUri), ApiVersion = RunnerHarness.ApiVersion, Clock = world.Queue.Clock });
        world.Connections.Add("colleague", () => new QueueConnection("colleague", colleagueClient, colleague.Urn));
        world.Register("member-1", "Gets the member's only call", world.Now.AddMinutes(-6));
        world.Register("member-2", "Throttled", world.Now.AddMinutes(-5));
        world.Register("page", "As the member's page", world.Now.AddMinutes(-4), author: LinkedInUrn.Parse(SandboxSession.OrganizationUrn));
        world.Register("colleague-1", "The colleague's first", world.Now.AddMinutes(-3), connection: "colleague", author: LinkedInUrn.Parse(colleague.Urn));
        world.Register("member-again", "Through the member's other connection", world.Now.AddMinutes(-2), connection: "work-again");
        world.Register("tonight", "Due later today, as the page", world.Now.AddHours(3), author: LinkedInUrn.Parse(SandboxSession.OrganizationUrn));

        var report = await world.RunAsync();

        Assert.Equal(new[]
        {
            ("member-1", QueuePostOutcome.Published), ("member-2", QueuePostOutcome.Retrying), ("page", QueuePostOutcome.Deferred),
            ("colleague-1", QueuePostOutcome.Published), ("member-again", QueuePostOutcome.Deferred),
        }, report.Posts.Select(p => (p.Key, p.Outcome)));
        Assert.Contains("the connection 'work'", report.Posts[2].Message);
        Assert.Equal(3, await world.CreateCallsAsync());
        var midnight = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        Assert.All(new[] { "member-2", "page", "member-again", "tonight" }, key => Assert.Equal(midnight, world.Get(key).DueAtUtc));
    }

    [Fact]
    public void The_retry_schedule_grows_exponentially_with_full_jitter_between_the_base_and_the_cap()
    {
        var baseDelay = TimeSpan.FromMinutes(1);
        var max = TimeSpan.FromHours(1);
        var schedule = new RetrySchedule(baseDelay, max, new Random(42));

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var ceiling = schedule.Ceiling(attempt);
            Assert.Equal(TimeSpan.FromTicks(Math.Min(max.Ticks, baseDelay.Ticks << attempt)), ceiling);
            var draws = Enumerable.Range(0, 500).Select(_ => schedule.Delay(attempt)).ToList();
            Assert.All(draws, d => Assert.InRange(d, baseDelay, ceiling));
            Assert.True(draws.Distinct().Count() > 400, "the delays are jittered, not fixed");
            Assert.True(draws.Max() - draws.Min() > (ceiling - baseDelay) * 0.9, "the jitter covers the whole range");
        }
        Assert.Equal(max, schedule.Ceiling(7)); // 128 min capped at 60
    }

    [Fact]
    public async Task A_failed_upload_retries_later_within_the_jitter_bounds_and_fails_for_good_after_MaxAttempts()
    {
        await using var world = await RunnerHarness.StartAsync();
        var image = world.Png("diagram.png");
        world.Register("img", "With a diagram", content: new MediaContent(MediaReference.FromFile(image)));
        await world.Admin.AddFaultAsync(new SandboxFault { Method = "POST", Path = "/rest/images", Status = 503, Count = 1000 });

        var first = Assert.Single((await world.RunAsync(o => o.MaxAttempts = 3)).Posts);
        Assert.Equal(QueuePostOutcome.Retrying, first.Outcome);
        Assert.Equal("LinkedInServerError", first.ErrorId);
        Assert.Equal(503, first.HttpStatus);
        Assert.InRange(first.NextAttemptAt!.Value, world.Now + TimeSpan.FromMinutes(1), world.Now + TimeSpan.FromMinutes(2));

        world.Queue.Clock.Advance(TimeSpan.FromHours(1));
        var second = Assert.Single((await world.RunAsync(o => o.MaxAttempts = 3)).Posts);
        Assert.Equal(QueuePostOutcome.Retrying, second.Outcome);
        Assert.InRange(second.NextAttemptAt!.Value, world.Now + TimeSpan.FromMinutes(1), world.Now + TimeSpan.FromMinutes(4));

        world.Queue.Clock.Advance(TimeSpan.FromHours(1));
        var third = Assert.Single((await world.RunAsync(o => o.MaxAttempts = 3)).Posts);
        Assert.Equal(QueuePostOutcome.Failed, third.Outcome);
        Assert.Equal(QueueState.Failed, world.Get("img").State);
        Assert.StartsWith("Gave up after 3 attempts (MaxAttempts 3).", third.Message);
        Assert.Equal(new[] { AttemptOutcome.Retry, AttemptOutcome.Retry, AttemptOutcome.Failed }, world.Attempts("img").Select(a => a.Outcome));
        // Tries that never reached a create: recorded NotSent (the error is in ErrorId), so none is taken for a call that may have landed.
        Assert.All(world.Attempts("img"), a => Assert.Equal((503, QueueAttempt.NotSentKind, "LinkedInServerError", false), (a.HttpStatus, a.ErrorKind, a.ErrorId, a.MayHaveLanded)));
        Assert.Equal(0, await world.CreateCallsAsync()); // it never got as far as the create
    }

    [Fact]
    public async Task The_same_text_already_on_LinkedIn_fails_a_first_send_at_once_with_LinkedIns_URN()
    {
        await using var world = await RunnerHarness.StartAsync();
        var earlier = await world.CreateDirectlyAsync("Posted by hand this morning");
        world.Register("dup", "Posted by hand this morning");

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Failed, result.Outcome);
        Assert.Equal("LinkedInDuplicatePost", result.ErrorId);
        Assert.Equal(422, result.HttpStatus);
        Assert.Contains(earlier, result.Message);
        Assert.Equal(QueueState.Failed, world.Get("dup").State);
        Assert.Equal((AttemptOutcome.Failed, "Duplicate"), (Assert.Single(world.Attempts("dup")).Outcome, world.Attempts("dup")[0].ErrorKind));
        Assert.Single(await world.PostsOnceAsync());
    }

    [Fact]
    public async Task A_missing_scope_fails_the_post_at_once_naming_the_scope()
    {
        await using var world = await RunnerHarness.StartAsync();
        var readOnly = await world.Admin.CreateTokenAsync(world.Session.Member.Urn, new[] { "openid", "profile" });
        var client = world.Session.ClientWith(readOnly, o => o.ApiVersion = RunnerHarness.ApiVersion);
        world.Connections.Add("work", () => new QueueConnection("work", client, world.Session.Member.Urn));
        world.Register("denied", "Needs w_member_social");

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Failed, result.Outcome);
        Assert.Equal("LinkedInPermissionDenied", result.ErrorId);
        Assert.Contains("w_member_social", result.Message);
        Assert.Equal(403, Assert.Single(world.Attempts("denied")).HttpStatus);
        client.Dispose();
    }

    [Fact]
    public async Task LinkedIns_validation_answer_fails_the_post_with_LinkedIns_message_and_no_secret_is_stored()
    {
        await using var world = await RunnerHarness.StartAsync();
        var token = world.Session.Token;
        await world.Admin.AddFaultAsync(new SandboxFault
        {
            Method = "POST",
            Path = "/rest/posts",
            Status = 400,
            Body = "{\"message\":\"ShareCommentary is not acceptable (echo: Bearer " + token + " access_token=" + token + ")\",\"status\":400}",
        });
        world.Register("bad", "Refused by LinkedIn");

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Failed, result.Outcome);
        Assert.Equal("LinkedInInvalidCommentary", result.ErrorId);
        Assert.Contains("ShareCommentary is not acceptable", result.Message);
        var attempt = Assert.Single(world.Attempts("bad"));
        Assert.Contains("ShareCommentary is not acceptable", attempt.Message);
        Assert.DoesNotContain(token, attempt.Message);
        Assert.DoesNotContain(token, world.Get("bad").LastError);
        Assert.DoesNotContain(token, result.Message);
    }

    [Fact]
    public async Task A_connection_that_says_it_cannot_post_as_the_author_fails_the_post_without_a_call()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Connections.Add("work", () => new QueueConnection("work", world.Session.Client, world.Session.Member.Urn)
        {
            WhyCannotPostAs = author => author.EntityType == LinkedInUrn.Organization ? "the member holds no posting role on it" : null,
        });
        world.Register("page", "As the page", author: LinkedInUrn.Parse("urn:li:organization:999"));

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Failed, result.Outcome);
        Assert.Equal(QueueRunErrorIds.CannotPostAs, result.ErrorId);
        Assert.Contains("no posting role", result.Message);
        Assert.Empty(await world.Admin.GetRequestsAsync());
    }

    [Theory]
    [InlineData(true, "LinkedInQueueMediaCorrupted")]
    [InlineData(false, "LinkedInQueueMediaMissing")]
    public async Task A_stored_copy_that_changed_or_vanished_fails_the_post_before_anything_is_uploaded(bool corrupt, string errorId)
    {
        await using var world = await RunnerHarness.StartAsync();
        var image = world.Png("photo.png");
        var post = world.Register("photo", "A photo", content: new MediaContent(MediaReference.FromFile(image)));
        var stored = world.Store.Media.PathOf(post.MediaHashes[0]);
        if (corrupt)
        {
            File.WriteAllBytes(stored, SampleFilesBytes());
        }
        else
        {
            File.Delete(stored);
        }

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Failed, result.Outcome);
        Assert.Equal(errorId, result.ErrorId);
        Assert.Equal(QueueState.Failed, world.Get("photo").State);
        Assert.Equal(errorId, Assert.Single(world.Attempts("photo")).ErrorId);
        Assert.Empty(await world.Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task Cancelling_a_run_stops_after_the_post_in_hand_and_leaves_the_rest_Pending_and_unclaimed()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("a", "Goes out", world.Now.AddMinutes(-3));
        world.Register("b", "Stays", world.Now.AddMinutes(-2));
        world.Register("c", "Stays too", world.Now.AddMinutes(-1));
        using var stop = new CancellationTokenSource();
        var seen = new List<QueuePostResult>();
        var progress = new Progress(result => { seen.Add(result); stop.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.Runner().RunAsync(progress, stop.Token));

        Assert.Equal("a", Assert.Single(seen).Key);
        Assert.Equal(QueueState.Published, world.Get("a").State);
        Assert.All(new[] { "b", "c" }, key =>
        {
            Assert.Equal(QueueState.Pending, world.Get(key).State);
            Assert.Null(world.Get(key).ClaimToken);
            Assert.Empty(world.Attempts(key));
        });
        Assert.Equal(1, await world.CreateCallsAsync());
    }

    private sealed class Progress : IProgress<QueuePostResult>
    {
        private readonly Action<QueuePostResult> _report;

        public Progress(Action<QueuePostResult> report) => _report = report;

        public void Report(QueuePostResult value) => _report(value);
    }

    private static byte[] SampleFilesBytes() => Media.SampleFiles.Png(41, 30);

    [Fact]
    public async Task Lateness_counts_from_the_scheduled_time_so_a_post_pushed_back_by_retries_is_Missed_not_sent_a_day_late()
    {
        await using var world = await RunnerHarness.StartAsync();
        world.Register("pushed", "Pushed back and back");
        var claim = Assert.Single(world.Store.ClaimDue(world.Now, "earlier-run", TimeSpan.FromMinutes(5), 10)).Claim!;
        // An earlier run was throttled: the post is due again 23 hours after its time.
        world.Store.RetryLater(claim, world.Now.AddHours(23), new AttemptReport { At = world.Now, HttpStatus = 429, ErrorKind = "Throttled", Message = "Daily limit" });
        world.Queue.Clock.Advance(TimeSpan.FromHours(25));

        var result = Assert.Single((await world.RunAsync()).Posts);

        Assert.Equal(QueuePostOutcome.Missed, result.Outcome); // 2 h after due_at, but 25 h after its scheduled time
        Assert.Equal(QueueState.Missed, world.Get("pushed").State);
        Assert.Equal(0, await world.CreateCallsAsync());
    }
}
