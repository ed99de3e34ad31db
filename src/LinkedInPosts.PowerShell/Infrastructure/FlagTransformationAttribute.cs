using System;
using System.Management.Automation;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// Reads a switch's value from a CSV cell as Register-LinkedInScheduledPost reads its True/False columns: empty, False,
    /// No, 0 and Off are off; True, Yes, 1 and On are on; anything else is refused with what it may be. PowerShell itself
    /// would take any non-empty text, 'False' included, as on, and a row piped to New-LinkedInPost with Raw = False would send
    /// its text unescaped. A Boolean is that switch; a real switch passes as it is.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class FlagTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>Creates the transformation for the parameter <paramref name="parameter"/> (named in its errors).</summary>
        public FlagTransformationAttribute(string parameter)
        {
            Parameter = parameter ?? throw new ArgumentNullException(nameof(parameter));
        }

        /// <summary>The parameter whose values are read.</summary>
        public string Parameter { get; }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is bool flag)
            {
                // ConvertFrom-Json's "Raw": true, or $true in a [pscustomobject]: the first binding pass takes no Boolean for a switch.
                return new SwitchParameter(flag);
            }
            if (!(value is string text))
            {
                return inputData;
            }
            try
            {
                return new SwitchParameter(ScheduledPostFields.ParseFlag(text, Parameter));
            }
            catch (LinkedInValidationException exception)
            {
                throw new ArgumentTransformationMetadataException(exception.Message, exception);
            }
        }
    }
}
