using System;
using System.Globalization;
using System.Management.Automation;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// Lets -Every take <c>5m</c>, <c>1h</c>, <c>1d</c>, <c>90s</c> or a number of seconds (-Every 300, as
    /// -Timeout takes seconds elsewhere in the module) besides a TimeSpan. Only the form is read here; the
    /// range (1 minute to 1 day, whole minutes) is checked by the cmdlet, so a refused interval is an
    /// ErrorRecord with its stable ErrorId rather than a binding error.
    /// </summary>
    /// <remarks>
    /// PowerShell 7 reads some of these forms as number literals before this attribute sees them: <c>90s</c>
    /// is the short 90 (the <c>s</c> suffix) and <c>1d</c> the decimal 1 (the <c>d</c> suffix). So a short is
    /// seconds (what <c>s</c> says anyway) and a decimal is days, and both PowerShell editions mean the same by
    /// the same text; Windows PowerShell passes them on as strings.
    /// </remarks>
    public sealed class QueueTaskIntervalTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case decimal days:
                    return TimeSpan.FromDays((double)days);
                case string text when QueueTaskInterval.TryParse(text, out var interval):
                    return interval;
                case string text:
                    throw new ArgumentTransformationMetadataException(
                        $"'{text}' is not an interval. Write it as 5m, 15m, 1h or 1d (or 00:05:00, or a number of seconds).");
                case TimeSpan _:
                    return value;
                case IConvertible number when IsNumber(number):
                    return TimeSpan.FromSeconds(number.ToDouble(CultureInfo.InvariantCulture));
                default:
                    return value;
            }
        }

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
