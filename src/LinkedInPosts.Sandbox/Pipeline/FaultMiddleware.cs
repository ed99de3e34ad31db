using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.State;
using Microsoft.AspNetCore.Http.Features;

namespace LinkedInPosts.Sandbox.Pipeline;

/// <summary>
/// Applies an armed <see cref="SandboxFault"/> to a matching API request, before the header, auth and
/// limit checks, the way a network or gateway failure comes before LinkedIn's own logic.
/// </summary>
internal sealed class FaultMiddleware
{
    private readonly RequestDelegate _next;
    private readonly SandboxState _state;

    public FaultMiddleware(RequestDelegate next, SandboxState state)
    {
        _next = next;
        _state = state;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        SandboxFault? fault;
        lock (_state.Sync)
        {
            fault = _state.Faults.Take(context.Request.Method, context.Request.Path.Value ?? "");
        }
        if (fault is null)
        {
            await _next(context);
            return;
        }

        if (fault.DelayMilliseconds > 0)
        {
            // Read the body now: the request is still handled after the delay even if the client has
            // given up meanwhile, as a slow server would, and its body must not be lost with it.
            context.Request.EnableBuffering();
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Request.Body.Position = 0;
            await Task.Delay(fault.DelayMilliseconds, CancellationToken.None);
        }
        if (fault.Drop == SandboxDrop.BeforeStore)
        {
            Drop(context);
            return;
        }
        if (fault.Status is { } status)
        {
            await Answer(context, fault, status);
            return;
        }
        if (fault.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (fault.Drop == SandboxDrop.AfterStore)
        {
            // Handle the request fully (a post is stored) but let nothing of the answer out, then cut.
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
            await _next(context);
            Drop(context);
            return;
        }
        if (fault.HoldAfterStoreMilliseconds > 0)
        {
            await HoldAsync(context, fault.HoldAfterStoreMilliseconds);
            return;
        }
        await _next(context);
    }

    /// <summary>
    /// Handles the request fully into a buffer (a post is stored), then keeps the whole answer, status line
    /// included, back for <paramref name="milliseconds"/> before letting it out. A client that goes away
    /// meanwhile (killed, timed out) ends the hold: its answer is never sent, as with a drop after store.
    /// </summary>
    private async Task HoldAsync(HttpContext context, int milliseconds)
    {
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        // Nothing reaches Kestrel until the buffer is copied out below, so not even the headers leave early.
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        try
        {
            await _next(context);
        }
        finally
        {
            context.Features.Set(original);
        }

        var held = new SandboxHeldResponse
        {
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? "",
            Status = context.Response.StatusCode,
            RestLiId = context.Response.Headers.TryGetValue("x-restli-id", out var id) ? id.ToString() : null,
            Since = _state.Clock.GetUtcNow(),
        };
        lock (_state.Sync)
        {
            _state.Held.Add(held);
        }
        try
        {
            await Task.Delay(milliseconds, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client is gone; fall through to the drop below.
        }
        finally
        {
            lock (_state.Sync)
            {
                _state.Held.Remove(held);
            }
        }
        if (context.RequestAborted.IsCancellationRequested)
        {
            Drop(context);
            return;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, CancellationToken.None);
    }

    private static async Task Answer(HttpContext context, SandboxFault fault, int status)
    {
        if (fault.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (status is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified)
        {
            context.Response.StatusCode = status; // these statuses cannot carry a body
            return;
        }
        if (fault.Body is null)
        {
            await LinkedInErrors.ForStatus(status).WriteAsync(context);
            return;
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(fault.Body, CancellationToken.None);
    }

    private static void Drop(HttpContext context)
    {
        context.Items[RequestLogMiddleware.DroppedKey] = true;
        context.Abort();
    }
}
