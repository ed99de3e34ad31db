using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace LinkedInPosts.Sandbox.Errors;

/// <summary>
/// Every error body the sandbox sends, in one place. Property order follows the samples quoted in
/// linkedin-api.md; where LinkedIn's exact text is unknown the README lists the choice made here.
/// </summary>
internal static class LinkedInErrors
{
    private const string BadRequestType = "com.linkedin.common.error.BadRequest";
    private const string BadRequestException = "com.linkedin.content.common.exception.BadRequestResponseException: ";

    // --- Headers (linkedin-api.md section 4) ---

    public static LinkedInError VersionMissing() => new(400, new JsonObject
    {
        ["status"] = 400,
        ["code"] = "VERSION_MISSING",
        ["message"] = "A version must be present. Please specify a version by adding the LinkedIn-Version header.",
    });

    /// <param name="shownVersion">The version as LinkedIn prints it: YYYYMMDD with day 01, or the raw text.</param>
    public static LinkedInError NonexistentVersion(string shownVersion) => new(426, new JsonObject
    {
        ["status"] = 426,
        ["code"] = "NONEXISTENT_VERSION",
        ["message"] = $"Requested version {shownVersion} is not active",
    });

    public static LinkedInError ProtocolVersionRequired(string? sent) => new(400, new JsonObject
    {
        ["status"] = 400,
        ["code"] = "INVALID_PROTOCOL_VERSION",
        ["message"] = "This resource requires the header X-Restli-Protocol-Version: 2.0.0"
            + (sent is null ? " (the header is missing)." : $" (got '{sent}')."),
    });

    public static LinkedInError InvalidRestLiMethod(string sent, string httpMethod, string expected) => new(400, new JsonObject
    {
        ["message"] = $"Invalid X-RestLi-Method '{sent}' for HTTP {httpMethod} on this resource; expected {expected}.",
        ["status"] = 400,
    });

    // --- Authentication (section 6.2) ---

    public static LinkedInError EmptyAccessToken() => new(401, new JsonObject
    {
        ["message"] = "Empty oauth2_access_token",
        ["serviceErrorCode"] = 401,
        ["status"] = 401,
    });

    public static LinkedInError InvalidAccessToken() => new(401, new JsonObject
    {
        ["serviceErrorCode"] = 65600,
        ["message"] = "Invalid access token",
        ["status"] = 401,
    });

    public static LinkedInError RevokedAccessToken() => new(401, new JsonObject
    {
        ["status"] = 401,
        ["serviceErrorCode"] = 65601,
        ["code"] = "REVOKED_ACCESS_TOKEN",
        ["message"] = "The token used in the request has been revoked by the user",
    });

    public static LinkedInError ExpiredAccessToken() => new(401, new JsonObject
    {
        ["status"] = 401,
        ["serviceErrorCode"] = 65602,
        ["code"] = "EXPIRED_ACCESS_TOKEN",
        ["message"] = "The token used in the request has expired",
    });

    /// <summary>
    /// 403 in LinkedIn's form, plus what is missing in parentheses so a client can tell the user which
    /// scope or page role to get (LinkedIn itself names only the resource).
    /// </summary>
    public static LinkedInError AccessDenied(string resource, string missing) => new(403, new JsonObject
    {
        ["status"] = 403,
        ["serviceErrorCode"] = 100,
        ["code"] = "ACCESS_DENIED",
        ["message"] = $"Not enough permissions to access: {resource} (missing permission: {missing})",
    });

    // --- Limits (section 6.4) ---

    public static LinkedInError Throttled() => new(429, new JsonObject
    {
        ["serviceErrorCode"] = 101,
        ["message"] = "Resource level throttle limit for calls to this resource is reached.",
        ["status"] = 429,
    });

    // --- Resources ---

    public static LinkedInError NoVirtualResource() => new(404, new JsonObject
    {
        ["serviceErrorCode"] = 0,
        ["code"] = "NOT_FOUND",
        ["message"] = "No virtual resource found",
        ["status"] = 404,
    });

    public static LinkedInError PostNotFound(string urn) => NotFound(urn);

    /// <summary>LinkedIn's 404 for an entity that does not exist, naming it.</summary>
    public static LinkedInError NotFound(string urn) => new(404, NotFoundBody(urn));

    public static JsonObject NotFoundBody(string urn) => new()
    {
        ["message"] = $"Not Found: {urn}",
        ["status"] = 404,
    };

    public static LinkedInError UnparsableBody(string detail) => new(400, new JsonObject
    {
        ["message"] = "Unable to parse the request body as JSON: " + detail,
        ["status"] = 400,
    });

    public static LinkedInError BadRequest(string message) => new(400, new JsonObject
    {
        ["message"] = message,
        ["status"] = 400,
    });

    // --- Input validation (sections 1.8, 6.1, 6.3) ---

    /// <summary>One entry of <c>errorDetails.inputErrors</c> naming a field by its path.</summary>
    public static JsonObject FieldInputError(string fieldPath, string description, string code) => new()
    {
        ["description"] = description,
        ["input"] = new JsonObject { ["inputPath"] = new JsonObject { ["fieldPath"] = fieldPath } },
        ["code"] = code,
    };

    /// <summary>
    /// Schema violations (missing field, wrong type, unknown enum symbol, unknown or read-only field):
    /// 422 with Rest.li's "ERROR :: /path :: text" message lines and one input error per violation.
    /// </summary>
    public static LinkedInError SchemaViolations(IReadOnlyList<(string FieldPath, string Description, string Code)> violations)
    {
        var message = string.Concat(violations.Select(v => $"ERROR :: /{v.FieldPath.Replace('.', '/')} :: {v.Description}\n"));
        var inputErrors = new JsonArray(violations.Select(v => (JsonNode)FieldInputError(v.FieldPath, v.Description, v.Code)).ToArray());
        return InputErrors(422, message, inputErrors);
    }

    /// <summary>A 400 for a value that is well-formed but not allowed (e.g. lifecycleState DRAFT on create).</summary>
    public static LinkedInError InvalidValue(string fieldPath, string description, string code = "INVALID_VALUE") =>
        InputErrors(400, BadRequestException + $"/{fieldPath.Replace('.', '/')}: {description}",
            new JsonArray(FieldInputError(fieldPath, description, code)));

    /// <summary>The 400 seen live for commentary over 3000 characters (n8n #22899).</summary>
    public static LinkedInError CommentaryTooLong(int length, int maximum, string sentCommentary) => InputErrors(400,
        BadRequestException + $"ShareCommentary text length ({length} characters) exceeded the maximum allowed ({maximum} characters)",
        new JsonArray(new JsonObject
        {
            ["description"] = "Size of array cannot be higher than the maxLength",
            ["input"] = new JsonObject { ["value"] = new JsonObject { ["stringValue"] = sentCommentary } },
            ["code"] = "FIELD_ARRAY_SIZE_TOO_HIGH",
        }));

    /// <summary>The 422 seen live for a repeated post; the message names the earlier URN (Linkedin-RSS #5).</summary>
    public static LinkedInError DuplicatePost(string earlierUrn) => InputErrors(422,
        BadRequestException + $"Content is a duplicate of {earlierUrn}",
        new JsonArray(new JsonObject
        {
            ["description"] = "Duplicate post is detected",
            ["input"] = new JsonObject(),
            ["code"] = "DUPLICATE_POST",
        }));

    /// <summary>A bad query parameter (count over 100, unknown sortBy): 400 naming the parameter.</summary>
    public static LinkedInError InvalidParameter(string name, string description) => InputErrors(400,
        $"Invalid query parameter '{name}': {description}",
        new JsonArray(new JsonObject
        {
            ["description"] = description,
            ["input"] = new JsonObject { ["inputPath"] = new JsonObject { ["fieldPath"] = name } },
            ["code"] = "PARAM_INVALID",
        }));

    // --- Media (section 3) ---

    /// <summary>The documented 403 of the Images, Documents and Videos APIs, word for word but for the kind.</summary>
    public static LinkedInError MediaForbidden(SandboxMediaKind kind) => new(403, new JsonObject
    {
        ["message"] = $"Accessing this {KindWord(kind)} resource is forbidden. Please check your permissions for this resource",
        ["status"] = 403,
    });

    /// <summary>A PUT to a URL no initializeUpload handed out (or one a reset forgot).</summary>
    public static LinkedInError UploadUrlNotFound() => new(404, new JsonObject
    {
        ["message"] = "Not Found: no upload is waiting at this URL",
        ["status"] = 404,
    });

    /// <summary>A PUT after the URL's expiry time (one guide reports 401; the text is the sandbox's own).</summary>
    public static LinkedInError UploadUrlExpired(DateTimeOffset expiredAt) => new(401, new JsonObject
    {
        ["message"] = $"The upload URL expired at {expiredAt.ToUnixTimeMilliseconds()} (epoch ms); call initializeUpload again",
        ["status"] = 401,
    });

    /// <summary>A video part that is not exactly its instruction's byte range.</summary>
    public static LinkedInError PartLengthMismatch(string part, long expected, string received) => new(400, new JsonObject
    {
        ["message"] = $"The upload for {part} must be exactly {expected} bytes (lastByte - firstByte + 1); received {received}",
        ["status"] = 400,
    });

    /// <summary>Different bytes for something already uploaded (and, for videos, finalized).</summary>
    public static LinkedInError AlreadyUploaded(string what, string urn) => new(409, new JsonObject
    {
        ["message"] = $"Different bytes for {what} of {urn}, which was already uploaded and can no longer change; start a new upload with initializeUpload",
        ["status"] = 409,
    });

    /// <summary>A body that stopped early: the client went away or broke the stream.</summary>
    public static LinkedInError UploadIncomplete() => new(400, new JsonObject
    {
        ["message"] = "The upload body ended before it was complete",
        ["status"] = 400,
    });

    /// <summary>A download URL past its expiry or not signed by this sandbox.</summary>
    public static LinkedInError DownloadUrlInvalid() => new(403, new JsonObject
    {
        ["message"] = "The download URL has expired or is not valid; read the media's status again for a fresh one",
        ["status"] = 403,
    });

    /// <summary>
    /// Business-rule problems found together (finalizeUpload, post content, comments): 400 in LinkedIn's
    /// input-error shape, one entry per problem, the message naming them all.
    /// </summary>
    public static LinkedInError RuleViolations(IReadOnlyList<(string FieldPath, string Description, string Code)> violations) => InputErrors(400,
        BadRequestException + string.Join("; ", violations.Select(v => $"/{v.FieldPath.Replace('.', '/')}: {v.Description}")),
        new JsonArray(violations.Select(v => (JsonNode)FieldInputError(v.FieldPath, v.Description, v.Code)).ToArray()));

    private static string KindWord(SandboxMediaKind kind) => kind switch
    {
        SandboxMediaKind.Image => "image",
        SandboxMediaKind.Document => "document",
        _ => "video",
    };

    // --- Fault injection: LinkedIn's usual body for a status ---

    public static LinkedInError ForStatus(int status) => status switch
    {
        401 => InvalidAccessToken(),
        403 => AccessDenied("partnerApiPostsExternal", "injected fault"),
        404 => NoVirtualResource(),
        429 => Throttled(),
        _ => new LinkedInError(status, new JsonObject
        {
            ["message"] = ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error",
            ["status"] = status,
        }),
    };

    private static LinkedInError InputErrors(int status, string message, JsonArray inputErrors) => new(status, new JsonObject
    {
        ["errorDetailType"] = BadRequestType,
        ["message"] = message,
        ["errorDetails"] = new JsonObject { ["inputErrors"] = inputErrors },
        ["status"] = status,
    });
}
