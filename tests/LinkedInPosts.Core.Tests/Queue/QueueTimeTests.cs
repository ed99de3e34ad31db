using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>Times in the queue file: what is written reads back as the same instant, to the millisecond, and nothing else reads.</summary>
public sealed class QueueTimeTests
{
    [Theory]
    [InlineData("2026-03-01T08:30:00.000Z")]
    [InlineData("2028-02-29T23:59:59.999Z")]
    [InlineData("0001-01-01T00:00:00.000Z")]
    [InlineData("9999-12-31T23:59:59.999Z")]
    [InlineData("2026-10-25T01:07:09.050Z")]
    public void A_stored_time_reads_back_as_UTC_and_writes_the_same_text(string text)
    {
        var read = QueueTime.Parse(text);

        Assert.Equal(TimeSpan.Zero, read.Offset);
        Assert.Equal(text, QueueTime.Format(read));
    }

    [Fact]
    public void Random_times_round_trip_to_the_millisecond()
    {
        var random = new Random(20261207);
        for (var i = 0; i < 10_000; i++)
        {
            var ticks = (long)(random.NextDouble() * DateTime.MaxValue.Ticks);
            var value = new DateTimeOffset(ticks, TimeSpan.Zero);
            var text = QueueTime.Format(value);

            var read = QueueTime.Parse(text);

            Assert.Equal(new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero), read);
        }
    }

    [Theory]
    [InlineData("2026-02-29T08:30:00.000Z")] // not a leap year
    [InlineData("2026-13-01T08:30:00.000Z")]
    [InlineData("2026-04-31T08:30:00.000Z")]
    [InlineData("2026-03-01T24:00:00.000Z")]
    [InlineData("2026-03-01T08:60:00.000Z")]
    [InlineData("2026-03-01T08:30:60.000Z")]
    [InlineData("2026-03-01T08:30:00.000")]
    [InlineData("2026-03-01 08:30:00.000Z")]
    [InlineData("2026-03-01T08:30:00.0a0Z")]
    [InlineData("0000-03-01T08:30:00.000Z")]
    [InlineData("")]
    public void Anything_else_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => QueueTime.Parse(text));
    }
}
