using System.Management.Automation;
using System.Security;
using LinkedInPosts.PowerShell.Connections;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// Lets a SecureString parameter also take a plain string (as the sandbox prints its token), turning
    /// it into a read-only SecureString at once, so the parameter never holds the secret as plain text.
    /// </summary>
    public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is string text ? SecureStringTokenSource.FromPlainText(text) : value;
        }
    }
}
