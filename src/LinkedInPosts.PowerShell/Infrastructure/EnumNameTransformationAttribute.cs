using System;
using System.Management.Automation;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// Turns a name (any case) into the enum value itself while the argument is bound. PowerShell would
    /// convert it too, but only in its later "with coercion" pipeline pass; New-LinkedInPost's text rows
    /// bind before that (see its -Text), so a CSV row's Visibility column would otherwise be lost.
    /// Anything that is not a name of the enum is passed on unchanged for PowerShell to judge.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class EnumNameTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>Creates the transformation for <paramref name="enumType"/>.</summary>
        public EnumNameTransformationAttribute(Type enumType)
        {
            EnumType = enumType ?? throw new ArgumentNullException(nameof(enumType));
        }

        /// <summary>The enum the names belong to.</summary>
        public Type EnumType { get; }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string name && name.Trim().Length > 0 && !char.IsDigit(name.Trim()[0]))
            {
                try
                {
                    return Enum.Parse(EnumType, name.Trim(), ignoreCase: true);
                }
                catch (ArgumentException)
                {
                    return inputData;
                }
            }
            return inputData;
        }
    }
}
