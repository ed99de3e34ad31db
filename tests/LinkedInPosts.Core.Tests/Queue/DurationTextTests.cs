using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>The one reader of durations behind every TimeSpan parameter and the queue task's interval.</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("30 sec", 30)]
    [InlineData("5m", 300)]
    [InlineData("5 min", 300)]
    [InlineData("24h", 86400)]
    [InlineData("2d", 172800)]
    [InlineData("1h30m", 5400)]
    [InlineData("1d 2h", 93600)]
    [InlineData("1.5h", 5400)]
    [InlineData(" 1H ", 3600)]
    [InlineData("00:15:00", 900)]
    [InlineData("1.00:00:00", 86400)]
    public void Each_written_form_is_read(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("m5")]
    [InlineData("5 minutes please")]
    [InlineData("30m1h")] // units out of order
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not(string? text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }
}
