using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.PowerShell.Connections;

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
                case LinkedInMediaException media:
                    return CategoryOf(media.Reason);
                case LinkedInSignInException signIn:
                    return CategoryOf(signIn.Reason);
                case LinkedInQueueException queue:
                    return queue.Failure switch
                    {
                        QueueFailure.Unavailable => ErrorCategory.ResourceUnavailable,
                        QueueFailure.SchemaTooNew => ErrorCategory.InvalidData,
                        QueueFailure.NotAQueue => ErrorCategory.InvalidData,
                        QueueFailure.MediaMissing => ErrorCategory.ObjectNotFound,
                        // A stored file or post content that is not what was written: bad data, as a run's results call it too.
                        QueueFailure.MediaCorrupted => ErrorCategory.InvalidData,
                        QueueFailure.PayloadUnreadable => ErrorCategory.InvalidData,
                        _ => ErrorCategory.ReadError,
                    };
                case LinkedInTokenStoreException store:
                    return store.Failure == TokenStoreFailure.Unavailable ? ErrorCategory.ResourceUnavailable
                        : store.Failure == TokenStoreFailure.Locked ? ErrorCategory.ResourceBusy
                        : ErrorCategory.ReadError;
                default:
                    return ErrorCategory.NotSpecified;
            }
        }

        /// <summary>
        /// A failed sign-in: the member's own cancel is OperationStopped; a forged or stale answer a
        /// SecurityError; no answer in time OperationTimeout; a scope the app lacks PermissionDenied; an
        /// unusable redirect URI InvalidArgument, a busy port ResourceBusy; LinkedIn refusing the code,
        /// client or refresh token AuthenticationError.
        /// </summary>
        private static ErrorCategory CategoryOf(SignInFailureReason reason)
        {
            switch (reason)
            {
                case SignInFailureReason.Cancelled:
                    return ErrorCategory.OperationStopped;
                case SignInFailureReason.StateMismatch:
                    return ErrorCategory.SecurityError;
                case SignInFailureReason.Timeout:
                    return ErrorCategory.OperationTimeout;
                case SignInFailureReason.ScopeNotAuthorized:
                    return ErrorCategory.PermissionDenied;
                case SignInFailureReason.RedirectUriNotSupported:
                    return ErrorCategory.InvalidArgument;
                case SignInFailureReason.PortUnavailable:
                    return ErrorCategory.ResourceBusy;
                default:
                    return ErrorCategory.AuthenticationError;
            }
        }

        /// <summary>
        /// A failed upload: bytes or a video LinkedIn refused, or could not process, are InvalidData (the
        /// file is the problem); an expired upload URL is OperationTimeout (the upload was too slow), as is
        /// processing that did not end in time; instructions this module cannot follow are a ProtocolError.
        /// </summary>
        private static ErrorCategory CategoryOf(MediaFailureReason reason)
        {
            switch (reason)
            {
                case MediaFailureReason.UploadUrlExpired:
                case MediaFailureReason.ProcessingTimeout:
                    return ErrorCategory.OperationTimeout;
                case MediaFailureReason.UploadInstructionsInvalid:
                    return ErrorCategory.ProtocolError;
                default:
                    return ErrorCategory.InvalidData;
            }
        }

        /// <summary>What the user can do about it, when the exception tells us.</summary>
        public static string? RecommendedActionFor(LinkedInException exception)
        {
            switch (exception)
            {
                case LinkedInSignInException signIn when signIn.Reason == SignInFailureReason.Timeout:
                    return "Check that the app's Authorized redirect URLs (Auth tab in the LinkedIn Developer Portal) contain exactly the -RedirectUri (default http://127.0.0.1:8400/callback), then run Connect-LinkedIn again; use a longer -Timeout if signing in takes longer.";
                case LinkedInSignInException signIn when signIn.Reason == SignInFailureReason.ScopeNotAuthorized:
                    return "Add the product that grants " + (signIn.Scope ?? "the scope") + " to the app in the LinkedIn Developer Portal, or run Connect-LinkedIn with -Scope listing only scopes the app has.";
                case LinkedInSignInException signIn when signIn.Reason == SignInFailureReason.ClientRejected || signIn.Reason == SignInFailureReason.CodeRejected:
                    return "Check the client id and secret on the app's Auth tab in the LinkedIn Developer Portal, then run Connect-LinkedIn again.";
                case LinkedInSignInException _:
                    return "Run Connect-LinkedIn again.";
                case LinkedInAuthException _:
                    return "Sign in again with Connect-LinkedIn (OAuth: -ClientId and -ClientSecret), or bring a new token with Connect-LinkedIn -AccessToken " + Reconnect.ReadAccessToken + ".";
                case LinkedInTokenStoreException store when store.Failure == TokenStoreFailure.Unavailable:
                    return "Where no protected store can work (headless Linux, cron), opt in to a plain-text token file (mode 0600): run Connect-LinkedIn -AllowPlainTextTokenFile, and set " +
                        ConnectionStoreOptions.AllowPlainTextVariable + "=1 in the environment of every session or scheduled task that uses it.";
                case LinkedInTokenStoreException store when store.Failure == TokenStoreFailure.Unreadable:
                    return "Run Disconnect-LinkedIn -All -Force as " + OsAccount.Current + " to reset the token store (it removes every stored connection), then connect again.";
                case LinkedInTokenStoreException _:
                    return "Another LinkedInPosts command holds the token store (a sign-in or token refresh); try again when it has finished.";
                case LinkedInPermissionException permission when !string.IsNullOrEmpty(permission.MissingScope):
                    return $"Use an access token that was granted the '{permission.MissingScope}' scope, then run Connect-LinkedIn again.";
                case LinkedInDuplicatePostException duplicate when !string.IsNullOrEmpty(duplicate.ExistingUrn):
                    return $"LinkedIn already has this post as {duplicate.ExistingUrn}: see it with Get-LinkedInPost -Urn '{duplicate.ExistingUrn}', or change the text.";
                case LinkedInVersionSunsetException sunset:
                    return $"LinkedIn no longer serves API version {sunset.Version}. Connect again with a recent -ApiVersion (YYYYMM), or omit -ApiVersion and unset LINKEDINPOSTS_API_VERSION to use the module's default.";
                // A 429's retry time (LinkedIn's or the next midnight UTC), or a 5xx's when LinkedIn sent a Retry-After.
                case LinkedInThrottledException throttled when throttled.RetryAt.HasValue:
                case LinkedInServerException server when server.RetryAt.HasValue && server.IsRetryAfterFromServer:
                    return "Try again after " + exception.RetryAt!.Value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) + ".";
                case LinkedInMediaException media when media.Reason == MediaFailureReason.ProcessingTimeout && media.MediaUrn != null:
                    return $"LinkedIn may still finish processing {media.MediaUrn}. Try the post again later with -Media {media.MediaUrn}, or upload with a longer -ProcessingTimeout.";
                case LinkedInMediaException media when media.Reason == MediaFailureReason.ProcessingFailed:
                    return "LinkedIn could not process the file. Check that it opens (and for a video that it is an H.264 MP4 of 3 seconds to 30 minutes), export it again, and upload it again.";
                case LinkedInMediaException media when media.Reason == MediaFailureReason.UploadUrlExpired:
                    return "Upload it again: a new upload gets new upload URLs. On a slow connection, upload large videos with Add-LinkedInMedia first.";
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
            || exception is LinkedInTokenStoreException
            || exception is LinkedInVersionSunsetException
            || exception is LinkedInThrottledException;

        /// <summary>
        /// An error LinkedIn (or the token source) raised about a connection's token: names the connection
        /// and the exact command that makes it again, in the message and in RecommendedAction.
        /// </summary>
        public static ErrorRecord ForConnection(LinkedInAuthException exception, LinkedInSession session, object? target)
        {
            var told = session.Explain(exception);
            var record = new ErrorRecord(told, told.ErrorId, ErrorCategory.AuthenticationError, target);
            record.ErrorDetails = new ErrorDetails(told.Message) { RecommendedAction = "Run " + session.ReconnectCommand };
            return record;
        }

        /// <summary>
        /// No connection of that name, in this session or in the OS account's token store: says whose
        /// store was looked in and exactly which command makes one. Its category is AuthenticationError,
        /// like a refused token, because the remedy is the same: Connect-LinkedIn.
        /// </summary>
        public static ErrorRecord NotConnected(string name, IReadOnlyCollection<string> inSession, LockedConnectionStore store, IReadOnlyList<StoredConnection> stored)
        {
            var connect = Reconnect.CommandForNew(name);
            var me = OsAccount.Current;
            var message = $"Not connected to LinkedIn: there is no connection named '{name}' in this session or in the token store of OS account {me} ({store.Description}). " +
                $"Run {connect} first (or -AccessToken {Reconnect.ReadAccessToken} for a token you already have).";
            var names = inSession.Concat(stored.Select(c => c.Name)).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
            if (names.Count > 0)
            {
                message += " Connections: " + string.Join(", ", names) + ".";
            }
            var others = stored.Select(c => c.ConnectedBy).Where(by => !OsAccount.IsCurrent(by)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            message += others.Count > 0
                ? $" The connections in this store were made as {string.Join(", ", others)}; this runs as {me}: connect as the account that runs the task."
                : $" The token store belongs to the OS account: a connection made as another account (for example the one a scheduled task runs as) is not visible to {me}.";
            return new ErrorRecord(
                new InvalidOperationException(message),
                ErrorIds.NotConnected,
                ErrorCategory.AuthenticationError,
                name)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = $"Run {connect} as {me}." },
            };
        }

        /// <summary>-Author names someone the connection cannot post as.</summary>
        public static ErrorRecord AuthorNotAllowed(string author, string reason) =>
            new ErrorRecord(
                new ArgumentException(reason, "Author"),
                ErrorIds.AuthorNotAllowed,
                ErrorCategory.PermissionDenied,
                author);

        /// <summary>A media path that names no usable file.</summary>
        public static ErrorRecord MediaFileNotFound(MediaPathException exception) =>
            new ErrorRecord(
                new ItemNotFoundException(exception.Message, exception),
                ErrorIds.MediaFileNotFound,
                ErrorCategory.ObjectNotFound,
                exception.Path);

        /// <summary>
        /// The post is published but its first comment failed: says so plainly (the post must not be sent
        /// again), keeps the comment's own error inside, and its category.
        /// </summary>
        public static ErrorRecord FirstCommentFailed(LinkedInException exception, LinkedInPosts.Core.Api.LinkedInPost post)
        {
            var message = exception is LinkedInUnknownOutcomeException
                ? $"The post is published as {post.Urn}, but whether its first comment was added is not known: {exception.Message} The post itself is up: do not post again."
                : $"The post is published as {post.Urn}, but its first comment failed: {exception.Message} Only the comment is missing: do not post again.";
            var record = new ErrorRecord(new InvalidOperationException(message, exception), ErrorIds.FirstCommentFailed, CategoryOf(exception), post)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = (exception is LinkedInUnknownOutcomeException
                        ? $"Look at the post's comments ({post.Url?.ToString() ?? post.Urn}) and add the comment there only if it is missing; the post itself needs nothing more."
                        : $"Add the comment yourself on the post ({post.Url?.ToString() ?? post.Urn}); the post itself needs nothing more.") +
                        (RecommendedActionFor(exception) is string fix ? " " + fix : string.Empty),
                },
            };
            return record;
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
