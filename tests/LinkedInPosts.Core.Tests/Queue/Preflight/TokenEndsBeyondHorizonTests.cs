using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Preflight;

namespace LinkedInPosts.Core.Tests.Queue.Preflight;

/// <summary>
/// A connection that ends within the expiry warning is said so by the daily pre-flight even when its next post is beyond
/// the horizon (review S13-H, 1): the first word of it was the Error once the token had ended.
/// </summary>
public sealed class TokenEndsBeyondHorizonTests : IDisposable
{
    private const string Member = "urn:li:person:abc";
    private static readonly DateTimeOffset Now = TestQueue.Start;
    private readonly TestQueue _queue = new();

    public void Dispose() => _queue.Dispose();

    private void Register(string key, DateTimeOffset at)
    {
        var post = ScheduledPostBuilder.Build(new ScheduleRequest(new PostDraft(LinkedInUrn.Parse(Member), "Post " + key), "work", at, "UTC") { Key = key }, _queue.Store.Media);
        Assert.Equal(RegistrationOutcome.Added, Assert.Single(_queue.Store.RegisterBatch(new[] { post })).Outcome);
    }

    private static PreflightConnection Work(Action<PreflightConnection> change)
    {
        var connection = new PreflightConnection("work", Member)
        {
            MemberName = "Ada Ops",
            Scopes = new[] { "openid", "profile", "w_member_social" },
            ApiVersion = "202602",
            ReconnectCommand = "Connect-LinkedIn -Name work -ClientId abc -ClientSecret (Read-Host -AsSecureString 'LinkedIn client secret')",
        };
        change(connection);
        return connection;
    }

    [Fact]
    public void A_connection_that_ends_in_two_days_with_its_next_post_in_three_is_reported_by_the_daily_24h_preflight()
    {
        // A weekly cadence: the next post is just beyond the default 24h horizon, the 60-day token (no refresh token) ends before it.
        Register("next-week", Now.AddDays(3));
        var report = QueuePreflight.Run(_queue.Store, new[] { Work(c => c.AccessTokenExpiresAt = Now.AddDays(2)) },
            new PreflightOptions { Now = Now, Horizon = TimeSpan.FromHours(24) });

        // docs/cmdlets.md, Token row: "Warning: it ends within 7 days"; PreflightOptions.ExpiryWarning: "a warning even if no post is hit yet".
        var warning = Assert.Single(report.Findings, f => f.Check == PreflightChecks.Token);
        Assert.Equal(PreflightSeverity.Warning, warning.Severity);
        Assert.Contains("its token expires (no refresh token)", warning.Message);
        Assert.Equal("next-week", warning.Key);
        // A connection with no waiting post, or one that lasts, is not mentioned.
        var lasting = QueuePreflight.Run(_queue.Store, new[] { Work(c => c.AccessTokenExpiresAt = Now.AddDays(30)) }, new PreflightOptions { Now = Now });
        Assert.DoesNotContain(lasting.Findings, f => f.Check == PreflightChecks.Token);
    }

    [Fact]
    public void A_refresh_token_that_ends_in_two_days_with_the_next_post_in_three_is_reported_by_the_daily_24h_preflight()
    {
        // Day 363 of 365: the access token was capped at the refresh token's end by the last refresh (linkedin-api.md 5.3).
        Register("next-week", Now.AddDays(3));
        var report = QueuePreflight.Run(_queue.Store, new[] { Work(c =>
        {
            c.AccessTokenExpiresAt = Now.AddDays(2);
            c.HasRefreshToken = true;
            c.RefreshTokenExpiresAt = Now.AddDays(2);
        }) }, new PreflightOptions { Now = Now, Horizon = TimeSpan.FromHours(24) });

        var warning = Assert.Single(report.Findings, f => f.Check == PreflightChecks.Token);
        Assert.Equal(PreflightSeverity.Warning, warning.Severity);
        Assert.Contains("its refresh token ends", warning.Message);
    }
}
