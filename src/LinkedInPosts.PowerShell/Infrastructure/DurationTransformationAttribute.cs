using System;
using System.Globalization;
using System.Management.Automation;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// The module's one way to bind a TimeSpan parameter (-Timeout, -ProcessingTimeout, -MaxLateness,
    /// -Horizon, -Every): a TimeSpan, text such as <c>30s</c>, <c>5m</c>, <c>24h</c>, <c>2d</c>, <c>1h30m</c>
    /// or <c>00:05:00</c> (Core's <see cref="DurationText"/>), or a number of seconds (PowerShell's own
    /// conversion would read a number as ticks), or of minutes where <see cref="NumberIsMinutes"/> says so; a
    /// number written as text (<c>'60'</c>) is read as that number.
    /// Text that is none of these is refused here with a message that shows the forms, rather than
    /// PowerShell's conversion error.
    /// </summary>
    /// <remarks>
    /// PowerShell 7 reads some unquoted forms as number literals before any transformation sees them:
    /// <c>30s</c> is the short 30 (the <c>s</c> suffix) and <c>2d</c> the decimal 2 (the <c>d</c> suffix).
    /// So every number is seconds, as <c>s</c> says, except a decimal, which is days: nobody types a decimal
    /// literal for seconds (<c>1.5</c> is a double), and both editions then mean the same by the same text
    /// (Windows PowerShell passes <c>2d</c> on as a string). With <see cref="NumberIsMinutes"/>, the other
    /// numbers are minutes, and a short is still seconds, so <c>30s</c> means the same in both editions.
    /// </remarks>
    public sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>How a refusal names what was expected, e.g. "an interval". Default: "a duration".</summary>
        public string Noun { get; set; } = "a duration";

        /// <summary>The forms a refusal suggests. Default: "30s, 5m, 24h or 2d".</summary>
        public string Examples { get; set; } = "30s, 5m, 24h or 2d";

        /// <summary>
        /// A plain number is minutes, not seconds: for a parameter that takes only whole minutes (-Every), where
        /// a number of seconds could only be refused or, for a multiple of 60, mean 60 times as often as someone
        /// counting minutes wrote. The literal forms keep their units: <c>30s</c> (a short) seconds, <c>2d</c> days.
        /// </summary>
        public bool NumberIsMinutes { get; set; }

        private string NumberUnit => NumberIsMinutes ? "minutes" : "seconds";

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case decimal days:
                    return TimeSpan.FromDays((double)days);
                case string text when int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var written):
                    // A number that arrives as text ($env:X, a JSON config, pwsh -File arguments) means what the number
                    // means, not TimeSpan's "1" = one day: -Every '1' and -Every 1 must not differ 1,440 times.
                    return FromNumber(written);
                case string text when DurationText.TryParse(text, out var duration):
                    return duration;
                case string text:
                    throw new ArgumentTransformationMetadataException(
                        $"'{text}' is not {Noun}. Write it as {Examples} (or 00:05:00, or a number of {NumberUnit}).");
                case short seconds:
                    // PowerShell 7's 30s: the suffix says seconds, whatever a plain number means here.
                    return TimeSpan.FromSeconds(seconds);
                case IConvertible number when IsNumber(number):
                    return FromNumber(number.ToDouble(CultureInfo.InvariantCulture));
                default:
                    return value;
            }
        }

        private TimeSpan FromNumber(double count) => NumberIsMinutes ? TimeSpan.FromMinutes(count) : TimeSpan.FromSeconds(count);

        private static bool IsNumber(IConvertible value)
        {
            switch (value.GetTypeCode())
            {
                case TypeCode.SByte:
                case TypeCode.Byte:
                case TypeCode.Int16:
                case TypeCode.UInt16:
                case TypeCode.Int32:
                case TypeCode.UInt32:
                case TypeCode.Int64:
                case TypeCode.UInt64:
                case TypeCode.Single:
                case TypeCode.Double:
                    return true;
                default:
                    return false;
            }
        }
    }
}
