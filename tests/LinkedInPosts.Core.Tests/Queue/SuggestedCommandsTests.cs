using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// The queue commands a message suggests name the queue it is about, so that copied from a scheduled task's log into
/// a shell whose default queue is another, they reach the right post (review S13-B, 4).
/// </summary>
public sealed class SuggestedCommandsTests
{
    [Fact]
    public void Every_queue_command_gets_the_queue_after_its_name_and_nothing_else_changes()
    {
        var text = "Look for it in the feed of urn:li:person:abc. If it is there: Set-LinkedInScheduledPost -Id 5 -ConfirmPublished -PostUrn <its URN>; " +
            "only if it is not: Set-LinkedInScheduledPost -Id 5 -Resend. Or Unregister-LinkedInScheduledPost -Id 5, then Invoke-LinkedInPostQueue; Get-LinkedInPost -Author x.";

        var named = SuggestedCommands.WithQueue(text, "/srv/it's q.db")!;

        Assert.Equal(
            "Look for it in the feed of urn:li:person:abc. If it is there: Set-LinkedInScheduledPost -Path '/srv/it''s q.db' -Id 5 -ConfirmPublished -PostUrn <its URN>; " +
            "only if it is not: Set-LinkedInScheduledPost -Path '/srv/it''s q.db' -Id 5 -Resend. Or Unregister-LinkedInScheduledPost -Path '/srv/it''s q.db' -Id 5, " +
            "then Invoke-LinkedInPostQueue -Path '/srv/it''s q.db'; Get-LinkedInPost -Author x.",
            named);
        Assert.Null(SuggestedCommands.WithQueue(null, "/q.db"));
        Assert.Equal("Nothing to do.", SuggestedCommands.WithQueue("Nothing to do.", "/q.db"));
        Assert.Throws<ArgumentNullException>(() => SuggestedCommands.WithQueue("Invoke-LinkedInPostQueue", null!));
    }
}
