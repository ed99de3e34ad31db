using System;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// The access token of a stored connection, kept usable. Before each call: a token that expires within
    /// <see cref="RefreshMargin"/> is refreshed when the connection can be (a refresh token, not expired, and
    /// the client secret), inside <see cref="IConnectionStore.UpdateAsync"/> so that of several processes only
    /// one refreshes and the others take its token; a connection that cannot be refreshed and has expired
    /// fails at once, without a call to LinkedIn, naming the command that reconnects it; one that will end
    /// within <see cref="ExpiryWarning"/> warns on every use (linkedin-api.md pitfall 3: most apps get no
    /// refresh token). Thread-safe.
    /// </summary>
    public sealed class ConnectionTokenSource : IAccessTokenSource
    {
        /// <summary>Refresh this long before the access token expires.</summary>
        public static readonly TimeSpan DefaultRefreshMargin = TimeSpan.FromMinutes(10);

        /// <summary>Warn this long before a connection ends for good.</summary>
        public static readonly TimeSpan DefaultExpiryWarning = TimeSpan.FromDays(7);

        // Marks an exception this class already wrote for its connection, so Explain does not wrap it twice.
        private const string ExplainedKey = "LinkedInPosts.Connection";

        private static readonly Regex BareName = new Regex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);

        private readonly IConnectionStore _store;
        private readonly LinkedInClientOptions _options;
        private StoredConnection _connection;
        private string? _refusedToken;

        // The access token whose refresh LinkedIn refused in this process: not asked again (nor warned again) on every
        // later call of the command while it still works; once it has expired the refusal is the error.
        private string? _refreshRefusedFor;

        /// <summary>
        /// A source for <paramref name="connection"/>, as loaded from <paramref name="store"/>. The log, clock,
        /// timeouts and retries come from <paramref name="options"/>; the OAuth host from the connection.
        /// </summary>
        public ConnectionTokenSource(IConnectionStore store, StoredConnection connection, LinkedInClientOptions? options = null)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
            if (connection == null)
            {
                throw new ArgumentNullException(nameof(connection));
            }
            _connection = connection.Clone();
            _options = (options ?? new LinkedInClientOptions()).Copy();
            _options.Endpoints = new LinkedInEndpoints(connection.ApiBase, connection.OAuthBase);
            _options.Validate();
        }

        /// <summary>The connection's name.</summary>
        public string ConnectionName => Volatile.Read(ref _connection).Name;

        /// <summary>How long before expiry the access token is refreshed (default 10 minutes).</summary>
        public TimeSpan RefreshMargin { get; set; } = DefaultRefreshMargin;

        /// <summary>How long before a connection ends for good each use warns (default 7 days).</summary>
        public TimeSpan ExpiryWarning { get; set; } = DefaultExpiryWarning;

        /// <summary>
        /// The command that makes the connection anew: <c>Connect-LinkedIn -Name n -ClientId id</c> for a
        /// connection made by signing in, <c>-AccessToken</c> for a token brought as is, plus <c>-ApiBaseUri</c>
        /// for a sandbox.
        /// </summary>
        public static string ReconnectCommand(StoredConnection connection)
        {
            if (connection == null)
            {
                throw new ArgumentNullException(nameof(connection));
            }
            var command = "Connect-LinkedIn -Name " + Quote(connection.Name);
            command += string.IsNullOrEmpty(connection.ClientId)
                ? " -AccessToken (Read-Host -AsSecureString 'LinkedIn access token')"
                : " -ClientId " + Quote(connection.ClientId!);
            if (connection.ApiBase != LinkedInEndpoints.ProductionApiBase)
            {
                command += " -ApiBaseUri " + connection.ApiBase.AbsoluteUri;
            }
            return command;
        }

        /// <inheritdoc />
        public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            var connection = Volatile.Read(ref _connection);
            if (IsDue(connection, Now))
            {
                connection = await RenewAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            var now = Now;
            if (IsExpired(connection, now))
            {
                throw Expired(connection, refusal: null);
            }
            WarnIfEndingSoon(connection, now);
            return connection.AccessToken;
        }

        /// <summary>
        /// The same error, told for this connection: which connection LinkedIn refused (401 revoked, expired,
        /// invalid) and the exact command that reconnects it. A 401 "expired" on a connection that can refresh
        /// makes the next call refresh first, whatever this computer's clock says.
        /// </summary>
        public LinkedInAuthException Explain(LinkedInAuthException exception)
        {
            if (exception == null)
            {
                throw new ArgumentNullException(nameof(exception));
            }
            var connection = Volatile.Read(ref _connection);
            if (exception.Data[ExplainedKey] is string explained && explained == connection.Name)
            {
                return exception;
            }
            var now = Now;
            var reconnect = ReconnectCommand(connection);
            string message;
            switch (exception.Reason)
            {
                case AuthFailureReason.Revoked:
                    message = $"Connection '{connection.Name}': LinkedIn says its access token was revoked (by the member, a page admin or LinkedIn). ";
                    message += now - connection.ConnectedAt < TimeSpan.FromMinutes(5)
                        ? $"LinkedIn sometimes says this for a minute or two right after sign-in: wait a minute and try again. If it persists, sign in again: {reconnect}"
                        : $"Sign in again: {reconnect}";
                    break;
                case AuthFailureReason.Expired when CanRefresh(connection, now):
                    Volatile.Write(ref _refusedToken, connection.AccessToken);
                    message = $"Connection '{connection.Name}': LinkedIn says its access token has expired although it should last until {Date(connection.AccessTokenExpiresAt)} (is this computer's clock right?). " +
                        $"The next call refreshes it first: run the command again. If that fails too, sign in again: {reconnect}";
                    break;
                case AuthFailureReason.Expired:
                    message = $"Connection '{connection.Name}': LinkedIn says its access token has expired. Sign in again: {reconnect}";
                    break;
                case AuthFailureReason.Missing:
                    message = $"Connection '{connection.Name}' has no access token. Connect again: {reconnect}";
                    break;
                default:
                    message = $"Connection '{connection.Name}': LinkedIn does not accept its access token (it may belong to another app or have been replaced). Sign in again: {reconnect}";
                    break;
            }
            var told = new LinkedInAuthException(exception.Reason, message, exception)
            {
                HttpStatus = exception.HttpStatus,
                ServiceErrorCode = exception.ServiceErrorCode,
                LinkedInCode = exception.LinkedInCode,
                Request = exception.Request,
            };
            told.Data[ExplainedKey] = connection.Name;
            return told;
        }

        /// <summary>Name only: never a token.</summary>
        public override string ToString() => "ConnectionTokenSource(" + ConnectionName + ")";

        private DateTimeOffset Now => _options.Clock.GetUtcNow();

        private bool IsDue(StoredConnection connection, DateTimeOffset now) =>
            (connection.AccessTokenExpiresAt is DateTimeOffset expires && expires - now <= RefreshMargin && (expires <= now || !LastsAsLongAsItsRefreshToken(connection, expires)))
            || (Volatile.Read(ref _refusedToken) is string refused && refused == connection.AccessToken);

        // LinkedIn caps a refreshed access token at its refresh token's end: in the refresh token's last minutes another
        // refresh cannot give more, and every call of a run refreshed again (a token-endpoint call and a store write each).
        // Within a minute: both ends are counted in whole seconds from different moments.
        private static bool LastsAsLongAsItsRefreshToken(StoredConnection connection, DateTimeOffset expires) =>
            !string.IsNullOrEmpty(connection.RefreshToken) && connection.RefreshTokenExpiresAt is DateTimeOffset ends && ends - expires <= TimeSpan.FromMinutes(1);

        private static bool IsExpired(StoredConnection connection, DateTimeOffset now) =>
            connection.AccessTokenExpiresAt is DateTimeOffset expires && expires <= now;

        private static bool CanRefresh(StoredConnection connection, DateTimeOffset now) =>
            connection.CanRefreshAt(now) && !string.IsNullOrEmpty(connection.ClientId) && !string.IsNullOrEmpty(connection.ClientSecret);

        private async Task<StoredConnection> RenewAsync(StoredConnection known, CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _refreshRefusedFor) == known.AccessToken && !IsExpired(known, Now))
            {
                // Refused already: not asked again, but a reconnect (another window, another process) since is taken up.
                var reconnected = _store.Find(known.Name);
                return reconnected != null && reconnected.AccessToken != known.AccessToken ? Adopt(reconnected) : known;
            }
            if (!CanRefresh(known, Now))
            {
                // Another process may have reconnected it since it was loaded: the store has the last word.
                var stored = IsExpired(known, Now) ? _store.Find(known.Name) : null;
                return stored != null && stored.AccessToken != known.AccessToken ? Adopt(stored) : known;
            }
            StoredConnection? refreshed = null;
            try
            {
                var updated = await _store.UpdateAsync(known.Name, async (current, ct) => refreshed = await RefreshIfStillDueAsync(current, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                return Adopt(updated);
            }
            catch (LinkedInTokenStoreException unsaved) when (refreshed != null && refreshed.AccessToken != known.AccessToken)
            {
                // LinkedIn gave new tokens, but they could not be written: this process goes on with them rather than
                // failing with a token that works (and a refresh token LinkedIn may have replaced would be lost either way).
                _options.Log.Warning($"Connection '{known.Name}' was refreshed, but the new token could not be saved ({unsaved.Message}). " +
                    $"This command uses it; other commands go on with the stored token, valid until {Date(known.AccessTokenExpiresAt)}, and refresh it again. " +
                    "Should a later refresh be refused, run " + ReconnectCommand(known) + ".");
                return Adopt(refreshed);
            }
            catch (Exception ex) when (ex is LinkedInSignInException || ex is LinkedInServerException || ex is LinkedInTokenStoreException)
            {
                var now = Now;
                if (!IsExpired(known, now))
                {
                    // A refresh refused, LinkedIn not answering, or the store busy (another process refreshing slowly
                    // holds its lock): the token is still good, so this call goes on with it.
                    var why = ex is LinkedInSignInException refused
                        ? Refused(refused) + " Run " + ReconnectCommand(known) + " before then."
                        : ex.Message + " The next call tries again.";
                    if (ex is LinkedInSignInException)
                    {
                        Volatile.Write(ref _refreshRefusedFor, known.AccessToken);
                    }
                    _options.Log.Warning($"Connection '{known.Name}' could not be refreshed, so it goes on with its current token, valid until {Date(known.AccessTokenExpiresAt)}. {why}");
                    return known;
                }
                if (ex is LinkedInSignInException refusal)
                {
                    throw Expired(known, refusal);
                }
                throw;
            }
        }

        /// <summary>Runs under the store's lock, on the connection as stored now.</summary>
        private async Task<StoredConnection> RefreshIfStillDueAsync(StoredConnection current, CancellationToken cancellationToken)
        {
            var now = Now;
            if (!IsDue(current, now))
            {
                _options.Log.Verbose($"Connection '{current.Name}' was refreshed meanwhile (by another process or command); using that token, valid until {Date(current.AccessTokenExpiresAt)}.");
                return current;
            }
            if (!CanRefresh(current, now))
            {
                return current;
            }
            _options.Log.Verbose($"Refreshing connection '{current.Name}': its access token expires {Date(current.AccessTokenExpiresAt)}.");
            TokenGrant grant;
            using (var oauth = new OAuthClient(_options))
            {
                grant = await oauth.RefreshAsync(current.ClientId!, current.ClientSecret!, current.RefreshToken!, cancellationToken).ConfigureAwait(false);
            }
            var updated = current.Clone();
            updated.AccessToken = grant.AccessToken;
            updated.AccessTokenExpiresAt = grant.AccessTokenExpiresAt;
            if (grant.RefreshToken != null && grant.RefreshToken != current.RefreshToken)
            {
                updated.RefreshToken = grant.RefreshToken;
                updated.RefreshTokenExpiresAt = grant.RefreshTokenExpiresAt ?? current.RefreshTokenExpiresAt;
            }
            else
            {
                updated.RefreshTokenExpiresAt = KeptRefreshExpiry(current.RefreshTokenExpiresAt, grant.RefreshTokenExpiresAt);
            }
            if (grant.Scopes.Count > 0)
            {
                updated.Scopes = new System.Collections.Generic.List<string>(grant.Scopes);
            }
            _options.Log.Verbose($"Refreshed connection '{current.Name}': the access token now lasts until {Date(updated.AccessTokenExpiresAt)}, the refresh token until {Date(updated.RefreshTokenExpiresAt)}.");
            return updated;
        }

        /// <summary>
        /// LinkedIn does not reset a refresh token's lifetime (linkedin-api.md 5.3): its answer counts down
        /// from the original expiry, so the stored instant stays unless the answer clearly extends it.
        /// </summary>
        private static DateTimeOffset? KeptRefreshExpiry(DateTimeOffset? original, DateTimeOffset? answered)
        {
            if (original == null)
            {
                return answered;
            }
            if (answered == null)
            {
                return original;
            }
            return answered.Value - original.Value > TimeSpan.FromMinutes(5) ? answered : original;
        }

        private StoredConnection Adopt(StoredConnection connection)
        {
            var copy = connection.Clone();
            Volatile.Write(ref _connection, copy);
            return copy;
        }

        private void WarnIfEndingSoon(StoredConnection connection, DateTimeOffset now)
        {
            if (CanRefresh(connection, now))
            {
                if (connection.RefreshTokenExpiresAt is DateTimeOffset end && end - now <= ExpiryWarning)
                {
                    _options.Log.Warning(
                        $"Connection '{connection.Name}' can be refreshed only until {Date(end)}, in {Span(end - now)}: LinkedIn's refresh tokens last a year from sign-in and are not extended. " +
                        $"Run {ReconnectCommand(connection)} before then.");
                }
                return;
            }
            if (connection.AccessTokenExpiresAt is DateTimeOffset expires && expires - now <= ExpiryWarning)
            {
                _options.Log.Warning(
                    $"Connection '{connection.Name}' expires in {Span(expires - now)} (on {Date(expires)}). {WhyNoRefresh(connection, now)}: run {ReconnectCommand(connection)} before then.");
            }
        }

        private LinkedInAuthException Expired(StoredConnection connection, LinkedInSignInException? refusal)
        {
            var now = Now;
            var why = refusal == null ? WhyNoRefresh(connection, now) + "." : Refused(refusal);
            var exception = new LinkedInAuthException(
                AuthFailureReason.Expired,
                $"Connection '{connection.Name}' expired on {Date(connection.AccessTokenExpiresAt)}. {why} Sign in again: {ReconnectCommand(connection)}",
                refusal);
            exception.Data[ExplainedKey] = connection.Name;
            return exception;
        }

        private static string Refused(LinkedInSignInException refusal) =>
            refusal.Reason == SignInFailureReason.ClientRejected
                ? "LinkedIn refused the app's client id or secret when refreshing it (a secret regenerated in the Developer Portal must be given anew)."
                : "LinkedIn refused to refresh it: its refresh token has expired or was revoked.";

        private static string WhyNoRefresh(StoredConnection connection, DateTimeOffset now)
        {
            if (string.IsNullOrEmpty(connection.ClientId))
            {
                return "It was made with an access token as is, which cannot be refreshed";
            }
            if (string.IsNullOrEmpty(connection.RefreshToken))
            {
                return "LinkedIn gives this app no refresh token (only apps approved for programmatic refresh get one)";
            }
            if (!connection.CanRefreshAt(now))
            {
                return $"Its refresh token expired on {Date(connection.RefreshTokenExpiresAt)} (LinkedIn's refresh tokens last a year from sign-in)";
            }
            return "Its client secret was not kept, and LinkedIn needs it to refresh";
        }

        private static string Quote(string value) => BareName.IsMatch(value) ? value : "'" + value.Replace("'", "''") + "'";

        private static string Date(DateTimeOffset? instant) =>
            instant is DateTimeOffset value ? value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "an unknown date";

        private static string Span(TimeSpan left)
        {
            if (left.TotalDays >= 1)
            {
                var days = (int)Math.Floor(left.TotalDays);
                return days == 1 ? "1 day" : days.ToString(CultureInfo.InvariantCulture) + " days";
            }
            if (left.TotalHours >= 1)
            {
                var hours = (int)Math.Floor(left.TotalHours);
                return hours == 1 ? "1 hour" : hours.ToString(CultureInfo.InvariantCulture) + " hours";
            }
            var minutes = Math.Max(1, (int)Math.Ceiling(left.TotalMinutes));
            return minutes == 1 ? "1 minute" : minutes.ToString(CultureInfo.InvariantCulture) + " minutes";
        }
    }
}
