using System.Text.RegularExpressions;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.Rest;
using LinkedInPosts.Sandbox.State;
using Microsoft.AspNetCore.Http.Features;

namespace LinkedInPosts.Sandbox.Pipeline;

/// <summary>
/// Outermost for API calls: records each request for <c>GET /sandbox/requests</c> (never the token, only
/// whether one was sent), writes a console line when not quiet, and turns an unexpected exception
/// into LinkedIn's plain 500 rather than an empty response.
/// </summary>
internal sealed partial class RequestLogMiddleware
{
    /// <summary>Set by the fault middleware when it aborts the connection instead of answering.</summary>
    public static readonly object DroppedKey = new();

    private readonly RequestDelegate _next;
    private readonly SandboxState _state;
    private readonly ILogger<RequestLogMiddleware> _logger;

    public RequestLogMiddleware(RequestDelegate next, SandboxState state, ILogger<RequestLogMiddleware> logger)
    {
        _next = next;
        _state = state;
        _logger = logger;
    }

    // Legacy clients may put a token in the query (oauth2_access_token), and a confused OAuth client may
    // send its code, secret, verifier or tokens there too. OAuth form bodies are never recorded.
    [GeneratedRegex(@"(?<=(^|[?&])(oauth2_access_token|access_token|code|code_verifier|client_secret|refresh_token|id_token|token)=)[^&]*",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Credentials();

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var at = _state.Clock.GetUtcNow();
        try
        {
            await _next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            _logger.LogError(e, "Unhandled error for {Method} {Path}", request.Method, request.Path);
            await LinkedInErrors.ForStatus(StatusCodes.Status500InternalServerError).WriteAsync(context);
        }
        finally
        {
            var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
            var record = new SandboxRequestRecord
            {
                Method = request.Method,
                Path = Credentials().Replace(rawTarget, "REDACTED"),
                Status = context.Items.ContainsKey(DroppedKey) ? 0 : context.Response.StatusCode,
                LinkedInVersion = HeaderOrNull(request, RestGateMiddleware.VersionHeader),
                RestLiProtocolVersion = HeaderOrNull(request, RestGateMiddleware.ProtocolHeader),
                RestLiMethod = HeaderOrNull(request, RestLiMethod.Header),
                HadAuthorization = request.Headers.ContainsKey("Authorization"),
                At = at,
            };
            lock (_state.Sync)
            {
                _state.Requests.Add(record);
            }
            _logger.LogInformation("{Method} {Path} -> {Status}", record.Method, record.Path,
                record.Status == 0 ? "connection dropped" : record.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static string? HeaderOrNull(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;
}
