using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Admin;

/// <summary>Clock, limits, faults and reset.</summary>
internal static class ControlAdmin
{
    public static IResult GetClock(SandboxState state) => Results.Json(new ClockBody(state.Clock.GetUtcNow()), SandboxJson.Options);

    public static async Task<IResult> SetClockAsync(HttpRequest request, SandboxState state)
    {
        var (body, error) = await AdminResults.ReadAsync<ClockBody>(request);
        if (error is not null)
        {
            return error;
        }
        if (body?.Now is not { } now)
        {
            return AdminResults.Problem(400, "Send {\"now\":\"2026-11-23T10:00:00Z\"}.");
        }
        state.Clock.Set(now);
        return GetClock(state);
    }

    public static async Task<IResult> AdvanceClockAsync(HttpRequest request, SandboxState state)
    {
        var (body, error) = await AdminResults.ReadAsync<AdvanceClockRequest>(request);
        if (error is not null)
        {
            return error;
        }
        if (body?.Seconds is not { } seconds || double.IsNaN(seconds) || double.IsInfinity(seconds))
        {
            return AdminResults.Problem(400, "Send {\"seconds\":N}.");
        }
        state.Clock.Advance(TimeSpan.FromSeconds(seconds));
        return GetClock(state);
    }

    public static async Task<IResult> AddFaultAsync(HttpRequest request, SandboxState state)
    {
        var (fault, error) = await AdminResults.ReadAsync<SandboxFault>(request);
        if (error is not null)
        {
            return error;
        }
        if (fault is null || fault.Count < 1 || fault.DelayMilliseconds < 0 || fault.Status is < 100 or > 599
            || string.IsNullOrEmpty(fault.Path) || !Enum.IsDefined(fault.Drop) || fault.HoldAfterStoreMilliseconds < 0)
        {
            return AdminResults.Problem(400, "A fault needs count >= 1, a path prefix, delayMilliseconds >= 0, status 100-599 if set, drop none|beforeStore|afterStore, and holdAfterStoreMilliseconds >= 0.");
        }
        if (fault.HoldAfterStoreMilliseconds > 0 && (fault.Status is not null || fault.Drop != SandboxDrop.None))
        {
            // A hold keeps the handled request's own answer back; a status or a drop replaces that answer.
            return AdminResults.Problem(400, "holdAfterStoreMilliseconds cannot be combined with status or drop.");
        }
        lock (state.Sync)
        {
            state.Faults.Add(fault);
        }
        return Results.NoContent();
    }

    public static IResult ClearFaults(SandboxState state)
    {
        lock (state.Sync)
        {
            state.Faults.Clear();
        }
        return Results.NoContent();
    }

    public static IResult GetConfig(SandboxState state)
    {
        lock (state.Sync)
        {
            return Results.Json(new ConfigResponse(state.Limits.MemberDailyLimit, state.Limits.AppDailyLimit,
                state.Media.ProcessingTime(SandboxMediaKind.Image).TotalSeconds,
                state.Media.ProcessingTime(SandboxMediaKind.Document).TotalSeconds,
                state.Media.ProcessingTime(SandboxMediaKind.Video).TotalSeconds), SandboxJson.Options);
        }
    }

    public static async Task<IResult> SetConfigAsync(HttpRequest request, SandboxState state)
    {
        var (body, error) = await AdminResults.ReadAsync<ConfigRequest>(request);
        if (error is not null)
        {
            return error;
        }
        if (body?.MemberDailyLimit is < 0 || body?.AppDailyLimit is < 0)
        {
            return AdminResults.Problem(400, "Limits cannot be negative.");
        }
        var processing = new[]
        {
            (Kind: SandboxMediaKind.Image, Seconds: body?.ImageProcessingSeconds),
            (Kind: SandboxMediaKind.Document, Seconds: body?.DocumentProcessingSeconds),
            (Kind: SandboxMediaKind.Video, Seconds: body?.VideoProcessingSeconds),
        };
        if (processing.Any(p => p.Seconds is { } s && (s < 0 || double.IsNaN(s) || s > TimeSpan.MaxValue.TotalSeconds / 2)))
        {
            return AdminResults.Problem(400, "Processing times are seconds, 0 or more.");
        }
        lock (state.Sync)
        {
            state.Limits.MemberDailyLimit = body?.MemberDailyLimit ?? state.Limits.MemberDailyLimit;
            state.Limits.AppDailyLimit = body?.AppDailyLimit ?? state.Limits.AppDailyLimit;
            foreach (var (kind, seconds) in processing)
            {
                if (seconds is { } value)
                {
                    state.Media.SetProcessingTime(kind, TimeSpan.FromSeconds(value));
                }
            }
        }
        return GetConfig(state);
    }

    public static IResult Reset(SandboxState state)
    {
        state.Reset();
        return Results.NoContent();
    }
}
