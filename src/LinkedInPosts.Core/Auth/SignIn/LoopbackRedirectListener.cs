using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Diagnostics;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// Receives exactly one OAuth redirect from the member's browser, at the port and path of the redirect
    /// URI registered for the app. It listens on a loopback address only, never on all interfaces:
    /// <c>http://127.0.0.1:&lt;port&gt;/&lt;path&gt;</c> and <c>http://[::1]:&lt;port&gt;/&lt;path&gt;</c> bind that
    /// address; <c>http://localhost:&lt;port&gt;/&lt;path&gt;</c> binds 127.0.0.1 (browsers that try ::1 first for
    /// localhost fall back to 127.0.0.1 when nothing listens there). https and other hosts are refused
    /// before anything starts: a redirect to them cannot reach this machine's PowerShell.
    /// </summary>
    /// <remarks>
    /// Each connection is served on its own, so a browser's idle speculative connections cannot hold up the
    /// real request. GET requests to the redirect path that carry <c>code</c> or <c>error</c> end the wait,
    /// after the browser has been answered with a small page; other paths (favicon.ico) get 404, other
    /// methods 405, and requests without an answer 400, and the wait goes on.
    /// </remarks>
    public sealed class LoopbackRedirectListener : IDisposable
    {
        /// <summary>How long a sign-in may take by default.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        private const int MaxHeadLength = 16 * 1024;
        private static readonly TimeSpan ConnectionIdleLimit = TimeSpan.FromSeconds(10);

        private readonly TcpListener _listener;
        private readonly ILinkedInLog _log;
        private readonly string _path;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly TaskCompletionSource<AuthorizationResponse> _answer =
            new TaskCompletionSource<AuthorizationResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _stopped;

        private LoopbackRedirectListener(Uri redirectUri, IPEndPoint endpoint, ILinkedInLog log)
        {
            RedirectUri = redirectUri;
            _log = log;
            _path = PathOf(redirectUri);
            _listener = new TcpListener(endpoint);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                // No other program may bind the same port beside us and read the code.
                _listener.ExclusiveAddressUse = true;
            }
        }

        /// <summary>The redirect URI being listened for.</summary>
        public Uri RedirectUri { get; }

        /// <summary>The loopback address and port actually bound.</summary>
        public IPEndPoint LocalEndpoint => (IPEndPoint)_listener.LocalEndpoint;

        /// <summary>
        /// Starts listening for <paramref name="redirectUri"/>. A redirect URI this module cannot listen on is a
        /// <see cref="SignInFailureReason.RedirectUriNotSupported"/> error, a port that cannot be bound a
        /// <see cref="SignInFailureReason.PortUnavailable"/> error naming the port.
        /// </summary>
        public static LoopbackRedirectListener Start(Uri redirectUri, ILinkedInLog? log = null)
        {
            var endpoint = EndpointFor(redirectUri);
            var listener = new LoopbackRedirectListener(redirectUri, endpoint, log ?? NullLinkedInLog.Instance);
            try
            {
                listener._listener.Start();
            }
            catch (SocketException ex)
            {
                listener.Dispose();
                throw PortUnavailable(redirectUri, endpoint, ex);
            }
            listener._log.Verbose($"Listening for LinkedIn's sign-in answer on {Display(redirectUri)} ({listener.LocalEndpoint}).");
            _ = listener.AcceptLoopAsync();
            return listener;
        }

        /// <summary>
        /// The loopback address and port <paramref name="redirectUri"/> needs, or a
        /// <see cref="SignInFailureReason.RedirectUriNotSupported"/> error saying what to register instead.
        /// </summary>
        public static IPEndPoint EndpointFor(Uri redirectUri)
        {
            if (redirectUri == null)
            {
                throw new ArgumentNullException(nameof(redirectUri));
            }
            const string Expected = "Register a redirect URL like http://127.0.0.1:8400/callback for the app (its Auth tab in the LinkedIn Developer Portal) and pass it with -RedirectUri.";
            if (!redirectUri.IsAbsoluteUri)
            {
                throw Unsupported($"The redirect URI '{redirectUri}' is not an absolute URL. {Expected}");
            }
            if (redirectUri.Scheme != Uri.UriSchemeHttp)
            {
                throw Unsupported(
                    $"The redirect URI '{Display(redirectUri)}' uses {redirectUri.Scheme}: this module receives LinkedIn's answer itself, on this machine, over plain http on the loopback address (the answer never leaves the machine). {Expected}");
            }
            if (!string.IsNullOrEmpty(redirectUri.UserInfo) || redirectUri.OriginalString.IndexOf('#') >= 0)
            {
                throw Unsupported($"The redirect URI '{Display(redirectUri)}' has a user name or a '#' fragment, which LinkedIn does not allow. {Expected}");
            }
            IPAddress address;
            if (string.Equals(redirectUri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                address = IPAddress.Loopback;
            }
            else if (!IPAddress.TryParse(redirectUri.IdnHost.Trim('[', ']'), out address!) || !IPAddress.IsLoopback(address))
            {
                throw Unsupported(
                    $"The redirect URI '{Display(redirectUri)}' points at '{redirectUri.Host}', not at this machine: LinkedIn would send the sign-in answer there. Use 127.0.0.1, [::1] or localhost. {Expected}");
            }
            return new IPEndPoint(address, redirectUri.Port);
        }

        /// <summary>
        /// Waits for LinkedIn's answer. After <paramref name="timeout"/> a <see cref="SignInFailureReason.Timeout"/>
        /// error says what usually causes it; <paramref name="cancellationToken"/> (Ctrl+C) stops the listener at
        /// once and frees the port; disposing the listener ends the wait too. Either way, and after an answer,
        /// the listener is stopped.
        /// </summary>
        public async Task<AuthorizationResponse> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            if (timeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
            }
            using var expiry = new CancellationTokenSource(timeout);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(expiry.Token, cancellationToken, _stopping.Token);
            var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (both.Token.Register(() => stopped.TrySetResult(true)))
            {
                try
                {
                    var first = await Task.WhenAny(_answer.Task, stopped.Task).ConfigureAwait(false);
                    if (first == _answer.Task)
                    {
                        return await _answer.Task.ConfigureAwait(false);
                    }
                }
                finally
                {
                    Stop();
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (!expiry.IsCancellationRequested)
            {
                throw new ObjectDisposedException(nameof(LoopbackRedirectListener), "The listener was stopped before LinkedIn's answer arrived.");
            }
            _log.Verbose($"No sign-in answer reached {Display(RedirectUri)} within {Describe(timeout)}.");
            throw new LinkedInSignInException(
                SignInFailureReason.Timeout,
                $"No sign-in answer from LinkedIn reached {Display(RedirectUri)} within {Describe(timeout)}. " +
                $"If the browser showed a LinkedIn error page (such as \"The redirect_uri does not match the registered value\"), " +
                $"register exactly this redirect URL (scheme, host, port and path) on the app's Auth tab in {OAuthErrorMapper.DeveloperPortal}, " +
                "or pass one that is registered with -RedirectUri. Otherwise run Connect-LinkedIn again and finish signing in within the time allowed.");
        }

        /// <summary>Stops listening and frees the port; connections being answered are closed.</summary>
        public void Dispose() => Stop();

        private void Stop()
        {
            if (Interlocked.Exchange(ref _stopped, 1) != 0)
            {
                return;
            }
            _stopping.Cancel();
            _listener.Stop();
            _log.Verbose($"Stopped listening on {Display(RedirectUri)}.");
        }

        private async Task AcceptLoopAsync()
        {
            while (Volatile.Read(ref _stopped) == 0)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ObjectDisposedException || ex is SocketException || ex is InvalidOperationException)
                {
                    // Stop() closes the socket under a pending accept; anything else ends the wait as well.
                    if (Volatile.Read(ref _stopped) == 0)
                    {
                        _log.Verbose($"The listener on {Display(RedirectUri)} failed: {ex.Message}");
                        _answer.TrySetException(new LinkedInSignInException(
                            SignInFailureReason.PortUnavailable,
                            $"Listening for LinkedIn's sign-in answer on {Display(RedirectUri)} failed ({ex.Message}). Run Connect-LinkedIn again.", ex));
                    }
                    return;
                }
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            {
                idle.CancelAfter(ConnectionIdleLimit);
                // NetworkStream does not always honour a token: closing the socket ends a pending read.
                using (idle.Token.Register(() => client.Dispose()))
                {
                    try
                    {
                        var stream = client.GetStream();
                        var head = await ReadHeadAsync(stream, idle.Token).ConfigureAwait(false);
                        if (head == null)
                        {
                            return;
                        }
                        var request = RedirectRequest.Parse(head);
                        var (page, answer) = Decide(request);
                        await stream.WriteAsync(page, 0, page.Length, idle.Token).ConfigureAwait(false);
                        await stream.FlushAsync(idle.Token).ConfigureAwait(false);
                        client.Client.Shutdown(SocketShutdown.Send);
                        if (answer != null)
                        {
                            _answer.TrySetResult(answer);
                        }
                    }
                    catch (Exception ex) when (ex is System.IO.IOException || ex is SocketException || ex is ObjectDisposedException || ex is OperationCanceledException)
                    {
                        // A browser that went away, an idle connection, or the listener stopping: nothing to answer.
                    }
                }
            }
        }

        private (byte[] Page, AuthorizationResponse? Answer) Decide(RedirectRequest? request)
        {
            if (request == null)
            {
                return (RedirectPage.BadRequest(), null);
            }
            if (request.Method != "GET")
            {
                _log.Verbose($"Ignored {request.Method} {request.Path} on the sign-in listener (405).");
                return (RedirectPage.MethodNotAllowed(), null);
            }
            if (!string.Equals(request.Path, _path, StringComparison.Ordinal))
            {
                _log.Verbose($"Ignored GET {request.Path} on the sign-in listener (404).");
                return (RedirectPage.NotFound(), null);
            }
            var code = request["code"];
            var error = request["error"];
            if (string.IsNullOrEmpty(code) && string.IsNullOrEmpty(error))
            {
                _log.Verbose($"Ignored GET {request.Path} without code or error on the sign-in listener (400).");
                return (RedirectPage.Waiting(), null);
            }
            var answer = new AuthorizationResponse(code, request["state"], error, request["error_description"]);
            _log.Verbose(answer.Error == null
                ? $"Received LinkedIn's sign-in answer on {request.Path}."
                : $"Received LinkedIn's sign-in answer on {request.Path}: error {answer.Error}.");
            return (answer.Error == null ? RedirectPage.Received() : RedirectPage.Failed(answer.Error, answer.ErrorDescription), answer);
        }

        private static async Task<string?> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
        {
            var buffer = new byte[2048];
            var received = new StringBuilder();
            while (received.Length < MaxHeadLength)
            {
                var read = await stream.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }
                // The request line is ASCII (percent-encoded); header bytes beyond it do not matter.
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (RedirectRequest.HeadLength(received) >= 0)
                {
                    return received.ToString();
                }
            }
            return received.ToString();
        }

        private static LinkedInSignInException Unsupported(string message) =>
            new LinkedInSignInException(SignInFailureReason.RedirectUriNotSupported, message);

        private static LinkedInSignInException PortUnavailable(Uri redirectUri, IPEndPoint endpoint, SocketException ex)
        {
            var port = endpoint.Port.ToString(CultureInfo.InvariantCulture);
            var why = ex.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => $"port {port} on {endpoint.Address} is already in use by another program",
                SocketError.AccessDenied => $"this account may not listen on port {port} on {endpoint.Address} (the port is reserved or privileged)",
                SocketError.AddressNotAvailable => $"the address {endpoint.Address} is not available on this machine",
                _ => $"listening on port {port} on {endpoint.Address} failed ({ex.SocketErrorCode})",
            };
            return new LinkedInSignInException(
                SignInFailureReason.PortUnavailable,
                $"Cannot receive LinkedIn's sign-in answer at {Display(redirectUri)}: {why}. " +
                $"Close the program using port {port}, or run Connect-LinkedIn with -RedirectUri naming another redirect URL registered for the app, on a free port.",
                ex);
        }

        private static string PathOf(Uri redirectUri)
        {
            var path = Uri.UnescapeDataString(redirectUri.AbsolutePath);
            return path.Length == 0 ? "/" : path;
        }

        // The redirect URI as the user registered it, without its query (LinkedIn ignores the query when matching).
        private static string Display(Uri redirectUri) =>
            redirectUri.IsAbsoluteUri ? redirectUri.GetLeftPart(UriPartial.Path) : redirectUri.OriginalString;

        private static string Describe(TimeSpan span) =>
            span.TotalMinutes >= 1 && span.Seconds == 0 && span.Milliseconds == 0
                ? span.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + (span.TotalMinutes == 1 ? " minute" : " minutes")
                : span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
    }
}
