using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// LinkedIn's OAuth 2.0 endpoints under <see cref="LinkedInEndpoints.OAuthBase"/> (linkedin-api.md 5):
    /// the authorization URL, code exchange, refresh, introspection and revocation. Form-encoded POSTs; one
    /// log line per call (<c>POST /oauth/v2/accessToken -> 200 OK (35 ms)</c>) and never a secret, code,
    /// verifier or token in a log line or message. Refresh, introspection and revocation are retried after
    /// transient failures; a code exchange never is (a code is single-use). Thread-safe; dispose it.
    /// </summary>
    public sealed class OAuthClient : IDisposable
    {
        private const string AuthorizationPath = "authorization";
        private const string AccessTokenPath = "accessToken";
        private const string IntrospectPath = "introspectToken";
        private const string RevokePath = "revoke";

        private readonly LinkedInClientOptions _options;
        private readonly HttpClient _http;
        private readonly RetryPolicy _retry;

        /// <summary>A client for <paramref name="options"/>' OAuth base, timeout, log and clock.</summary>
        public OAuthClient(LinkedInClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            options.Validate();
            _retry = new RetryPolicy(options);
            _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("LinkedInPosts", typeof(OAuthClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
            _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        /// <summary>The OAuth base the calls go to.</summary>
        public Uri OAuthBase => _options.Endpoints.OAuthBase;

        /// <summary>
        /// The URL to send the member's browser to: <c>response_type=code</c>, the client id, the redirect URI
        /// exactly as given (it must match a registered one), the space-delimited scopes, the state and, for
        /// PKCE apps, the S256 challenge.
        /// </summary>
        public Uri BuildAuthorizationUri(string clientId, Uri redirectUri, IEnumerable<string> scopes, string state, string? pkceChallenge = null)
        {
            Require(clientId, nameof(clientId));
            Require(state, nameof(state));
            var scopeList = (scopes ?? throw new ArgumentNullException(nameof(scopes))).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
            if (scopeList.Count == 0)
            {
                throw new ArgumentException("At least one scope is needed.", nameof(scopes));
            }
            var query = new StringBuilder()
                .Append("response_type=code")
                .Append("&client_id=").Append(Uri.EscapeDataString(clientId))
                .Append("&redirect_uri=").Append(Uri.EscapeDataString(RedirectText(redirectUri)))
                .Append("&state=").Append(Uri.EscapeDataString(state))
                .Append("&scope=").Append(Uri.EscapeDataString(string.Join(" ", scopeList)));
            if (!string.IsNullOrEmpty(pkceChallenge))
            {
                query.Append("&code_challenge=").Append(Uri.EscapeDataString(pkceChallenge))
                    .Append("&code_challenge_method=").Append(PkcePair.Method);
            }
            return new Uri(new Uri(OAuthBase, AuthorizationPath) + "?" + query);
        }

        /// <summary>
        /// Exchanges an authorization code for tokens. Send <paramref name="clientSecret"/> (confidential apps),
        /// <paramref name="codeVerifier"/> (PKCE apps), or both. <paramref name="redirectUri"/> must be the one
        /// the authorization URL named.
        /// </summary>
        public Task<TokenGrant> ExchangeCodeAsync(string clientId, string? clientSecret, string code, Uri redirectUri, string? codeVerifier, CancellationToken cancellationToken = default)
        {
            Require(clientId, nameof(clientId));
            Require(code, nameof(code));
            if (string.IsNullOrEmpty(clientSecret) && string.IsNullOrEmpty(codeVerifier))
            {
                throw new ArgumentException("Either the client secret or the PKCE code verifier is needed.", nameof(clientSecret));
            }
            var redirect = RedirectText(redirectUri);
            var fields = new List<KeyValuePair<string, string>>
            {
                Field("grant_type", "authorization_code"),
                Field("code", code),
                Field("client_id", clientId),
                Field("redirect_uri", redirect),
            };
            if (!string.IsNullOrEmpty(clientSecret))
            {
                fields.Add(Field("client_secret", clientSecret!));
            }
            if (!string.IsNullOrEmpty(codeVerifier))
            {
                fields.Add(Field("code_verifier", codeVerifier!));
            }
            var call = new FormCall(OAuthOperation.ExchangeCode, AccessTokenPath, fields, clientId, redirect, new[] { clientSecret, code, codeVerifier });
            return SendAsync(call, ReadGrant, cancellationToken);
        }

        /// <summary>A new access token for a refresh token (LinkedIn's refresh grant always needs the client secret).</summary>
        public Task<TokenGrant> RefreshAsync(string clientId, string clientSecret, string refreshToken, CancellationToken cancellationToken = default)
        {
            Require(clientId, nameof(clientId));
            Require(clientSecret, nameof(clientSecret));
            Require(refreshToken, nameof(refreshToken));
            var fields = new List<KeyValuePair<string, string>>
            {
                Field("grant_type", "refresh_token"),
                Field("refresh_token", refreshToken),
                Field("client_id", clientId),
                Field("client_secret", clientSecret),
            };
            var call = new FormCall(OAuthOperation.Refresh, AccessTokenPath, fields, clientId, null, new[] { clientSecret, refreshToken });
            return _retry.ExecuteAsync(call.Display(OAuthBase), ct => SendAsync(call, ReadGrant, ct), cancellationToken);
        }

        /// <summary>What LinkedIn knows about an access token of this app (active, expired or revoked, scopes, times).</summary>
        public Task<TokenIntrospection> IntrospectAsync(string clientId, string clientSecret, string token, CancellationToken cancellationToken = default)
        {
            Require(clientId, nameof(clientId));
            Require(clientSecret, nameof(clientSecret));
            Require(token, nameof(token));
            var call = new FormCall(OAuthOperation.Introspect, IntrospectPath, CredentialsAndToken(clientId, clientSecret, token), clientId, null, new[] { clientSecret, token });
            return _retry.ExecuteAsync(call.Display(OAuthBase), ct => SendAsync(call, ReadIntrospection, ct), cancellationToken);
        }

        /// <summary>Revokes an access or refresh token of this app; revoking an unknown token also succeeds.</summary>
        public Task RevokeAsync(string clientId, string clientSecret, string token, CancellationToken cancellationToken = default)
        {
            Require(clientId, nameof(clientId));
            Require(clientSecret, nameof(clientSecret));
            Require(token, nameof(token));
            var call = new FormCall(OAuthOperation.Revoke, RevokePath, CredentialsAndToken(clientId, clientSecret, token), clientId, null, new[] { clientSecret, token });
            return _retry.ExecuteAsync(call.Display(OAuthBase), ct => SendAsync(call, (_, _) => true, ct), cancellationToken);
        }

        /// <inheritdoc />
        public void Dispose() => _http.Dispose();

        /// <summary>The redirect URI exactly as the user wrote it: LinkedIn compares it character by character.</summary>
        internal static string RedirectText(Uri redirectUri)
        {
            if (redirectUri == null)
            {
                throw new ArgumentNullException(nameof(redirectUri));
            }
            if (!redirectUri.IsAbsoluteUri)
            {
                throw new ArgumentException($"The redirect URI '{redirectUri}' must be absolute.", nameof(redirectUri));
            }
            return redirectUri.OriginalString.Trim();
        }

        private async Task<T> SendAsync<T>(FormCall call, Func<JsonElement, DateTimeOffset, T> read, CancellationToken cancellationToken)
        {
            var display = call.Display(OAuthBase);
            // Lifetimes count from before the request left, so a token never seems to live longer than it does.
            var sentAt = _options.Clock.GetUtcNow();
            using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(OAuthBase, call.Path)) { Content = new FormUrlEncodedContent(call.Fields) };
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
                _options.Log.Verbose($"{display} -> no answer within {Seconds(_options.RequestTimeout)}");
                throw new LinkedInServerException($"{display} timed out: {OAuthBase.Authority} did not answer within {Seconds(_options.RequestTimeout)}.", ex) { Request = display };
            }
            catch (HttpRequestException ex)
            {
                var reason = SecretScrubber.Scrub(Innermost(ex), call.Secrets);
                _options.Log.Verbose($"{display} -> failed after {watch.ElapsedMilliseconds} ms: {reason}");
                throw new LinkedInServerException(
                    $"{display} failed: could not get an answer from {OAuthBase.Authority} ({reason}). Check the network, proxy and firewall, then try again.", ex)
                { Request = display };
            }

            using (response)
            {
                var body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                var status = (int)response.StatusCode;
                _options.Log.Verbose($"{display} -> {status} {response.ReasonPhrase} ({watch.ElapsedMilliseconds} ms)");
                if (status < 200 || status >= 300)
                {
                    throw OAuthErrorMapper.Map(call.Operation, display, status, body, call.ClientId, call.RedirectUri, call.Secrets);
                }
                if (call.Operation == OAuthOperation.Revoke)
                {
                    return read(default, sentAt);
                }
                try
                {
                    using var document = JsonDocument.Parse(body);
                    return read(document.RootElement, sentAt);
                }
                catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidOperationException)
                {
                    // The body holds tokens: only what is missing is said, never the body.
                    throw new LinkedInServerException($"{display} answered {status} with a body this module cannot read ({SecretScrubber.Scrub(ex.Message, call.Secrets)}).", ex)
                    {
                        HttpStatus = status,
                        Request = display,
                    };
                }
            }
        }

        private static TokenGrant ReadGrant(JsonElement root, DateTimeOffset sentAt)
        {
            var accessToken = String(root, "access_token");
            if (string.IsNullOrEmpty(accessToken))
            {
                throw new FormatException("it has no access_token");
            }
            var expiresIn = Number(root, "expires_in") ?? throw new FormatException("it has no expires_in");
            var refreshToken = String(root, "refresh_token");
            var refreshExpiresIn = Number(root, "refresh_token_expires_in");
            return new TokenGrant(
                accessToken!,
                sentAt.AddSeconds(expiresIn),
                refreshToken,
                refreshExpiresIn.HasValue ? sentAt.AddSeconds(refreshExpiresIn.Value) : (DateTimeOffset?)null,
                LinkedInScopes.Parse(String(root, "scope")));
        }

        private static TokenIntrospection ReadIntrospection(JsonElement root, DateTimeOffset sentAt)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("active", out var active) || (active.ValueKind != JsonValueKind.True && active.ValueKind != JsonValueKind.False))
            {
                throw new FormatException("it has no 'active'");
            }
            return new TokenIntrospection
            {
                Active = active.GetBoolean(),
                Status = String(root, "status") ?? (active.GetBoolean() ? "active" : "inactive"),
                AuthType = String(root, "auth_type"),
                ClientId = String(root, "client_id"),
                Scopes = LinkedInScopes.Parse(String(root, "scope")),
                AuthorizedAt = EpochSeconds(root, "authorized_at"),
                CreatedAt = EpochSeconds(root, "created_at"),
                ExpiresAt = EpochSeconds(root, "expires_at"),
            };
        }

        private static string? String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        // LinkedIn sends numbers; a string holding a number is read too rather than failing a sign-in over it.
        private static long? Number(JsonElement element, string name)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
            {
                return number;
            }
            if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }
            return null;
        }

        private static DateTimeOffset? EpochSeconds(JsonElement element, string name) =>
            Number(element, name) is long seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;

        private static List<KeyValuePair<string, string>> CredentialsAndToken(string clientId, string clientSecret, string token) =>
            new List<KeyValuePair<string, string>> { Field("client_id", clientId), Field("client_secret", clientSecret), Field("token", token) };

        private static KeyValuePair<string, string> Field(string name, string value) => new KeyValuePair<string, string>(name, value);

        private static void Require(string value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{name} is required.", name);
            }
        }

        private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

        private static string Innermost(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }
            return ex.Message;
        }

        /// <summary>One form POST: where, what, and which values must never be echoed.</summary>
        private sealed class FormCall
        {
            public FormCall(OAuthOperation operation, string path, List<KeyValuePair<string, string>> fields, string clientId, string? redirectUri, string?[] secrets)
            {
                Operation = operation;
                Path = path;
                Fields = fields;
                ClientId = clientId;
                RedirectUri = redirectUri;
                Secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray();
            }

            public OAuthOperation Operation { get; }

            public string Path { get; }

            public List<KeyValuePair<string, string>> Fields { get; }

            public string ClientId { get; }

            public string? RedirectUri { get; }

            public string[] Secrets { get; }

            public string Display(Uri oauthBase) => "POST " + new Uri(oauthBase, Path).AbsolutePath;
        }
    }
}
