using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// What every /rest/* call goes through before its endpoint, in this order: LinkedIn-Version (400/426),
/// X-Restli-Protocol-Version (400), bearer token (401), daily limits (429). Header checks come first
/// because LinkedIn's gateway rejects a sunset version whatever the token (which order LinkedIn really
/// uses is UNCONFIRMED). Only authenticated calls count towards the daily limits.
/// </summary>
internal sealed class RestGateMiddleware
{
    public const string VersionHeader = "LinkedIn-Version";
    public const string ProtocolHeader = "X-Restli-Protocol-Version";
    public const string ProtocolVersion = "2.0.0";

    private readonly RequestDelegate _next;
    private readonly SandboxState _state;

    public RestGateMiddleware(RequestDelegate next, SandboxState state)
    {
        _next = next;
        _state = state;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers[ProtocolHeader] = ProtocolVersion;
        var error = Admit(context);
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        await _next(context);
    }

    private LinkedInError? Admit(HttpContext context)
    {
        var request = context.Request;
        var version = request.Headers[VersionHeader].ToString();
        var versionError = ApiVersionRule.Check(version, _state.Clock.GetUtcNow());
        if (versionError is not null)
        {
            return versionError;
        }
        var protocol = request.Headers[ProtocolHeader].ToString().Trim();
        if (protocol != ProtocolVersion)
        {
            return LinkedInErrors.ProtocolVersionRequired(protocol.Length == 0 ? null : protocol);
        }
        lock (_state.Sync)
        {
            var (caller, authError) = BearerAuthenticator.Authenticate(request, _state, version.Trim());
            if (caller is null)
            {
                return authError;
            }
            if (!_state.Limits.TryCount(caller.Token.ApplicationId, caller.Member.Urn, _state.Clock.GetUtcNow()))
            {
                return LinkedInErrors.Throttled();
            }
            context.Features.Set(caller);
            return null;
        }
    }
}
