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

    [Fact]
    public void A_name_inside_a_key_or_quote_a_command_that_names_its_queue_and_Export_are_handled_as_a_person_would()
    {
        // A key is the user's text, in quotes or glued to more of it: left as it is (review S13-C, 3).
        Assert.Equal("The post with key 'Set-LinkedInScheduledPost-demo' is Published.",
            SuggestedCommands.WithQueue("The post with key 'Set-LinkedInScheduledPost-demo' is Published.", "/q.db"));
        Assert.Equal("Key 'Invoke-LinkedInPostQueue' is taken.", SuggestedCommands.WithQueue("Key 'Invoke-LinkedInPostQueue' is taken.", "/q.db"));
        // Already naming its queue: not twice.
        Assert.Equal("Get-LinkedInScheduledPost -Path '/a.db' -Id 4", SuggestedCommands.WithQueue("Get-LinkedInScheduledPost -Path '/a.db' -Id 4", "/q.db"));
        // Export's -Path is its output file.
        Assert.Equal("Export-LinkedInScheduledPost -QueuePath '/q.db' ./posts.csv", SuggestedCommands.WithQueue("Export-LinkedInScheduledPost ./posts.csv", "/q.db"));
        // At the end of a sentence, and in parentheses.
        Assert.Equal("Then run Invoke-LinkedInPostQueue -Path '/q.db'. (Get-LinkedInScheduledPost -Path '/q.db' -Id 5).FirstComment",
            SuggestedCommands.WithQueue("Then run Invoke-LinkedInPostQueue. (Get-LinkedInScheduledPost -Id 5).FirstComment", "/q.db"));
    }
}
