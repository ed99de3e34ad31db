using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// Signs a member in with LinkedIn's authorization code flow (linkedin-api.md 5.1, 5.2) and resolves who
    /// they are: a random state (and a PKCE pair for native apps), the authorization URL handed to a
    /// callback that opens the browser, the loopback listener for the answer, the state check, the code
    /// exchange, then /v2/userinfo and, when organization scopes were granted, the member's pages. The
    /// result is a filled <see cref="StoredConnection"/> that is not saved yet.
    /// </summary>
    public sealed class AuthorizationCodeFlow
    {
        private static readonly Regex QuotedScope = new Regex("\"(?<scope>[^\"]+)\"", RegexOptions.CultureInvariant);

        private readonly LinkedInClientOptions _options;

        /// <summary>A flow against <paramref name="options"/>' endpoints, with its log, clock and timeouts.</summary>
        public AuthorizationCodeFlow(LinkedInClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            options.Validate();
        }

        /// <summary>
        /// How long to wait before asking again when LinkedIn calls a token revoked right after issuing it
        /// (linkedin-api.md pitfall 11: a propagation delay). Two more tries are made.
        /// </summary>
        public TimeSpan FreshTokenRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>Makes the PKCE pair (tests replace it to see the verifier that must never leak).</summary>
        internal Func<PkcePair> CreatePkce { get; set; } = () => PkcePair.Create();

        /// <summary>
        /// Runs the sign-in. <paramref name="openBrowser"/> gets the authorization URL once the listener is up:
        /// the cmdlet opens the system browser and also prints the URL for sessions without one (print
        /// <see cref="Uri.AbsoluteUri"/>: <see cref="Uri.ToString"/> unescapes the query and breaks the link).
        /// Failures are <see cref="LinkedInSignInException"/>s; cancelling stops the listener at once.
        /// </summary>
        public async Task<StoredConnection> SignInAsync(SignInRequest request, Func<Uri, Task> openBrowser, CancellationToken cancellationToken = default)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }
            if (openBrowser == null)
            {
                throw new ArgumentNullException(nameof(openBrowser));
            }
            request.Validate();
            var scopes = request.Scopes.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
            var state = OAuthState.Create();
            var pkce = request.UsePkce ? CreatePkce() : null;

            using var oauth = new OAuthClient(_options);
            var authorizationUri = oauth.BuildAuthorizationUri(request.ClientId, request.RedirectUri, scopes, state, pkce?.Challenge);

            AuthorizationResponse answer;
            using (var listener = LoopbackRedirectListener.Start(request.RedirectUri, _options.Log))
            {
                var waiting = listener.WaitAsync(request.Timeout, cancellationToken);
                try
                {
                    _options.Log.Verbose($"Opening LinkedIn's sign-in page for app {request.ClientId} (scopes: {string.Join(" ", scopes)}).");
                    await openBrowser(authorizationUri).ConfigureAwait(false);
                }
                catch
                {
                    listener.Dispose();
                    Observe(waiting);
                    throw;
                }
                answer = await waiting.ConfigureAwait(false);
            }

            var code = Check(answer, state, request);
            var grant = await oauth.ExchangeCodeAsync(request.ClientId, request.ClientSecret, code, request.RedirectUri, pkce?.Verifier, cancellationToken).ConfigureAwait(false);
            var granted = grant.Scopes.Count > 0 ? grant.Scopes.ToList() : scopes;
            _options.Log.Verbose($"Signed in; LinkedIn granted: {string.Join(" ", granted)}.");

            var clientOptions = _options.Copy();
            clientOptions.ApiVersion = request.ApiVersion ?? _options.ApiVersion;
            using var client = new LinkedInClient(new StaticAccessTokenSource(grant.AccessToken), clientOptions);
            var member = await WithFreshTokenAsync(ct => client.GetMemberAsync(ct), cancellationToken).ConfigureAwait(false);
            var organizations = LinkedInScopes.AllowOrganizationLookup(granted)
                ? await OrganizationsAsync(client, cancellationToken).ConfigureAwait(false)
                : new List<ConnectionOrganization>();

            return new StoredConnection
            {
                Name = request.ConnectionName.Trim(),
                MemberUrn = member.Urn,
                MemberName = member.Name,
                Organizations = organizations,
                Scopes = granted,
                AccessToken = grant.AccessToken,
                AccessTokenExpiresAt = grant.AccessTokenExpiresAt,
                RefreshToken = grant.RefreshToken,
                RefreshTokenExpiresAt = grant.RefreshTokenExpiresAt,
                ApiBase = _options.Endpoints.ApiBase,
                OAuthBase = _options.Endpoints.OAuthBase,
                ApiVersion = request.ApiVersion,
                ClientId = request.ClientId,
                // The secret is kept only where a refresh needs it; otherwise it is not stored at all.
                ClientSecret = grant.RefreshToken != null ? request.ClientSecret : null,
                UsesPkce = request.UsePkce,
                ConnectedAt = _options.Clock.GetUtcNow(),
                ConnectedBy = OsAccount.Current,
            };
        }

        /// <summary>The code, once the answer is known to belong to this sign-in and to carry one.</summary>
        private string Check(AuthorizationResponse answer, string state, SignInRequest request)
        {
            if (!OAuthState.Matches(state, answer.State))
            {
                throw new LinkedInSignInException(
                    SignInFailureReason.StateMismatch,
                    $"The sign-in answer that reached {request.RedirectUri} does not belong to this sign-in (its state differs), so it was not used. " +
                    "Another sign-in may have been under way at the same time, or a page tried to slip in an answer of its own. Run Connect-LinkedIn again.")
                { OAuthError = answer.Error };
            }
            if (answer.Error != null)
            {
                throw Refused(answer, request);
            }
            if (answer.Code == null)
            {
                throw new LinkedInSignInException(SignInFailureReason.AuthorizationFailed, "LinkedIn's sign-in answer carried neither a code nor an error. Run Connect-LinkedIn again.");
            }
            return answer.Code;
        }

        private static LinkedInSignInException Refused(AuthorizationResponse answer, SignInRequest request)
        {
            var said = string.IsNullOrEmpty(answer.ErrorDescription) ? answer.Error! : answer.ErrorDescription!;
            switch (answer.Error)
            {
                case "user_cancelled_authorize":
                case "user_cancelled_login":
                    var page = answer.Error == "user_cancelled_login" ? "sign-in" : "consent";
                    return new LinkedInSignInException(
                        SignInFailureReason.Cancelled,
                        $"The sign-in was cancelled on LinkedIn's {page} page, so nothing was connected. Run Connect-LinkedIn again to sign in.")
                    { OAuthError = answer.Error };
                case "unauthorized_scope_error":
                case "invalid_scope_error":
                case "invalid_scope":
                    var scope = RefusedScope(said, request.Scopes);
                    var product = scope == null ? null : LinkedInScopes.ProductFor(scope);
                    var which = scope == null ? "one of the scopes asked for (" + string.Join(" ", request.Scopes) + ")" : "the scope '" + scope + "'";
                    return new LinkedInSignInException(
                        SignInFailureReason.ScopeNotAuthorized,
                        $"LinkedIn refused {which}: app {request.ClientId} is not provisioned for it ({said}). " +
                        (product == null
                            ? "Add the product that grants it to the app"
                            : $"The app needs the product that grants it, {product}: add it") +
                        $" on the app's Products tab in {OAuthErrorMapper.DeveloperPortal}, or sign in without that scope.")
                    { OAuthError = answer.Error, Scope = scope };
                default:
                    return new LinkedInSignInException(
                        SignInFailureReason.AuthorizationFailed,
                        $"LinkedIn did not complete the sign-in: {answer.Error} ({said}). Run Connect-LinkedIn again; if it fails the same way, check the app's settings in {OAuthErrorMapper.DeveloperPortal}.")
                    { OAuthError = answer.Error };
            }
        }

        // LinkedIn names the scope in quotes ("Scope \"r_ads\" is not authorized for your application").
        private static string? RefusedScope(string description, IEnumerable<string> requested)
        {
            foreach (Match match in QuotedScope.Matches(description))
            {
                var candidate = match.Groups["scope"].Value;
                if (requested.Contains(candidate, StringComparer.Ordinal))
                {
                    return candidate;
                }
            }
            var named = requested.Where(s => description.IndexOf(s, StringComparison.Ordinal) >= 0).OrderByDescending(s => s.Length).FirstOrDefault();
            return named;
        }

        private async Task<T> WithFreshTokenAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        {
            const int Tries = 3;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await call(cancellationToken).ConfigureAwait(false);
                }
                catch (LinkedInAuthException ex) when (ex.Reason == AuthFailureReason.Revoked && attempt < Tries)
                {
                    _options.Log.Verbose($"LinkedIn called the new token revoked, which it sometimes does for a moment right after sign-in; asking again in {FreshTokenRetryDelay.TotalSeconds:0.##} s.");
                    await Task.Delay(FreshTokenRetryDelay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task<List<ConnectionOrganization>> OrganizationsAsync(LinkedInClient client, CancellationToken cancellationToken)
        {
            try
            {
                var organizations = await WithFreshTokenAsync(ct => client.GetOrganizationsAsync(ct), cancellationToken).ConfigureAwait(false);
                _options.Log.Verbose(organizations.Count == 0
                    ? "The member holds no approved role on a LinkedIn page."
                    : "Pages the member can act for: " + string.Join(", ", organizations.Select(o => (o.Name.Length > 0 ? o.Name + " " : string.Empty) + o.Urn + " (" + o.Role + ")")) + ".");
                return organizations.ToList();
            }
            catch (LinkedInException ex)
            {
                // Signing in worked; only the list of pages is missing, which posting as a page does not need.
                _options.Log.Warning($"The pages this member can post for could not be listed: {ex.Message} The connection works; to post as a page, give its URN (urn:li:organization:<id>) as the author.");
                return new List<ConnectionOrganization>();
            }
        }

        private static void Observe(Task task) =>
            task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
