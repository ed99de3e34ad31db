using System;
using System.Management.Automation;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// Lets a DateTime parameter (-From, -To) take the module's own times, which are DateTimeOffsets (a scheduled post's
    /// ScheduledAt, a result's ScheduledAtUtc): PowerShell does not convert one to a DateTime, and
    /// <c>Get-LinkedInScheduledPost -From $post.ScheduledAt</c> failed to bind. It becomes that instant as a UTC DateTime;
    /// anything else is passed on unchanged.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class InstantTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is DateTimeOffset instant ? instant.UtcDateTime : inputData;
        }
    }
}
