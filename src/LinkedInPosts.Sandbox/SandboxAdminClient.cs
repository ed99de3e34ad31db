using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace LinkedInPosts.Sandbox;

/// <summary>
/// Typed wrapper over the /sandbox admin API. It goes over real HTTP like any other client, so what
/// a test arranges through it is what a user could arrange with curl.
/// </summary>
public sealed class SandboxAdminClient
{
    private readonly HttpClient _http;

    internal SandboxAdminClient(Uri baseUri)
    {
        _http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Creates a member, optionally with page roles; organizations are created if new.</summary>
    public async Task<SandboxMember> CreateMemberAsync(string? name = null, IEnumerable<SandboxOrganizationRole>? organizations = null, CancellationToken ct = default)
    {
        var body = new { name, organizations = organizations?.ToList() };
        return (await ReadAsync<SandboxMember>(await _http.PostAsJsonAsync("sandbox/members", body, SandboxJson.Options, ct), ct))!;
    }

    /// <summary>Issues a token for a member with these scopes; returns the access token itself.</summary>
    public async Task<string> CreateTokenAsync(string memberUrn, IEnumerable<string> scopes, TimeSpan? lifetime = null, CancellationToken ct = default)
    {
        var body = new { memberUrn, scopes = scopes.ToList(), expiresInSeconds = Seconds(lifetime) };
        var response = await ReadAsync<TokenBody>(await _http.PostAsJsonAsync("sandbox/tokens", body, SandboxJson.Options, ct), ct);
        return response!.AccessToken;
    }

    /// <summary>Revokes a token; its next use gets LinkedIn's 401 REVOKED_ACCESS_TOKEN.</summary>
    public async Task RevokeTokenAsync(string accessToken, CancellationToken ct = default) =>
        await EnsureAsync(await _http.PostAsJsonAsync("sandbox/tokens/revoke", new { accessToken }, SandboxJson.Options, ct), ct);

    /// <summary>
    /// Registers an OAuth application; its client id and secret then work on /oauth/v2/* as a
    /// LinkedIn developer app's would.
    /// </summary>
    public async Task<SandboxApp> CreateAppAsync(SandboxAppOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var body = new
        {
            name = options.Name,
            redirectUris = options.RedirectUris.ToList(),
            scopes = options.Scopes.ToList(),
            refreshTokens = options.RefreshTokens,
            pkce = options.Pkce,
            accessTokenSeconds = Seconds(options.AccessTokenLifetime),
            refreshTokenSeconds = Seconds(options.RefreshTokenLifetime),
        };
        return (await ReadAsync<SandboxApp>(await _http.PostAsJsonAsync("sandbox/apps", body, SandboxJson.Options, ct), ct))!;
    }

    /// <summary>
    /// Signs <paramref name="memberUrn"/> in to the emulated browser and sets what they click when a
    /// client sends them to /oauth/v2/authorization. Until this is called nobody is signed in, and the
    /// authorization page answers 401.
    /// </summary>
    public async Task SetAuthorizationAsync(string memberUrn, SandboxConsent decision, CancellationToken ct = default) =>
        await EnsureAsync(await _http.PutAsJsonAsync("sandbox/authorization", new { memberUrn, decision }, SandboxJson.Options, ct), ct);

    /// <summary>All posts exactly as stored, deleted ones included.</summary>
    public async Task<IReadOnlyList<SandboxStoredPost>> GetPostsAsync(CancellationToken ct = default) =>
        (await ReadAsync<List<SandboxStoredPost>>(await _http.GetAsync("sandbox/posts", ct), ct))!;

    /// <summary>One post as stored, or null if it was never stored.</summary>
    public async Task<SandboxStoredPost?> GetPostAsync(string urn, CancellationToken ct = default)
    {
        using var response = await _http.GetAsync("sandbox/posts/" + Uri.EscapeDataString(urn), ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<SandboxStoredPost>(response, ct);
    }

    /// <summary>The comments on a post, oldest first, exactly as stored.</summary>
    public async Task<IReadOnlyList<SandboxStoredComment>> GetCommentsAsync(string postUrn, CancellationToken ct = default) =>
        (await ReadAsync<List<SandboxStoredComment>>(await _http.GetAsync("sandbox/posts/" + Uri.EscapeDataString(postUrn) + "/comments", ct), ct))!;

    /// <summary>Every image, document and video, oldest first, with its status by the sandbox clock now.</summary>
    public async Task<IReadOnlyList<SandboxStoredMedia>> GetAllMediaAsync(CancellationToken ct = default) =>
        (await ReadAsync<List<SandboxStoredMedia>>(await _http.GetAsync("sandbox/media", ct), ct))!;

    /// <summary>One media as stored (size and SHA-256 of the bytes received), or null if it was never initialized.</summary>
    public async Task<SandboxStoredMedia?> GetMediaAsync(string urn, CancellationToken ct = default)
    {
        using var response = await _http.GetAsync("sandbox/media/" + Uri.EscapeDataString(urn), ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<SandboxStoredMedia>(response, ct);
    }

    /// <summary>
    /// How long processing takes, by the sandbox clock, for uploads of <paramref name="kind"/> that complete
    /// from now on (defaults: images and documents 2 s, videos 10 s; zero makes them AVAILABLE at once).
    /// </summary>
    public async Task SetProcessingTimeAsync(SandboxMediaKind kind, TimeSpan duration, CancellationToken ct = default)
    {
        var name = kind switch
        {
            SandboxMediaKind.Image => "imageProcessingSeconds",
            SandboxMediaKind.Document => "documentProcessingSeconds",
            _ => "videoProcessingSeconds",
        };
        var body = new Dictionary<string, double> { [name] = duration.TotalSeconds };
        await EnsureAsync(await _http.PutAsJsonAsync("sandbox/config", body, SandboxJson.Options, ct), ct);
    }

    /// <summary>The next <paramref name="count"/> uploads of <paramref name="kind"/> to complete end PROCESSING_FAILED.</summary>
    public async Task FailNextProcessingAsync(SandboxMediaKind kind, int count = 1, CancellationToken ct = default) =>
        await EnsureAsync(await _http.PostAsJsonAsync("sandbox/media/fail-processing", new { kind, count }, SandboxJson.Options, ct), ct);

    /// <summary>This media ends PROCESSING_FAILED instead of AVAILABLE; fails (409) once its processing has ended.</summary>
    public async Task FailProcessingAsync(string urn, CancellationToken ct = default) =>
        await EnsureAsync(await _http.PostAsJsonAsync("sandbox/media/fail-processing", new { urn }, SandboxJson.Options, ct), ct);

    /// <summary>The sandbox clock's now.</summary>
    public async Task<DateTimeOffset> GetClockAsync(CancellationToken ct = default) =>
        (await ReadAsync<ClockBody>(await _http.GetAsync("sandbox/clock", ct), ct))!.Now;

    /// <summary>Moves the sandbox clock to <paramref name="now"/>; it keeps running from there.</summary>
    public async Task SetClockAsync(DateTimeOffset now, CancellationToken ct = default) =>
        await EnsureAsync(await _http.PutAsJsonAsync("sandbox/clock", new { now }, SandboxJson.Options, ct), ct);

    /// <summary>Moves the sandbox clock forward (or back, with a negative span).</summary>
    public async Task AdvanceClockAsync(TimeSpan by, CancellationToken ct = default) =>
        await EnsureAsync(await _http.PostAsJsonAsync("sandbox/clock/advance", new { seconds = by.TotalSeconds }, SandboxJson.Options, ct), ct);

    /// <summary>Arms a fault for the next matching API requests.</summary>
    public async Task AddFaultAsync(SandboxFault fault, CancellationToken ct = default) =>
        await EnsureAsync(await _http.PostAsJsonAsync("sandbox/faults", fault, SandboxJson.Options, ct), ct);

    /// <summary>Disarms all faults.</summary>
    public async Task ClearFaultsAsync(CancellationToken ct = default) =>
        await EnsureAsync(await _http.DeleteAsync("sandbox/faults", ct), ct);

    /// <summary>The API requests seen so far, oldest first (admin calls are not recorded).</summary>
    public async Task<IReadOnlyList<SandboxRequestRecord>> GetRequestsAsync(CancellationToken ct = default) =>
        (await ReadAsync<List<SandboxRequestRecord>>(await _http.GetAsync("sandbox/requests", ct), ct))!;

    /// <summary>
    /// The answers that <see cref="SandboxFault.HoldAfterStoreMilliseconds"/> faults are keeping back right now:
    /// each request was handled (a create's post is stored) and its client has not had the answer yet.
    /// </summary>
    public async Task<IReadOnlyList<SandboxHeldResponse>> GetHeldResponsesAsync(CancellationToken ct = default) =>
        (await ReadAsync<List<SandboxHeldResponse>>(await _http.GetAsync("sandbox/held", ct), ct))!;

    /// <summary>Sets the daily limits (per member and per application).</summary>
    public async Task SetLimitsAsync(int memberDailyLimit, int appDailyLimit = 100000, CancellationToken ct = default) =>
        await EnsureAsync(await _http.PutAsJsonAsync("sandbox/config", new { memberDailyLimit, appDailyLimit }, SandboxJson.Options, ct), ct);

    /// <summary>
    /// Empties the sandbox: no members, apps, codes, tokens, posts, comments, media (their files deleted),
    /// faults or log, nobody signed in to the browser; default limits and processing times; the starting clock.
    /// </summary>
    public async Task ResetAsync(CancellationToken ct = default) =>
        await EnsureAsync(await _http.PostAsync("sandbox/reset", content: null, ct), ct);

    internal void Dispose() => _http.Dispose();

    private static long? Seconds(TimeSpan? lifetime) => lifetime is { } l ? Math.Max(1, (long)l.TotalSeconds) : null;

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            await ThrowIfFailedAsync(response, ct);
            return await response.Content.ReadFromJsonAsync<T>(SandboxJson.Options, ct);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            await ThrowIfFailedAsync(response, ct);
        }
    }

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException(
                string.Format(CultureInfo.InvariantCulture, "Sandbox admin call {0} {1} failed with {2}: {3}",
                    response.RequestMessage?.Method, response.RequestMessage?.RequestUri?.AbsolutePath, (int)response.StatusCode, text),
                inner: null, response.StatusCode);
        }
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);

    private sealed record ClockBody(DateTimeOffset Now);
}
