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

        public void Dispose() => _http.Dispose();

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
