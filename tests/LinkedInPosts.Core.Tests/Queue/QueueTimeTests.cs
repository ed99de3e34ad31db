using System.Globalization;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>Times in the queue file: the fixed-layout reader must agree with the general parser it stands in for.</summary>
public sealed class QueueTimeTests
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    [Theory]
    [InlineData("2026-03-01T08:30:00.000Z")]
    [InlineData("2028-02-29T23:59:59.999Z")]
    [InlineData("0001-01-01T00:00:00.000Z")]
    [InlineData("9999-12-31T23:59:59.999Z")]
    [InlineData("2026-10-25T01:07:09.050Z")]
    public void A_stored_time_reads_as_the_general_parser_reads_it(string text)
    {
        var expected = new DateTimeOffset(DateTime.SpecifyKind(DateTime.ParseExact(text, Pattern, CultureInfo.InvariantCulture), DateTimeKind.Utc));

        var read = QueueTime.Parse(text);

        Assert.Equal(expected, read);
        Assert.Equal(expected.UtcTicks, read.UtcTicks);
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
    public void Anything_else_is_refused_as_the_general_parser_refuses_it(string text)
    {
        Assert.Throws<FormatException>(() => DateTime.ParseExact(text, Pattern, CultureInfo.InvariantCulture));

        Assert.Throws<FormatException>(() => QueueTime.Parse(text));
    }
}
