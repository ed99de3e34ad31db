using LinkedInPosts.Core.Queue;
using LinkedInPosts.Core.Queue.Runner;

namespace LinkedInPosts.Core.Tests.Queue.Runner;

/// <summary>
/// Every run's report counts the Unconfirmed posts still in the queue, so monitoring stays red until a person
/// settles them; Failed and Missed posts are final and alert only in the run that produced them.
/// </summary>
public sealed class NeedsAttentionReportTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly TestQueue _queue = new();

    public void Dispose() => _queue.Dispose();

    private IQueueStore Store => _queue.Store;

    private DateTimeOffset Now => _queue.Clock.GetUtcNow();

    /// <summary>A run with nothing due: it opens no connection, so none is set up.</summary>
    private Task<QueueRunReport> EmptyRunAsync() =>
        new QueueRunner(Store, new ScriptedConnections(), new QueueRunOptions { RunnerId = "test-runner", Clock = _queue.Clock }).RunAsync();

    /// <summary>Moves the due posts through the store's runner calls, as a run that ended that way would.</summary>
    private long[] Settle(int count, Action<IQueueStore, QueueClaim, AttemptReport> settle)
    {
        var claimed = Store.ClaimDue(Now, "earlier-run", Lease, count);
        Assert.Equal(count, claimed.Count);
        foreach (var post in claimed)
        {
            settle(Store, post.Claim!, new AttemptReport { At = Now, ErrorKind = "Unknown", ErrorId = "LinkedInPostOutcomeUnknown", Message = "No answer." });
        }
        return claimed.Select(p => p.Id).ToArray();
    }

    [Fact]
    public async Task Unconfirmed_posts_left_by_earlier_runs_make_every_later_run_need_attention_until_a_person_settles_them()
    {
        _queue.RegisterMany(3, Now.AddMinutes(-10));
        var unconfirmed = Settle(3, (store, claim, report) =>
        {
            store.MarkSending(claim, Now, Lease);
            store.MarkUnconfirmed(claim, report);
        });

        for (var run = 0; run < 2; run++)
        {
            var report = await EmptyRunAsync();

            Assert.Empty(report.Posts);
            Assert.Equal(0, report.Unconfirmed); // none became Unconfirmed in this run...
            Assert.Equal(3, report.UnconfirmedInQueue); // ...but three still wait for a person
            Assert.Equal(unconfirmed, report.UnconfirmedIds);
            Assert.True(report.NeedsAttention);
            _queue.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.True(Store.ConfirmPublished(unconfirmed[0], "urn:li:share:7001", Now, Now).Applied);
        Assert.True(Store.Cancel(unconfirmed[1], Now).Applied);
        var oneLeft = await EmptyRunAsync();
        Assert.Equal((1, true), (oneLeft.UnconfirmedInQueue, oneLeft.NeedsAttention));
        Assert.Equal(new[] { unconfirmed[2] }, oneLeft.UnconfirmedIds);

        Assert.True(Store.Reschedule(unconfirmed[2], Now.AddDays(1), "UTC", Now, RescheduleKind.Resend).Applied);
        var settled = await EmptyRunAsync();
        Assert.Equal((0, false), (settled.UnconfirmedInQueue, settled.NeedsAttention));
        Assert.Empty(settled.UnconfirmedIds);
    }

    [Fact]
    public async Task Failed_and_Missed_posts_are_final_and_do_not_keep_later_runs_red()
    {
        _queue.RegisterMany(2, Now.AddMinutes(-10));
        var ids = Store.ClaimDue(Now, "earlier-run", Lease, 2);
        Store.MarkFailed(ids[0].Claim!, new AttemptReport { At = Now, ErrorKind = "Validation", Message = "Refused." });
        Store.MarkMissed(ids[1].Claim!, new AttemptReport { At = Now, ErrorKind = "Missed", Message = "Too late." });

        var report = await EmptyRunAsync();

        Assert.Equal((0, 0, false), (report.UnconfirmedInQueue, report.Failed, report.NeedsAttention));
    }

    [Fact]
    public async Task A_long_list_of_Unconfirmed_posts_is_counted_whole_and_named_by_its_first_ids_in_scheduled_order()
    {
        var count = QueueRunner.UnconfirmedIdsListed + 5;
        _queue.RegisterMany(count, Now.AddHours(-2));
        var unconfirmed = Settle(count, (store, claim, report) =>
        {
            store.MarkSending(claim, Now, Lease);
            store.MarkUnconfirmed(claim, report);
        });

        var report = await EmptyRunAsync();

        Assert.Equal(count, report.UnconfirmedInQueue);
        Assert.Equal(unconfirmed.Take(QueueRunner.UnconfirmedIdsListed), report.UnconfirmedIds);
        var found = Store.FindInState(QueueState.Unconfirmed, 3);
        Assert.Equal((QueueState.Unconfirmed, count), (found.State, found.Count));
        Assert.Equal(unconfirmed.Take(3), found.FirstIds);
        Assert.Empty(Store.FindInState(QueueState.Unconfirmed, 0).FirstIds);
        Assert.Equal(0, Store.FindInState(QueueState.Failed, 10).Count);
    }
}
