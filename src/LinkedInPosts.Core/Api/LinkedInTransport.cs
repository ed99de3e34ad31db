using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Api
{
    /// <summary>
    /// Sends one request with LinkedIn's headers, a per-call timeout and a log line, and turns every
    /// failure into a typed <see cref="LinkedInException"/>. No retries here: see <see cref="RetryPolicy"/>.
    /// </summary>
    internal sealed class LinkedInTransport : IDisposable
    {
        private const string RestLiProtocolVersion = "2.0.0";
        private const int UploadBufferSize = 128 * 1024; // per upload in flight: the only copy of the bytes we hold

        private readonly HttpClient _http;
        private readonly IAccessTokenSource _tokens;
        private readonly LinkedInClientOptions _options;

        public LinkedInTransport(IAccessTokenSource tokens, LinkedInClientOptions options)
        {
            _tokens = tokens;
            _options = options;
            // The per-call timeout is ours (so a timeout can be told apart from the caller cancelling).
            _http = new HttpClient { BaseAddress = options.Endpoints.ApiBase, Timeout = Timeout.InfiniteTimeSpan };
            _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("LinkedInPosts", typeof(LinkedInTransport).Assembly.GetName().Version?.ToString(3) ?? "0"));
        }

        public async Task<LinkedInResponse> SendAsync(LinkedInRequest request, CancellationToken cancellationToken)
        {
            var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            using var message = BuildMessage(request, token);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            var watch = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                _options.Log.Verbose($"{request.Display} -> no answer within {Seconds(_options.RequestTimeout)}");
                throw new LinkedInServerException(
                    $"{request.Display} timed out: {Host} did not answer within {Seconds(_options.RequestTimeout)}.", ex)
                { Request = request.Display };
            }
            catch (HttpRequestException ex)
            {
                _options.Log.Verbose($"{request.Display} -> failed after {watch.ElapsedMilliseconds} ms: {ex.Message}");
                throw new LinkedInServerException(
                    $"{request.Display} failed: could not get an answer from {Host} ({Innermost(ex)}). Check the network, proxy and firewall, then try again.", ex)
                { Request = request.Display };
            }

            using (response)
            {
                var body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                var status = (int)response.StatusCode;
                _options.Log.Verbose($"{request.Display} -> {status} {response.ReasonPhrase} ({watch.ElapsedMilliseconds} ms)");
                if (status >= 200 && status < 300)
                {
                    return new LinkedInResponse(status, response.Headers, body);
                }
                throw LinkedInErrorMapper.Map(request, status, response.Headers, body, _options);
            }
        }

        /// <summary>
        /// PUTs raw bytes to an upload URL. The timeout is a stall timeout: it restarts with every read of
        /// the body, so a large file on a slow link is not cut off while bytes are still flowing, and the
        /// answer must come within <see cref="LinkedInClientOptions.RequestTimeout"/> of the last byte.
        /// The Bearer token goes only to LinkedIn's own hosts and to the API host of this connection.
        /// </summary>
        public async Task<UploadResponse> UploadAsync(UploadRequest request, CancellationToken cancellationToken)
        {
            var token = SendsTokenTo(request.Url) ? await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false) : null;
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stall.CancelAfter(_options.RequestTimeout);
            var watch = Stopwatch.StartNew();
            using var body = new ObservedStream(request.OpenBody(), read =>
            {
                RestartStallTimer(stall);
                request.OnSent?.Invoke(read);
            });
            using var message = new HttpRequestMessage(HttpMethod.Put, request.Url) { Content = new StreamContent(body, UploadBufferSize) };
            message.Content.Headers.ContentLength = request.Length;
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            if (token != null)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, stall.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (body.ReadFailure != null && !cancellationToken.IsCancellationRequested)
            {
                // The file failed, not the network: sending it again would fail the same way.
                _options.Log.Verbose($"{request.Display} ({request.What}) -> stopped: the file could not be read");
                throw new LinkedInValidationException("Media", $"Uploading {request.What} stopped: {body.ReadFailure!.Message}", body.ReadFailure ?? ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                _options.Log.Verbose($"{request.Display} ({request.What}) -> no progress within {Seconds(_options.RequestTimeout)}");
                throw new LinkedInServerException(
                    $"Uploading {request.What} stalled: {request.Url.Authority} took no bytes and gave no answer for {Seconds(_options.RequestTimeout)}.", ex)
                { Request = request.Display };
            }
            catch (HttpRequestException ex)
            {
                _options.Log.Verbose($"{request.Display} ({request.What}) -> failed after {watch.ElapsedMilliseconds} ms: {ex.Message}");
                throw new LinkedInServerException(
                    $"Uploading {request.What} failed: the connection to {request.Url.Authority} broke ({Innermost(ex)}). Check the network, proxy and firewall, then try again.", ex)
                { Request = request.Display };
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                var text = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                _options.Log.Verbose($"{request.Display} ({request.What}, {request.Length} bytes) -> {status} {response.ReasonPhrase} ({watch.ElapsedMilliseconds} ms)");
                if (status >= 200 && status < 300)
                {
                    return new UploadResponse(status, response.Headers);
                }
                throw LinkedInErrorMapper.MapUpload(request, status, response.Headers, text, _options);
            }
        }

        public void Dispose() => _http.Dispose();

        /// <summary>
        /// LinkedIn's own examples send the Bearer token with the upload PUT, but the URL comes from an
        /// answer, so the token goes only where it already goes: LinkedIn's hosts over HTTPS, or this
        /// connection's API host (the sandbox's uploads live there).
        /// </summary>
        internal bool SendsTokenTo(Uri url)
        {
            var api = _options.Endpoints.ApiBase;
            if (string.Equals(url.Scheme, api.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(url.Host, api.Host, StringComparison.OrdinalIgnoreCase)
                && url.Port == api.Port)
            {
                return true;
            }
            return url.Scheme == Uri.UriSchemeHttps
                && (string.Equals(url.Host, "linkedin.com", StringComparison.OrdinalIgnoreCase)
                    || url.Host.EndsWith(".linkedin.com", StringComparison.OrdinalIgnoreCase));
        }

        private void RestartStallTimer(CancellationTokenSource stall)
        {
            try
            {
                stall.CancelAfter(_options.RequestTimeout);
            }
            catch (ObjectDisposedException)
            {
                // A read after the call ended: nothing left to time.
            }
        }

        private string Host => _options.Endpoints.ApiBase.Authority;

        private HttpRequestMessage BuildMessage(LinkedInRequest request, string token)
        {
            var message = new HttpRequestMessage(request.Method, request.Path);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (request.Versioned)
            {
                message.Headers.Add("LinkedIn-Version", _options.ApiVersion);
                message.Headers.Add("X-Restli-Protocol-Version", RestLiProtocolVersion);
            }
            if (request.RestLiMethod != null)
            {
                message.Headers.Add("X-RestLi-Method", request.RestLiMethod);
            }
            if (request.JsonBody != null)
            {
                message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
            }
            return message;
        }

        private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s";

        private static string Innermost(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }
            return ex.Message;
        }
    }
}
