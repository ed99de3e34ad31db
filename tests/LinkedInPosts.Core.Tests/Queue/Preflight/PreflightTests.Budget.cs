using LinkedInPosts.Core.Queue.Preflight;
using LinkedInPosts.Core.Tests.Media;

namespace LinkedInPosts.Core.Tests.Queue.Preflight;

/// <summary>The daily budget's estimate: what a video's upload costs, and which calls LinkedIn counts together.</summary>
public sealed partial class PreflightTests
{
    [Fact]
    public void A_video_counts_its_upload_and_processing_checks_not_two_calls()
    {
        var video = Path.Combine(_files, "demo.mp4");
        File.WriteAllBytes(video, SampleFiles.IsoMedia("isom", 80_000));
        var png = Path.Combine(_files, "shot.png");
        File.WriteAllBytes(png, SampleFiles.Png(40, 30));
        Register("video", Now.AddHours(1), image: video);
        Register("image", Now.AddHours(2), image: png);

        // 1 + 12 for the video, 1 + 2 for the picture: 16 calls against a limit of 15.
        var finding = Assert.Single(Run(Options(o => o.MemberDailyLimit = 15)).Findings);

        Assert.Equal((PreflightSeverity.Error, PreflightChecks.DailyBudget, "image"), (finding.Severity, finding.Check, finding.Key));
        Assert.Contains("need about 16 calls", finding.Message);
        Assert.DoesNotContain(Run(Options(o => o.MemberDailyLimit = 16)).Findings, f => f.Severity == PreflightSeverity.Error);
    }

    [Fact]
    public void One_members_connections_through_two_apps_have_a_daily_limit_each()
    {
        Register("a1", Now.AddHours(1), connection: "work");
        Register("a2", Now.AddHours(2), connection: "work");
        Register("b1", Now.AddHours(3), connection: "marketing");
        Register("b2", Now.AddHours(4), connection: "marketing");
        var work = Work(c => c.ClientId = "app-one");
        var marketing = new PreflightConnection("marketing", Member) { MemberName = "Ada Ops", AccessTokenExpiresAt = Now.AddDays(50), ApiVersion = "202602", Scopes = work.Scopes, ClientId = "app-two" };

        var apart = Run(Options(o => o.MemberDailyLimit = 2), work, marketing);
        marketing.ClientId = "app-one";
        var together = Run(Options(o => o.MemberDailyLimit = 2), work, marketing);

        // 2 calls per app fit a limit of 2 (each at it: a warning that names the app); 4 through one app do not.
        Assert.DoesNotContain(apart.Findings, f => f.Severity == PreflightSeverity.Error);
        Assert.Contains(apart.Findings, f => f.Check == PreflightChecks.DailyBudget && f.Message.Contains("through app app-two", StringComparison.Ordinal));
        var over = Assert.Single(together.Findings, f => f.Severity == PreflightSeverity.Error);
        Assert.Equal((PreflightChecks.DailyBudget, "b1"), (over.Check, over.Key));
        Assert.DoesNotContain("through app", over.Message);
    }
}
