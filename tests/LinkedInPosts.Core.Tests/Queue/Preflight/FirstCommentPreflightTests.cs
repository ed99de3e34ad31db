using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Preflight;

namespace LinkedInPosts.Core.Tests.Queue.Preflight;

/// <summary>
/// The pre-flight's first comment check over a real queue file: posts are put in each first comment state
/// through the store's own methods, as the runner does (claim, Sending, Published with the comment begun, its end).
/// </summary>
public sealed class FirstCommentPreflightTests : IDisposable
{
    private const string Member = "urn:li:person:abc";
    private static readonly DateTimeOffset Now = TestQueue.Start;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private readonly TestQueue _queue = new();
    private int _urns;

    private IQueueStore Store => _queue.Store;

    private static PreflightOptions Options(Action<PreflightOptions>? change = null)
    {
        var options = new PreflightOptions { Now = Now };
        change?.Invoke(options);
        return options;
    }

    private static PreflightConnection Work() => new("work", Member)
    {
        MemberName = "Ada Ops",
        Scopes = new[] { "w_member_social" },
        AccessTokenExpiresAt = Now.AddDays(50),
        ApiVersion = "202602",
    };

    private List<PreflightFinding> FirstCommentFindings(PreflightOptions? options = null) =>
        QueuePreflight.Run(Store, new[] { Work() }, options ?? Options()).Findings.Where(f => f.Check == PreflightChecks.FirstComment).ToList();

    private long Register(string key, DateTimeOffset at, string? comment = "Questions welcome below")
    {
        var request = new ScheduleRequest(new PostDraft(LinkedInUrn.Parse(Member), "Post " + key), "work", at, "UTC") { Key = key, FirstComment = comment };
        var result = Assert.Single(Store.RegisterBatch(new[] { ScheduledPostBuilder.Build(request, Store.Media) }));
        Assert.Equal(RegistrationOutcome.Added, result.Outcome);
        return result.Id!.Value;
    }

    /// <summary>What a run does up to the comment call: claim, Sending, then Published with the comment begun (Adding), at <paramref name="publishedAt"/>.</summary>
    private ScheduledPost PublishWithCommentBegun(string key, DateTimeOffset scheduledAt, DateTimeOffset publishedAt)
    {
        var id = Register(key, scheduledAt);
        var claimed = Assert.Single(Store.ClaimDue(publishedAt, "runner", Lease, 10), p => p.Id == id);
        Assert.True(Store.MarkSending(claimed.Claim!, publishedAt, Lease).Applied);
        var urn = "urn:li:share:7045020441609" + (++_urns).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Store.MarkPublishedAndBeginFirstComment(claimed.Claim!, urn, publishedAt, 201).Applied);
        var post = Store.Get(id)!;
        Assert.Equal((QueueState.Published, (FirstCommentState?)FirstCommentState.Adding), (post.State, post.FirstCommentState));
        return post;
    }

    [Fact]
    public void A_failed_first_comment_is_a_warning_with_its_stored_error_and_where_to_add_it_by_hand()
    {
        var post = PublishWithCommentBegun("refused", Now.AddHours(-3), Now.AddHours(-3));
        Assert.True(Store.FinishFirstComment(post.Id, null, "LinkedIn refused the comment: 403 ACCESS_DENIED.", Now.AddHours(-3)));

        var report = QueuePreflight.Run(Store, new[] { Work() }, Options());

        var finding = Assert.Single(report.Findings);
        Assert.Equal((PreflightSeverity.Warning, PreflightChecks.FirstComment, "refused", (long?)post.Id, "work"), (finding.Severity, finding.Check, finding.Key, finding.PostId, finding.Connection));
        Assert.Contains("was not added, and it is never retried", finding.Message);
        Assert.Contains("LinkedIn refused the comment: 403 ACCESS_DENIED.", finding.Message);
        Assert.Contains("published 2026-03-01 05:00Z", finding.Message);
        Assert.StartsWith("Add it by hand as " + Member + " under the post, https://www.linkedin.com/feed/update/" + post.PostUrn, finding.Fix);
        Assert.Contains($"(Get-LinkedInScheduledPost -Id {post.Id}).FirstComment", finding.Fix);
        // The post is out and nothing due is held up: the queue's run is not failed by it.
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void The_commands_a_fix_suggests_name_the_queue_that_was_checked_when_it_is_not_the_default()
    {
        var post = PublishWithCommentBegun("elsewhere", Now.AddHours(-3), Now.AddHours(-3));
        Assert.True(Store.FinishFirstComment(post.Id, null, "Refused.", Now.AddHours(-3)));

        var named = Assert.Single(FirstCommentFindings(Options(o => o.QueuePath = "/srv/it's q.db"))).Fix!;
        var standard = Assert.Single(FirstCommentFindings()).Fix!;

        Assert.Contains($"(Get-LinkedInScheduledPost -Path '/srv/it''s q.db' -Id {post.Id}).FirstComment", named);
        Assert.Contains($"Set-LinkedInScheduledPost -Path '/srv/it''s q.db' -Id {post.Id} -FirstCommentAdded", named);
        Assert.DoesNotContain("-Path", standard);
        Assert.Contains($"Set-LinkedInScheduledPost -Id {post.Id} -FirstCommentAdded", standard);
    }

    [Theory]
    [InlineData(0, false)]      // the run is making the call right now
    [InlineData(600, false)]    // exactly one lease: still quiet
    [InlineData(601, true)]     // one second past it: no run is making the call any more
    [InlineData(86_400, true)]
    public void A_comment_still_Adding_is_reported_only_once_no_run_can_still_be_making_its_call(int secondsSincePublished, bool reported)
    {
        var publishedAt = Now.AddSeconds(-secondsSincePublished);
        var post = PublishWithCommentBegun("unknown", publishedAt.AddMinutes(-1), publishedAt);

        var findings = FirstCommentFindings();

        if (!reported)
        {
            Assert.Empty(findings);
            return;
        }
        var finding = Assert.Single(findings);
        Assert.Equal((PreflightSeverity.Warning, "unknown", (long?)post.Id), (finding.Severity, finding.Key, finding.PostId));
        Assert.Contains("was added is not known", finding.Message);
        Assert.Contains("No run makes it again.", finding.Message);
        Assert.StartsWith("Look at the post's comments, https://www.linkedin.com/feed/update/" + post.PostUrn + "; only if it is not there, add it by hand", finding.Fix);
    }

    [Fact]
    public void The_in_flight_allowance_is_the_runner_lease_the_options_give()
    {
        PublishWithCommentBegun("unknown", Now.AddMinutes(-31), Now.AddMinutes(-30));

        Assert.Empty(FirstCommentFindings(Options(o => o.RunnerLease = TimeSpan.FromHours(1))));
        Assert.Single(FirstCommentFindings(Options(o => o.RunnerLease = TimeSpan.FromMinutes(29))));
    }

    [Fact]
    public void Only_posts_scheduled_within_the_look_back_are_checked_and_zero_skips_the_check()
    {
        var edge = PublishWithCommentBegun("edge", Now.AddDays(-7), Now.AddDays(-7));
        var old = PublishWithCommentBegun("old", Now.AddDays(-7).AddSeconds(-1), Now.AddDays(-7));
        foreach (var post in new[] { edge, old })
        {
            Assert.True(Store.FinishFirstComment(post.Id, null, "Refused.", Now.AddDays(-7)));
        }

        Assert.Equal(new[] { "edge" }, FirstCommentFindings().Select(f => f.Key));
        Assert.Equal(new[] { "old", "edge" }, FirstCommentFindings(Options(o => o.FirstCommentLookBack = TimeSpan.FromDays(8))).Select(f => f.Key));
        Assert.Equal(new[] { "old", "edge" }, FirstCommentFindings(Options(o => o.FirstCommentLookBack = TimeSpan.MaxValue)).Select(f => f.Key));
        Assert.Empty(FirstCommentFindings(Options(o => o.FirstCommentLookBack = TimeSpan.Zero)));
    }

    [Fact]
    public void Added_comments_posts_without_one_and_posts_not_yet_published_are_not_findings()
    {
        var added = PublishWithCommentBegun("added", Now.AddHours(-2), Now.AddHours(-2));
        Assert.True(Store.FinishFirstComment(added.Id, "urn:li:comment:(urn:li:share:1,2)", null, Now.AddHours(-2)));
        var plainId = Register("plain", Now.AddHours(-1), comment: null);
        var plain = Assert.Single(Store.ClaimDue(Now.AddHours(-1), "runner", Lease, 10), p => p.Id == plainId);
        Assert.True(Store.MarkSending(plain.Claim!, Now.AddHours(-1), Lease).Applied);
        Assert.True(Store.MarkPublished(plain.Claim!, "urn:li:share:7045020441609999999", Now.AddHours(-1), 201).Applied);
        Register("pending", Now.AddHours(1));

        Assert.Empty(FirstCommentFindings());
    }

    [Fact]
    public void The_store_query_filters_on_the_first_comment_state()
    {
        var failed = PublishWithCommentBegun("failed", Now.AddHours(-3), Now.AddHours(-3));
        Assert.True(Store.FinishFirstComment(failed.Id, null, "Refused.", Now.AddHours(-3)));
        var added = PublishWithCommentBegun("added", Now.AddHours(-2), Now.AddHours(-2));
        Assert.True(Store.FinishFirstComment(added.Id, "urn:li:comment:(urn:li:share:1,2)", null, Now.AddHours(-2)));
        PublishWithCommentBegun("adding", Now.AddHours(-1), Now.AddHours(-1));

        string[] Keys(params FirstCommentState[] states) =>
            Store.Query(new QueueQuery { FirstCommentStates = states }).Select(p => p.Key).ToArray();

        Assert.Equal(new[] { "failed", "adding" }, Keys(FirstCommentState.Failed, FirstCommentState.Adding));
        Assert.Equal(new[] { "added" }, Keys(FirstCommentState.Added));
        Assert.Equal(new[] { "failed", "added", "adding" }, Keys());
    }

    [Theory]
    [InlineData(FirstCommentState.Failed, "urn:li:comment:(urn:li:activity:7045020441609936898,7045020441609936899)")]
    [InlineData(FirstCommentState.Adding, null)]
    public void A_comment_a_person_says_is_there_is_Added_and_no_longer_a_finding(FirstCommentState left, string? commentUrn)
    {
        var post = PublishWithCommentBegun("settled", Now.AddHours(-3), Now.AddHours(-3));
        if (left == FirstCommentState.Failed)
        {
            Assert.True(Store.FinishFirstComment(post.Id, null, "Refused.", Now.AddHours(-3)));
        }
        Assert.Contains($"Set-LinkedInScheduledPost -Id {post.Id} -FirstCommentAdded", Assert.Single(FirstCommentFindings()).Fix);

        var result = Store.SettleFirstComment(post.Id, commentUrn, Now);

        Assert.True(result.Applied);
        var settled = Store.Get(post.Id)!;
        Assert.Equal(((FirstCommentState?)FirstCommentState.Added, commentUrn, (string?)null), (settled.FirstCommentState, settled.FirstCommentUrn, settled.FirstCommentError));
        Assert.Equal((QueueState.Published, post.PostUrn), (settled.State, settled.PostUrn));
        Assert.Empty(FirstCommentFindings());
        // A run that was still making the call cannot undo the person's word.
        Assert.False(Store.FinishFirstComment(post.Id, null, "late answer", Now));
        Assert.Equal(FirstCommentState.Added, Store.Get(post.Id)!.FirstCommentState);
    }

    [Fact]
    public void Only_a_published_post_with_a_failed_or_unknown_comment_can_be_settled_and_a_refusal_changes_nothing()
    {
        var added = PublishWithCommentBegun("added", Now.AddHours(-2), Now.AddHours(-2));
        Assert.True(Store.FinishFirstComment(added.Id, "urn:li:comment:(urn:li:share:1,2)", null, Now.AddHours(-2)));
        var pending = Register("pending", Now.AddHours(1));

        var twice = Store.SettleFirstComment(added.Id, null, Now);
        var notPublished = Store.SettleFirstComment(pending, null, Now);

        Assert.Equal((false, (QueueState?)QueueState.Published), (twice.Applied, twice.State));
        Assert.Equal("urn:li:comment:(urn:li:share:1,2)", Store.Get(added.Id)!.FirstCommentUrn);
        Assert.Equal((false, (QueueState?)QueueState.Pending), (notPublished.Applied, notPublished.State));
        Assert.Null(Store.Get(pending)!.FirstCommentState);
        Assert.False(Store.SettleFirstComment(987654, null, Now).Found);
        Assert.Throws<ArgumentException>(() => Store.SettleFirstComment(added.Id, "urn:li:share:1", Now));
    }

    [Fact]
    public void A_post_a_person_confirms_as_published_has_its_first_comment_marked_not_added_so_it_stays_in_sight()
    {
        var with = Register("with-comment", Now.AddHours(-2));
        var without = Register("without", Now.AddHours(-2), comment: null);
        Unconfirmed(with, without);

        Assert.True(Store.ConfirmPublished(with, "urn:li:share:7045020441609000001", Now.AddHours(-1), Now).Applied);
        Assert.True(Store.ConfirmPublished(without, "urn:li:share:7045020441609000002", Now.AddHours(-1), Now).Applied);

        var confirmed = Store.Get(with)!;
        Assert.Equal(FirstCommentState.Failed, confirmed.FirstCommentState);
        Assert.Contains("confirmed published by a person", confirmed.FirstCommentError);
        Assert.Null(Store.Get(without)!.FirstCommentState);
        var finding = Assert.Single(FirstCommentFindings());
        Assert.Equal("with-comment", finding.Key);
        Assert.Contains($"Set-LinkedInScheduledPost -Id {with} -FirstCommentAdded", finding.Fix);
        Assert.True(Store.SettleFirstComment(with, null, Now).Applied);
        Assert.Empty(FirstCommentFindings());
    }

    [Fact]
    public void The_finding_for_an_Unconfirmed_post_with_a_first_comment_says_a_confirm_leaves_the_comment_to_the_person()
    {
        var with = Register("with-comment", Now.AddHours(-2));
        var without = Register("without", Now.AddHours(-2), comment: null);
        Unconfirmed(with, without);

        var stuck = QueuePreflight.Run(Store, new[] { Work() }, Options()).Findings.Where(f => f.Check == PreflightChecks.Stuck).ToDictionary(f => f.Key!);

        Assert.Contains($"then Set-LinkedInScheduledPost -Id {with} -FirstCommentAdded; a -Resend adds it with the post.", stuck["with-comment"].Fix);
        Assert.Contains($"(Get-LinkedInScheduledPost -Id {with}).FirstComment", stuck["with-comment"].Fix);
        Assert.DoesNotContain("first comment", stuck["without"].Fix);
        Assert.StartsWith($"Look for it in the feed of {Member}.", stuck["without"].Fix);
    }

    [Theory]
    [InlineData("\"firstComment\":\"\",")]
    [InlineData("\"firstComment\":null,")]
    [InlineData("\"firstComment\":42,")]
    [InlineData("")]
    public void Confirming_a_post_whose_payload_has_no_usable_first_comment_leaves_its_comment_state_empty(string firstComment)
    {
        // What QueuePayload reads as no first comment (missing, empty, not a string) is none for the confirm too.
        var written = QueuePayload.Serialize(new PostDraft(LinkedInUrn.Parse(Member), "Raw"), null);
        Assert.StartsWith("{\"v\":2,", written);
        var payload = "{\"v\":2," + firstComment + written.Substring("{\"v\":2,".Length);
        Assert.Null(QueuePayload.Read(payload).FirstComment);
        var result = Assert.Single(Store.RegisterBatch(new[] { new NewScheduledPost("raw", "work", Member, Now.AddHours(-2), "UTC", payload) }));
        Assert.True(result.Outcome == RegistrationOutcome.Added, result.Error);
        Unconfirmed(result.Id!.Value);

        Assert.True(Store.ConfirmPublished(result.Id!.Value, "urn:li:share:7045020441609000003", Now.AddHours(-1), Now).Applied);

        Assert.Null(Store.Get(result.Id!.Value)!.FirstCommentState);
        Assert.Empty(FirstCommentFindings());
    }

    [Fact]
    public void A_comment_URN_copied_from_an_address_is_stored_as_LinkedIn_writes_it()
    {
        var post = PublishWithCommentBegun("escaped", Now.AddHours(-3), Now.AddHours(-3));

        Assert.True(Store.SettleFirstComment(post.Id, "urn%3Ali%3Acomment%3A(urn%3Ali%3Aactivity%3A7045020441609936898%2C12)", Now).Applied);

        Assert.Equal("urn:li:comment:(urn:li:activity:7045020441609936898,12)", Store.Get(post.Id)!.FirstCommentUrn);
    }

    private void Unconfirmed(params long[] ids)
    {
        foreach (var claimed in Store.ClaimDue(Now.AddHours(-2), "runner", Lease, 10))
        {
            Assert.Contains(claimed.Id, ids);
            Assert.True(Store.MarkSending(claimed.Claim!, Now.AddHours(-2), Lease).Applied);
            Assert.True(Store.MarkUnconfirmed(claimed.Claim!, new AttemptReport { At = Now.AddHours(-2), Message = "No clear answer." }).Applied);
        }
        Assert.All(ids, id => Assert.Equal(QueueState.Unconfirmed, Store.Get(id)!.State));
    }

    public void Dispose() => _queue.Dispose();
}
