using System;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Api
{
    /// <summary>Turns LinkedIn's error answers into typed exceptions whose messages say what to do.</summary>
    internal static class LinkedInErrorMapper
    {
        private static readonly Regex PostUrn = new Regex(@"urn:li:(share|ugcPost):[0-9A-Za-z_-]+", RegexOptions.CultureInvariant);
        private static readonly Regex MissingPermission = new Regex(@"missing permission:\s*(?<scope>[a-z_]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>Waits shorter than this are told in seconds, longer ones as a time of day.</summary>
        private static readonly TimeSpan SoonWait = TimeSpan.FromMinutes(2);

        public static LinkedInException Map(LinkedInRequest request, int status, HttpResponseHeaders headers, string body, LinkedInClientOptions options)
        {
            var error = LinkedInErrorBody.Parse(body);
            var said = string.IsNullOrEmpty(error.Message) ? $"HTTP {status}" : error.Message!;
            LinkedInException exception = status switch
            {
                401 => Unauthorized(request, error, said),
                403 => Forbidden(request, error, said),
                404 => new LinkedInNotFoundException(
                    $"{request.Subject ?? "The requested item"} was not found on LinkedIn (it may have been deleted, or the URN is wrong). LinkedIn said: {said}",
                    request.Subject),
                422 when IsDuplicate(error) => Duplicate(error, said),
                426 => new LinkedInVersionSunsetException(
                    $"LinkedIn does not serve API version {options.ApiVersion} any more (426 {error.Code ?? "NONEXISTENT_VERSION"}: {said}). " +
                    $"Use an active version (this release of the module defaults to {LinkedInApiVersion.Default}): a connection made with -ApiVersion keeps " +
                    "that version, so connect it again with Connect-LinkedIn -ApiVersion YYYYMM (or without -ApiVersion, to follow the module's default); " +
                    $"for the others set $env:{LinkedInApiVersion.EnvironmentVariable} = 'YYYYMM' (a scheduled task: register it again, which passes the variable on).",
                    options.ApiVersion),
                429 => Throttled(headers, said, options),
                // 408: the request did not reach LinkedIn whole in time; a later try may pass (a create's resend goes through its duplicate check).
                _ when status >= 500 || status == 408 => ServerError(request.Display, status, headers, said, options),
                _ => BadRequest(error, status, said),
            };
            exception.HttpStatus = status;
            exception.ServiceErrorCode = error.ServiceErrorCode;
            exception.LinkedInCode = error.Code ?? error.InputErrorCodes.FirstOrDefault();
            exception.Request = request.Display;
            return exception;
        }

        /// <summary>
        /// A non-2xx answer to an upload PUT. The upload URL is not the API: a 401 there is the URL, not the
        /// token (LinkedIn's pre-signed URLs expire), so it is told as an expired or refused upload.
        /// </summary>
        public static LinkedInException MapUpload(UploadRequest request, int status, HttpResponseHeaders headers, string body, LinkedInClientOptions options)
        {
            var error = LinkedInErrorBody.Parse(body);
            var said = string.IsNullOrEmpty(error.Message) ? $"HTTP {status}" : error.Message!;
            LinkedInException exception;
            if (status == 429)
            {
                exception = Throttled(headers, said, options);
            }
            else if (status >= 500 || status == 408)
            {
                exception = ServerError("Uploading " + request.What, status, headers, said, options);
            }
            else if (status == 401 || status == 410 || said.IndexOf("expire", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // LinkedIn's upload URLs are pre-signed and expire; a guide reports 401 for that (UNCONFIRMED).
                exception = new LinkedInMediaException(MediaFailureReason.UploadUrlExpired,
                    $"The upload URL for {request.What} was refused as expired before the bytes arrived ({status}: {said}). Upload the file again: a new upload gets new URLs.", null);
            }
            else
            {
                exception = new LinkedInMediaException(MediaFailureReason.UploadRejected,
                    $"LinkedIn refused the bytes of {request.What} ({status}): {said}. Upload the file again from the start.", null);
            }
            exception.HttpStatus = status;
            exception.ServiceErrorCode = error.ServiceErrorCode;
            exception.LinkedInCode = error.Code ?? error.InputErrorCodes.FirstOrDefault();
            exception.Request = request.Display;
            return exception;
        }

        private static LinkedInException Unauthorized(LinkedInRequest request, LinkedInErrorBody error, string said)
        {
            var reason = error.Code == "REVOKED_ACCESS_TOKEN" || error.ServiceErrorCode == 65601 ? AuthFailureReason.Revoked
                : error.Code == "EXPIRED_ACCESS_TOKEN" || error.ServiceErrorCode == 65602 ? AuthFailureReason.Expired
                : error.Message != null && error.Message.IndexOf("Empty oauth2_access_token", StringComparison.OrdinalIgnoreCase) >= 0 ? AuthFailureReason.Missing
                : AuthFailureReason.Invalid;
            var what = reason switch
            {
                AuthFailureReason.Revoked => "has been revoked",
                AuthFailureReason.Expired => "has expired (LinkedIn tokens last 60 days)",
                AuthFailureReason.Missing => "was not sent",
                _ => "is not valid",
            };
            return new LinkedInAuthException(reason, $"LinkedIn refused {request.Display}: the access token {what}. LinkedIn said: {said}. Sign in again with Connect-LinkedIn.");
        }

        private static LinkedInException Forbidden(LinkedInRequest request, LinkedInErrorBody error, string said)
        {
            var match = error.Message == null ? Match.Empty : MissingPermission.Match(error.Message);
            var scope = match.Success ? match.Groups["scope"].Value : request.RequiredScope;
            var hint = scope == null
                ? "Check that the app has the product that grants this permission and that you signed in with it."
                : scope == "r_member_social"
                    ? "Reading a member's posts needs r_member_social, which LinkedIn grants only to approved apps."
                    : $"Sign in again asking for the '{scope}' scope (and, for a page, with an ADMINISTRATOR, CONTENT_ADMIN or DIRECT_SPONSORED_CONTENT_POSTER role on it).";
            return new LinkedInPermissionException($"LinkedIn denied {request.Display}: {said}. {hint}", scope);
        }

        private static bool IsDuplicate(LinkedInErrorBody error) =>
            error.InputErrorCodes.Contains("DUPLICATE_POST")
            || (error.Message != null && error.Message.IndexOf("duplicate", StringComparison.OrdinalIgnoreCase) >= 0);

        private static LinkedInException Duplicate(LinkedInErrorBody error, string said)
        {
            var urn = error.Message == null ? null : PostUrn.Match(error.Message) is { Success: true } m ? m.Value : null;
            var message = urn == null
                ? $"LinkedIn already has a post with this text by this author. LinkedIn said: {said}"
                : $"LinkedIn already has a post with this text by this author: {urn} (https://www.linkedin.com/feed/update/{urn}). Change the text to post it again.";
            return new LinkedInDuplicatePostException(message, urn);
        }

        private static LinkedInException Throttled(HttpResponseHeaders headers, string said, LinkedInClientOptions options)
        {
            var now = options.Clock.GetUtcNow();
            var fromServer = RetryAfter(headers, now);
            var retryAt = fromServer ?? NextMidnightUtc(now);
            var when = retryAt - now < SoonWait
                ? When(retryAt, now)
                : When(retryAt, now) + " (LinkedIn's daily limits reset at midnight UTC)";
            return new LinkedInThrottledException($"LinkedIn is throttling this app or member: {said.TrimEnd('.')}. Try again {when}.", retryAt)
            {
                IsRetryAfterFromServer = fromServer.HasValue,
            };
        }

        /// <summary>
        /// A 5xx or 408. A Retry-After with it (a 503 during maintenance, say) is LinkedIn saying when to come back,
        /// so it is kept on the exception for the retries to wait for, and the message says it.
        /// </summary>
        private static LinkedInException ServerError(string failed, int status, HttpResponseHeaders headers, string said, LinkedInClientOptions options)
        {
            var now = options.Clock.GetUtcNow();
            var retryAt = RetryAfter(headers, now);
            var next = retryAt.HasValue ? $"LinkedIn asks to try again {When(retryAt.Value, now)}" : "try again later";
            return new LinkedInServerException($"{failed} failed on LinkedIn's side ({status}): {said}. This is usually temporary; {next}.")
            {
                RetryAt = retryAt,
                IsRetryAfterFromServer = retryAt.HasValue,
            };
        }

        private static string When(DateTimeOffset retryAt, DateTimeOffset now)
        {
            var wait = retryAt - now;
            return wait < SoonWait
                ? $"in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s"
                : $"at {retryAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
        }

        private static LinkedInException BadRequest(LinkedInErrorBody error, int status, string said)
        {
            var field = error.Code == "VERSION_MISSING" ? "ApiVersion"
                : error.InputErrorCodes.Contains("FIELD_ARRAY_SIZE_TOO_HIGH") || (error.Message?.IndexOf("ShareCommentary", StringComparison.Ordinal) ?? -1) >= 0 ? "Commentary"
                : error.InputErrorFields.Count > 0 ? Capitalize(error.InputErrorFields[0])
                : "Request";
            return new LinkedInValidationException(field, $"LinkedIn rejected the request ({status}): {said}");
        }

        internal static DateTimeOffset? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
        {
            var retryAfter = headers.RetryAfter;
            if (retryAfter?.Delta is TimeSpan delta)
            {
                return now + delta;
            }
            if (retryAfter?.Date is DateTimeOffset date)
            {
                return date;
            }
            return null;
        }

        internal static DateTimeOffset NextMidnightUtc(DateTimeOffset now)
        {
            var utc = now.ToUniversalTime();
            return new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1);
        }

        private static string Capitalize(string field)
        {
            var last = field.Split('/', '.').LastOrDefault(part => part.Length > 0) ?? field;
            return char.ToUpperInvariant(last[0]) + last.Substring(1);
        }
    }
}
