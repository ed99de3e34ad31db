using System;
using System.Collections.Generic;
using LinkedInPosts.Core.Content;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Registration
{
    /// <summary>
    /// Register-LinkedInScheduledPost's -Visibility: a string only so that a CSV's blank cell binds, completing the
    /// names New-LinkedInPost's ValidateSet offers (each row is checked by the same builder).
    /// </summary>
    public sealed class VisibilityNameCompleter : NameCompleter
    {
        /// <inheritdoc />
        protected override IEnumerable<string> Names() =>
            new[] { nameof(PostVisibility.Public), nameof(PostVisibility.Connections), nameof(PostVisibility.LoggedIn) };
    }

    /// <summary>Register-LinkedInScheduledPost's -PollDuration, a string for the same reason: how long a poll can stay open.</summary>
    public sealed class PollDurationNameCompleter : NameCompleter
    {
        /// <inheritdoc />
        protected override IEnumerable<string> Names() => Enum.GetNames(typeof(PollDuration));
    }
}
