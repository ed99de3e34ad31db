using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.PowerShell.Infrastructure
{
    /// <summary>
    /// Turns Core's typed exceptions into PowerShell ErrorRecords: Core's stable ErrorId, a category a
    /// script can switch on, the input as TargetObject, and a RecommendedAction where the fix is known.
    /// The full table is in docs/errors.md.
    /// </summary>
    internal static class LinkedInErrorRecords
    {
        /// <summary>The ErrorRecord for an error Core raised while working on <paramref name="target"/>.</summary>
        public static ErrorRecord From(LinkedInException exception, object? target)
        {
            var record = new ErrorRecord(exception, exception.ErrorId, CategoryOf(exception), target);
            var action = RecommendedActionFor(exception);
            if (action != null)
            {
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = action };
            }
            return record;
        }

        /// <summary>
        /// The category of each kind of error. Version sunset (426) is a ProtocolError: client and
        /// LinkedIn no longer share a protocol version, which is neither the user's input nor a missing
        /// feature of this module; the fix is a newer -ApiVersion.
        /// </summary>
        public static ErrorCategory CategoryOf(LinkedInException exception)
        {
            switch (exception)
            {
                case LinkedInAuthException _:
                    return ErrorCategory.AuthenticationError;
                case LinkedInPermissionException _:
                    return ErrorCategory.PermissionDenied;
                case LinkedInNotFoundException _:
                    return ErrorCategory.ObjectNotFound;
                case LinkedInDuplicatePostException _:
                    return ErrorCategory.ResourceExists;
                case LinkedInVersionSunsetException _:
                    return ErrorCategory.ProtocolError;
                case LinkedInThrottledException _:
                    return ErrorCategory.LimitsExceeded;
                case LinkedInValidationException _:
                    // Caught before sending: the argument is wrong. Refused by LinkedIn: the data is.
                    return exception.HttpStatus.HasValue ? ErrorCategory.InvalidData : ErrorCategory.InvalidArgument;
                case LinkedInServerException _:
                    return ErrorCategory.ConnectionError;
                case LinkedInUnknownOutcomeException _:
                    return ErrorCategory.OperationTimeout;
                default:
                    return ErrorCategory.NotSpecified;
            }
        }

        /// <summary>What the user can do about it, when the exception tells us.</summary>
        public static string? RecommendedActionFor(LinkedInException exception)
        {
            switch (exception)
            {
                case LinkedInAuthException _:
                    return "Get a new access token and run Connect-LinkedIn -AccessToken (Read-Host -AsSecureString 'LinkedIn access token') again.";
                case LinkedInPermissionException permission when !string.IsNullOrEmpty(permission.MissingScope):
                    return $"Use an access token that was granted the '{permission.MissingScope}' scope, then run Connect-LinkedIn again.";
                case LinkedInDuplicatePostException duplicate when !string.IsNullOrEmpty(duplicate.ExistingUrn):
                    return $"LinkedIn already has this post as {duplicate.ExistingUrn}: see it with Get-LinkedInPost -Urn '{duplicate.ExistingUrn}', or change the text.";
                case LinkedInVersionSunsetException sunset:
                    return $"LinkedIn no longer serves API version {sunset.Version}. Connect again with a recent -ApiVersion (YYYYMM), or omit -ApiVersion and unset LINKEDINPOSTS_API_VERSION to use the module's default.";
                case LinkedInThrottledException throttled when throttled.RetryAt.HasValue:
                    return "Try again after " + throttled.RetryAt.Value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) + ".";
                case LinkedInUnknownOutcomeException _:
                    return "The post may have been published. Check the feed before sending it again; LinkedIn answers a repeat with a DUPLICATE_POST error naming the existing post.";
                default:
                    return null;
            }
        }

        /// <summary>
        /// True when the error is about the connection, not the one input: every further call would fail
        /// the same way (the token is refused, the API version is gone, the daily limit is reached), so
        /// the cmdlet stops instead of failing once per pipeline item.
        /// </summary>
        public static bool StopsEverything(LinkedInException exception) =>
            exception is LinkedInAuthException
            || exception is LinkedInVersionSunsetException
            || exception is LinkedInThrottledException;

        /// <summary>
        /// No connection of that name: says exactly which command makes one. Its category is
        /// AuthenticationError, like a refused token, because the remedy is the same: Connect-LinkedIn.
        /// </summary>
        public static ErrorRecord NotConnected(string name, IReadOnlyCollection<string> existing)
        {
            var connect = string.Equals(name, Connections.ConnectionRegistry.DefaultName, StringComparison.OrdinalIgnoreCase)
                ? "Connect-LinkedIn -AccessToken (Read-Host -AsSecureString 'LinkedIn access token')"
                : $"Connect-LinkedIn -Name '{name}' -AccessToken (Read-Host -AsSecureString 'LinkedIn access token')";
            var others = existing.Count == 0
                ? string.Empty
                : " Connections in this session: " + string.Join(", ", existing) + ".";
            var message = $"Not connected to LinkedIn: there is no connection named '{name}' in this session. Run {connect} first.{others}";
            return new ErrorRecord(
                new InvalidOperationException(message),
                ErrorIds.NotConnected,
                ErrorCategory.AuthenticationError,
                name)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = $"Run {connect}." },
            };
        }

        /// <summary>A value that is not the kind of URN the parameter needs.</summary>
        public static ErrorRecord InvalidUrn(string parameterName, object? value, Exception reason) =>
            new ErrorRecord(
                new ArgumentException($"-{parameterName}: {reason.Message}", parameterName, reason),
                ErrorIds.InvalidUrn,
                ErrorCategory.InvalidArgument,
                value);

        /// <summary>A bad argument found by the cmdlet itself (not by Core's rules).</summary>
        public static ErrorRecord InvalidArgument(string errorId, string parameterName, string message, object? value, Exception? inner = null) =>
            new ErrorRecord(
                new ArgumentException(message, parameterName, inner),
                errorId,
                ErrorCategory.InvalidArgument,
                value);
    }
}
