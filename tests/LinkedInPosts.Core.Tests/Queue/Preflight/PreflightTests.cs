using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Preflight;
using LinkedInPosts.Core.Tests.Media;

namespace LinkedInPosts.Core.Tests.Queue.Preflight;

/// <summary>
/// Each pre-flight check over a real queue file: the posts are registered as Register-LinkedInScheduledPost
/// would, the connections are described as the cmdlet reads them from the token store.
/// </summary>
public sealed partial class PreflightTests : IDisposable
{
    private const string Member = "urn:li:person:abc";
    private static readonly DateTimeOffset Now = TestQueue.Start;
    private readonly TestQueue _queue = new();
    private readonly string _files = Directory.CreateTempSubdirectory("lip-preflight-").FullName;

    private static PreflightConnection Work(Action<PreflightConnection>? change = null)
    {
        var connection = new PreflightConnection("work", Member)
        {
            MemberName = "Ada Ops",
            Scopes = new[] { "openid", "profile", "w_member_social" },
            AccessTokenExpiresAt = Now.AddDays(50),
            ApiVersion = "202602",
            ReconnectCommand = "Connect-LinkedIn -Name work -AccessToken (Read-Host -AsSecureString 'LinkedIn access token')",
        };
        change?.Invoke(connection);
        return connection;
    }

    private static PreflightOptions Options(Action<PreflightOptions>? change = null)
    {
        var options = new PreflightOptions { Now = Now, Horizon = TimeSpan.FromHours(24) };
        change?.Invoke(options);
        return options;
    }

    private long Register(string key, DateTimeOffset at, string author = Member, string connection = "work", string? comment = null, string? image = null)
    {
        var draft = new PostDraft(LinkedInUrn.Parse(author), "Post " + key);
        if (image != null)
        {
            draft.Content = new MediaContent(MediaReference.FromFile(image));
        }
        var post = ScheduledPostBuilder.Build(new ScheduleRequest(draft, connection, at, "UTC") { Key = key, FirstComment = comment }, _queue.Store.Media);
        var result = Assert.Single(_queue.Store.RegisterBatch(new[] { post }));
        Assert.Equal(RegistrationOutcome.Added, result.Outcome);
        return result.Id!.Value;
    }

    private PreflightReport Run(PreflightOptions? options = null, params PreflightConnection[] connections) =>
        QueuePreflight.Run(_queue.Store, connections.Length == 0 ? new[] { Work() } : connections, options ?? Options());

    [Fact]
    public void A_healthy_queue_has_no_findings_and_counts_what_it_checked()
    {
        Register("a", Now.AddHours(1));
        Register("b", Now.AddHours(5));
        Register("later", Now.AddDays(3)); // beyond the horizon

        var report = Run();

        Assert.Empty(report.Findings);
        Assert.False(report.HasErrors);
        Assert.Equal(2, report.PostsChecked);
        Assert.Equal(Now.AddHours(24), report.HorizonEnd);
    }

    [Fact]
    public void A_connection_missing_from_the_store_is_one_error_naming_it_its_posts_and_the_command()
    {
        Register("a", Now.AddHours(1), connection: "cron");
        Register("b", Now.AddHours(2), connection: "cron");

        var report = Run(Options(o => o.ConnectCommandFor = name => "Connect-LinkedIn -Name " + name + " -ClientId <id>"));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((PreflightSeverity.Error, PreflightChecks.Connection, "cron", "a", 2), (finding.Severity, finding.Check, finding.Connection, finding.Key, finding.Posts));
        Assert.Contains("no connection named 'cron'", finding.Message);
        Assert.Contains("2 posts", finding.Message);
        Assert.Equal("Run Connect-LinkedIn -Name cron -ClientId <id> as the account that runs the queue.", finding.Fix);
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void Connection_names_match_without_regard_to_case()
    {
        Register("a", Now.AddHours(1), connection: "WORK");
        Assert.Empty(Run().Findings);
    }

    [Fact]
    public void A_token_that_expires_before_a_post_without_refresh_is_an_error_for_the_posts_after_it()
    {
        Register("before", Now.AddHours(1));
        Register("after1", Now.AddHours(6));
        Register("after2", Now.AddHours(7));

        var report = Run(null, Work(c => c.AccessTokenExpiresAt = Now.AddHours(5)));

        var finding = Assert.Single(report.Findings, f => f.Check == PreflightChecks.Token);
        Assert.Equal((PreflightSeverity.Error, "after1", 2), (finding.Severity, finding.Key, finding.Posts));
        Assert.Contains("expires 2026-03-01 13:00Z", finding.Message);
        Assert.Contains("no refresh token", finding.Message);
        Assert.StartsWith("Sign in again before then: Connect-LinkedIn -Name work", finding.Fix);
    }

    [Fact]
    public void A_token_must_last_until_the_next_run_after_a_posts_time()
    {
        // Due at 10:00, the token (no refresh) ends at 10:10: a task running every 15 minutes may send it at 10:14.
        Register("a", Now.AddHours(10));
        var connection = Work(c => c.AccessTokenExpiresAt = Now.AddHours(10).AddMinutes(10));

        var every15 = Run(null, connection);
        var every5 = Run(Options(o => o.RunInterval = TimeSpan.FromMinutes(5)), connection);

        var error = Assert.Single(every15.Findings, f => f.Severity == PreflightSeverity.Error);
        Assert.Equal(PreflightChecks.Token, error.Check);
        Assert.Contains("within 15 min before", error.Message);
        Assert.DoesNotContain(every5.Findings, f => f.Severity == PreflightSeverity.Error);
    }

    [Fact]
    public void A_deferred_post_is_checked_at_the_time_it_is_due_not_the_time_it_was_scheduled()
    {
        var id = Register("deferred", Now.AddHours(1));
        // A run at its time found the member's daily limit spent and deferred it to 20:00Z.
        var claimed = Assert.Single(_queue.Store.ClaimDue(Now.AddHours(1), "runner", TimeSpan.FromMinutes(10), 10));
        Assert.True(_queue.Store.ReleaseUntil(claimed.Claim!, Now.AddHours(12), Now.AddHours(1)).Applied);

        var report = Run(null, Work(c => c.AccessTokenExpiresAt = Now.AddHours(5)));

        var finding = Assert.Single(report.Findings, f => f.Check == PreflightChecks.Token);
        Assert.Equal((PreflightSeverity.Error, "deferred", 1, (long?)id), (finding.Severity, finding.Key, finding.Posts, finding.PostId));
        Assert.Contains("the first at 2026-03-01 20:00Z", finding.Message);
    }

    [Fact]
    public void A_post_deferred_past_max_lateness_is_a_warning_that_it_will_be_missed()
    {
        Register("deferred-far", Now.AddHours(1));
        var claimed = Assert.Single(_queue.Store.ClaimDue(Now.AddHours(1), "runner", TimeSpan.FromMinutes(10), 10));
        Assert.True(_queue.Store.ReleaseUntil(claimed.Claim!, Now.AddHours(30), Now.AddHours(1)).Applied);

        var finding = Assert.Single(Run(Options(o => o.Horizon = TimeSpan.FromHours(48))).Findings, f => f.Check == PreflightChecks.Lateness);

        Assert.Equal((PreflightSeverity.Warning, "deferred-far"), (finding.Severity, finding.Key));
        Assert.Contains("deferred to 2026-03-02 14:00Z", finding.Message);
        Assert.Contains("marks it Missed", finding.Message);
    }

    [Fact]
    public void An_expired_token_is_an_error_for_every_post_even_overdue_ones()
    {
        Register("overdue", Now.AddHours(-1));
        Register("soon", Now.AddHours(1));

        var finding = Assert.Single(Run(null, Work(c => c.AccessTokenExpiresAt = Now.AddDays(-2))).Findings, f => f.Check == PreflightChecks.Token);

        Assert.Equal((PreflightSeverity.Error, "overdue", 2), (finding.Severity, finding.Key, finding.Posts));
        Assert.Contains("expired 2026-02-27", finding.Message);
    }

    [Fact]
    public void A_token_that_can_refresh_at_the_posts_time_is_fine_but_not_when_the_refresh_token_ends_first()
    {
        Register("a", Now.AddHours(6));

        Assert.Empty(Run(null, Work(c =>
        {
            c.AccessTokenExpiresAt = Now.AddHours(5);
            c.HasRefreshToken = true;
            c.RefreshTokenExpiresAt = Now.AddDays(200);
        })).Findings);

        var finding = Assert.Single(Run(null, Work(c =>
        {
            c.AccessTokenExpiresAt = Now.AddHours(5);
            c.HasRefreshToken = true;
            c.RefreshTokenExpiresAt = Now.AddHours(5.5);
        })).Findings);
        Assert.Equal((PreflightSeverity.Error, PreflightChecks.Token), (finding.Severity, finding.Check));
        Assert.Contains("its refresh token ends 2026-03-01 13:30Z", finding.Message);
    }

    [Fact]
    public void A_token_ending_within_a_week_after_the_posts_is_a_warning_and_an_unknown_expiry_is_info()
    {
        Register("a", Now.AddHours(1));

        var soon = Assert.Single(Run(null, Work(c => c.AccessTokenExpiresAt = Now.AddDays(3))).Findings);
        Assert.Equal((PreflightSeverity.Warning, PreflightChecks.Token), (soon.Severity, soon.Check));
        Assert.Contains("in 3 days", soon.Message);

        var unknown = Assert.Single(Run(null, Work(c => c.AccessTokenExpiresAt = null)).Findings);
        Assert.Equal((PreflightSeverity.Info, PreflightChecks.Token), (unknown.Severity, unknown.Check));
        Assert.Contains("Test-LinkedInConnection -Name work", unknown.Fix);
    }

    [Fact]
    public void Missing_posting_scopes_are_errors_per_author_and_unknown_scopes_are_info()
    {
        Register("me", Now.AddHours(1));
        Register("page", Now.AddHours(2), author: "urn:li:organization:42");

        var findings = Run().Findings;
        var page = Assert.Single(findings);
        Assert.Equal((PreflightSeverity.Error, PreflightChecks.Scope, "page"), (page.Severity, page.Check, page.Key));
        Assert.Contains("w_organization_social", page.Message);
        Assert.Contains("-Organization", page.Fix);

        var memberOnly = Assert.Single(Run(null, Work(c => c.Scopes = new[] { "openid" })).Findings, f => f.Key == "me");
        Assert.Contains("w_member_social", memberOnly.Message);

        var unknown = Run(null, Work(c => c.Scopes = null)).Findings;
        Assert.Equal(PreflightSeverity.Info, Assert.Single(unknown).Severity);
    }

    [Fact]
    public void An_author_the_connection_cannot_post_as_is_an_error_with_the_connections_own_reason()
    {
        Register("page1", Now.AddHours(1), author: "urn:li:organization:7");
        Register("page2", Now.AddHours(2), author: "urn:li:organization:7");
        Register("me", Now.AddHours(3));
        var connection = Work(c =>
        {
            c.Scopes = new[] { "w_member_social", "w_organization_social" };
            c.WhyCannotPostAs = urn => urn.EntityType == LinkedInUrn.Organization ? "Connection 'work' has no role on " + urn + "." : null;
        });

        var finding = Assert.Single(Run(null, connection).Findings);

        Assert.Equal((PreflightSeverity.Error, PreflightChecks.Author, "page1", 2), (finding.Severity, finding.Check, finding.Key, finding.Posts));
        Assert.StartsWith("Connection 'work' has no role on urn:li:organization:7.", finding.Message);
    }

    [Theory]
    [InlineData("202503", PreflightSeverity.Error)]   // sunset around 2026-03-01: today
    [InlineData("202504", PreflightSeverity.Warning)] // sunset around 2026-04-01: within 60 days
    [InlineData("202505", null)]                      // 61 days left
    [InlineData("202601", null)]
    [InlineData("202701", PreflightSeverity.Error)]   // not released yet
    [InlineData("2026", PreflightSeverity.Error)]     // not a version
    public void The_api_version_must_still_be_served_at_the_posts_time(string version, PreflightSeverity? expected)
    {
        Register("a", Now.AddHours(1));

        var findings = Run(null, Work(c => c.ApiVersion = version)).Findings.Where(f => f.Check == PreflightChecks.ApiVersion).ToList();

        if (expected == null)
        {
            Assert.Empty(findings);
            return;
        }
        var finding = Assert.Single(findings);
        Assert.Equal(expected, finding.Severity);
        Assert.Contains(version, finding.Message);
        Assert.Contains("-ApiVersion", finding.Fix);
    }

    [Fact]
    public void A_version_that_sunsets_between_now_and_a_post_fails_only_the_posts_after_it()
    {
        Register("before", Now.AddHours(-22)); // 2026-02-28 10:00Z
        Register("after", Now.AddDays(1));

        var finding = Assert.Single(Run(Options(o => { o.Now = new DateTimeOffset(2026, 2, 28, 8, 0, 0, TimeSpan.Zero); o.Horizon = TimeSpan.FromDays(5); }), Work(c => c.ApiVersion = "202503")).Findings,
            f => f.Check == PreflightChecks.ApiVersion);

        Assert.Equal((PreflightSeverity.Error, "after", 1), (finding.Severity, finding.Key, finding.Posts));
        Assert.Contains("reaches its end of support around 2026-03-01", finding.Message);
    }

    [Fact]
    public void A_missing_or_changed_media_copy_is_an_error_for_each_post_using_it()
    {
        var png = Path.Combine(_files, "shot.png");
        File.WriteAllBytes(png, SampleFiles.Png(40, 30));
        var pdf = Path.Combine(_files, "runbook.pdf");
        File.WriteAllBytes(pdf, SampleFiles.Pdf());
        Register("image1", Now.AddHours(1), image: png);
        Register("image2", Now.AddHours(2), image: png);
        Register("doc", Now.AddHours(3), image: pdf);
        var pngHash = _queue.Store.GetByKey("image1")!.MediaHashes.Single();
        var pdfHash = _queue.Store.GetByKey("doc")!.MediaHashes.Single();
        File.Delete(_queue.Store.Media.PathOf(pngHash));
        File.AppendAllText(_queue.Store.Media.PathOf(pdfHash), "tampered");

        var findings = Run().Findings.Where(f => f.Check == PreflightChecks.Media).ToList();

        Assert.Equal(new[] { "image1", "image2", "doc" }, findings.Select(f => f.Key));
        Assert.All(findings, f => Assert.Equal(PreflightSeverity.Error, f.Severity));
        Assert.Contains("is missing from", findings[0].Message);
        Assert.Contains("was changed in", findings[2].Message);
        Assert.Contains(pdfHash, findings[2].Message);
    }

    [Fact]
    public void A_day_over_the_members_limit_is_an_error_pointing_at_the_first_post_that_does_not_fit()
    {
        // 2 calls per post with a first comment: 4 posts = 8 calls against a limit of 7.
        for (var i = 0; i < 4; i++)
        {
            Register("p" + i, Now.AddHours(1 + i), comment: "First comment " + i);
        }

        var finding = Assert.Single(Run(Options(o => o.MemberDailyLimit = 7)).Findings);

        Assert.Equal((PreflightSeverity.Error, PreflightChecks.DailyBudget, "p3", 1), (finding.Severity, finding.Check, finding.Key, finding.Posts));
        Assert.Contains("need about 8 calls", finding.Message);
        Assert.Contains("limit of 7", finding.Message);
        Assert.Contains("2026-03-01", finding.Message);
    }

    [Fact]
    public void The_budget_counts_per_member_and_utc_day_and_warns_near_the_limit()
    {
        Register("day1", Now.AddHours(15));   // 23:00Z
        Register("day2a", Now.AddHours(17));  // 01:00Z the next day
        Register("day2b", Now.AddHours(18));

        var findings = Run(Options(o => o.MemberDailyLimit = 2)).Findings;
        var warning = Assert.Single(findings);
        Assert.Equal((PreflightSeverity.Warning, "day2a", 2), (warning.Severity, warning.Key, warning.Posts));

        Assert.Empty(Run(Options(o => o.MemberDailyLimit = 150)).Findings);
    }

    [Fact]
    public void Todays_budget_counts_the_calls_already_made_for_posts_published_since_midnight()
    {
        // Now is 08:00Z. Published at 23:30Z yesterday (not counted), and at 05:00, 06:00, 07:00Z today.
        Publish("yesterday", Now.AddHours(-9), Now.AddHours(-8.5));
        for (var i = 0; i < 3; i++)
        {
            Publish("today" + i, Now.AddHours(-3 + i), Now.AddHours(-3 + i));
        }
        Register("next1", Now.AddHours(1));
        Register("next2", Now.AddHours(2));
        Register("tomorrow", Now.AddHours(17));

        var finding = Assert.Single(Run(Options(o => o.MemberDailyLimit = 4)).Findings);

        // 3 made + 2 to come = 5 > 4: from next2 on, one post would be deferred. Tomorrow starts afresh.
        Assert.Equal((PreflightSeverity.Error, PreflightChecks.DailyBudget, "next2", 1), (finding.Severity, finding.Check, finding.Key, finding.Posts));
        Assert.Contains("need about 2 calls on top of the 3 already made today for posts published since 00:00 UTC (5 in all)", finding.Message);
        Assert.Empty(Run(Options(o => o.MemberDailyLimit = 7)).Findings);
    }

    private void Publish(string key, DateTimeOffset scheduledAt, DateTimeOffset publishedAt)
    {
        Register(key, scheduledAt);
        var lease = TimeSpan.FromMinutes(10);
        var claimed = Assert.Single(_queue.Store.ClaimDue(publishedAt, "runner", lease, 10));
        Assert.True(_queue.Store.MarkSending(claimed.Claim!, publishedAt, lease).Applied);
        Assert.True(_queue.Store.MarkPublished(claimed.Claim!, "urn:li:share:70450204416099" + _queue.Store.Get(claimed.Id)!.Id.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), publishedAt, 201).Applied);
    }

    [Fact]
    public void Posts_that_need_a_person_are_listed_whenever_they_were_due()
    {
        var store = _queue.Store;
        Register("unconfirmed", Now.AddDays(-10));
        Register("failed", Now.AddDays(-9));
        Register("sending", Now.AddDays(-8));
        Register("fine", Now.AddHours(1));
        var claimed = store.ClaimDue(Now.AddDays(-8), "dead-run", TimeSpan.FromMinutes(10), 10).ToDictionary(p => p.Key);
        foreach (var key in new[] { "unconfirmed", "sending" })
        {
            Assert.True(store.MarkSending(claimed[key].Claim!, Now.AddDays(-8), TimeSpan.FromMinutes(10)).Applied);
        }
        store.MarkUnconfirmed(store.GetByKey("unconfirmed")!.Claim!, new AttemptReport { At = Now.AddDays(-8), Message = "Timed out." });
        store.MarkFailed(claimed["failed"].Claim!, new AttemptReport { At = Now.AddDays(-8), ErrorId = "LinkedInPermissionDenied", Message = "Not allowed." });

        var findings = Run().Findings.Where(f => f.Check == PreflightChecks.Stuck).ToList();

        Assert.Equal(new[] { "unconfirmed", "failed", "sending" }, findings.Select(f => f.Key));
        Assert.Equal(new[] { PreflightSeverity.Error, PreflightSeverity.Error, PreflightSeverity.Warning }, findings.Select(f => f.Severity));
        Assert.Contains("Unconfirmed", findings[0].Message);
        Assert.Contains("Not allowed.", findings[1].Message);
        Assert.Contains("dead-run", findings[2].Message);
        Assert.Contains($"Set-LinkedInScheduledPost -Id {findings[0].PostId} -ConfirmPublished -PostUrn", findings[0].Fix);
        Assert.Contains($"Set-LinkedInScheduledPost -Id {findings[1].PostId} -Retry", findings[1].Fix);
    }

    [Fact]
    public void A_post_waiting_for_evidence_is_an_Info_finding_that_says_until_when_and_why_not_an_error()
    {
        var store = _queue.Store;
        Register("waiting", Now.AddMinutes(-5));
        var claimed = Assert.Single(store.ClaimDue(Now.AddMinutes(-4), "runner-1", TimeSpan.FromMinutes(10), 10));
        Assert.True(store.MarkSending(claimed.Claim!, Now.AddMinutes(-4), TimeSpan.FromMinutes(10)).Applied);
        Assert.True(store.AwaitEvidence(claimed.Claim!, Now.AddMinutes(2), new AttemptReport { At = Now.AddMinutes(-3), Message = "No clear answer; it waits for evidence." }).Applied);

        var report = Run();

        var finding = Assert.Single(report.Findings);
        Assert.Equal((PreflightSeverity.Info, PreflightChecks.Stuck, "waiting"), (finding.Severity, finding.Check, finding.Key));
        Assert.Contains("waits for evidence", finding.Message);
        Assert.Contains("No clear answer; it waits for evidence.", finding.Message);
        Assert.Contains("never posts it twice", finding.Fix);
    }

    [Fact]
    public void A_post_overdue_by_more_than_max_lateness_is_a_warning_that_it_will_be_missed()
    {
        Register("late", Now.AddHours(-30));
        Register("recent", Now.AddHours(-2));

        var finding = Assert.Single(Run().Findings);

        Assert.Equal((PreflightSeverity.Warning, PreflightChecks.Lateness, "late"), (finding.Severity, finding.Check, finding.Key));
        Assert.Empty(Run(Options(o => o.MaxLateness = TimeSpan.FromHours(48))).Findings);
    }

    [Fact]
    public void Unreadable_content_is_an_error()
    {
        var draft = new PostDraft(LinkedInUrn.Parse(Member), "x");
        var payload = QueuePayload.Serialize(draft).Replace("\"v\":2", "\"v\":99");
        _queue.Store.RegisterBatch(new[] { new NewScheduledPost("future", "work", Member, Now.AddHours(1), "UTC", QueuePayload.Serialize(draft)) });
        using (var raw = _queue.Raw())
        {
            using var command = raw.CreateCommand();
            command.CommandText = "UPDATE posts SET payload = $p WHERE key = 'future'";
            command.Parameters.AddWithValue("$p", payload);
            command.ExecuteNonQuery();
        }

        var finding = Assert.Single(Run().Findings);

        Assert.Equal((PreflightSeverity.Error, PreflightChecks.Content, "future"), (finding.Severity, finding.Check, finding.Key));
    }

    [Fact]
    public void Errors_come_first_then_by_post_time()
    {
        Register("late", Now.AddHours(-30));
        Register("nobody", Now.AddHours(2), connection: "nobody");

        var findings = Run().Findings;

        Assert.Equal(new[] { PreflightChecks.Connection, PreflightChecks.Lateness }, findings.Select(f => f.Check));
    }

    [Fact]
    public void A_stored_connection_is_described_without_its_secrets()
    {
        var stored = new StoredConnection
        {
            Name = "work",
            MemberUrn = Member,
            MemberName = "Ada",
            AccessToken = "SECRET-ACCESS",
            RefreshToken = "SECRET-REFRESH",
            ClientId = "app",
            ClientSecret = "SECRET-CLIENT",
            RefreshTokenExpiresAt = Now.AddDays(300),
            AccessTokenExpiresAt = Now.AddDays(1),
            Scopes = new List<string> { "w_member_social" },
        };

        var described = PreflightConnection.FromStored(stored, "202602", "Connect-LinkedIn -Name work");

        Assert.True(described.HasRefreshToken);
        Assert.True(described.CanRefreshAt(Now.AddDays(299)));
        Assert.False(described.CanRefreshAt(Now.AddDays(301)));
        var properties = typeof(PreflightConnection).GetProperties().Select(p => p.GetValue(described)?.ToString() ?? string.Empty);
        Assert.DoesNotContain(properties, v => v.Contains("SECRET", StringComparison.Ordinal));

        stored.ClientSecret = null; // a refresh needs the app's secret
        Assert.False(PreflightConnection.FromStored(stored, "202602", "c").HasRefreshToken);
        stored.Scopes.Clear();
        Assert.Null(PreflightConnection.FromStored(stored, "202602", "c").Scopes);
    }

    public void Dispose()
    {
        _queue.Dispose();
        Directory.Delete(_files, recursive: true);
    }
}
