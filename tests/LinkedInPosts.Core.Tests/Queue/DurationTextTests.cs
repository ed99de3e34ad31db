using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>The one reader of durations behind every TimeSpan parameter and the queue task's interval.</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData(20, "1 minute")]
    [InlineData(24 * 3600, "1 day")]
    [InlineData(12 * 60 + 20, "12 minutes")]
    [InlineData(3 * 3600, "3 hours")]
    [InlineData(90 * 60, "1.5 hours")]
    [InlineData(36 * 3600, "1.5 days")]
    public void A_duration_is_described_for_a_person_in_its_largest_unit(int seconds, string text)
    {
        Assert.Equal(text, DurationText.Describe(TimeSpan.FromSeconds(seconds)));
    }

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
