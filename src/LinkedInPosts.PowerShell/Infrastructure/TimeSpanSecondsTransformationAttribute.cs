using System;
using System.Management.Automation;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// Lets a TimeSpan parameter take a number as seconds (-Timeout 30), where PowerShell's own conversion
    /// would read it as ticks; strings (00:02:00) and TimeSpans bind as usual.
    /// </summary>
    public sealed class TimeSpanSecondsTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case int seconds:
                    return TimeSpan.FromSeconds(seconds);
                case long seconds:
                    return TimeSpan.FromSeconds(seconds);
                case double seconds:
                    return TimeSpan.FromSeconds(seconds);
                case decimal seconds:
                    return TimeSpan.FromSeconds((double)seconds);
                default:
                    return value;
            }
        }
    }
}
