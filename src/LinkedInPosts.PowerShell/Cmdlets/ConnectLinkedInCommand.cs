using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Threading.Tasks;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Connects to LinkedIn (or a LinkedIn sandbox) and keeps the connection in the OS account's protected
    /// token store. Every later command, and scheduled tasks running as the same account, find it there
    /// by name (-Connection; default 'default').
    /// <para>
    /// With -ClientId and -ClientSecret (or -Credential, or -Pkce) it runs LinkedIn's authorization code
    /// flow: it prints the sign-in URL (always, for sessions without a browser) and opens the system
    /// browser, receives LinkedIn's answer on the loopback -RedirectUri (default
    /// http://127.0.0.1:8400/callback: register exactly this URL in your LinkedIn app), checks it, exchanges
    /// the code, and resolves the member and, with -Organization, the pages they can post as. Ctrl+C stops
    /// the wait and frees the port.
    /// </para>
    /// <para>
    /// With -AccessToken (or LINKEDINPOSTS_ACCESS_TOKEN) it keeps a token you already have, from LinkedIn's
    /// token generator or a secret manager; its expiry is unknown unless -AccessTokenExpiresAt gives it.
    /// </para>
    /// The output describes the connection and never contains a token or secret.
    /// </summary>
    /// <remarks>
    /// No ShouldProcess: signing in is the user's explicit act of making this connection; it replaces only
    /// the connection of the same name.
    /// </remarks>
    /// <example>
    /// <code>Connect-LinkedIn -ClientId 78abcdefghijkl -ClientSecret (Read-Host -AsSecureString 'LinkedIn client secret')</code>
    /// <para>Signs in with your LinkedIn app in the browser and stores connection 'default'.</para>
    /// </example>
    /// <example>
    /// <code>Connect-LinkedIn -Credential (Get-Credential -UserName 78abcdefghijkl -Message 'LinkedIn client secret') -Organization -Name company</code>
    /// <para>Signs in for posting as the member's pages too (the app needs the Community Management API product).</para>
    /// </example>
    /// <example>
    /// <code>Connect-LinkedIn -ClientId 78abcdefghijkl -ClientSecret $secret -NoBrowser -AllowPlainTextTokenFile</code>
    /// <para>On a headless Linux server: open the printed URL on any machine whose browser can reach this one's loopback (for example through an SSH tunnel of port 8400), and keep the tokens in the opted-in plain-text file.</para>
    /// </example>
    /// <example>
    /// <code>Connect-LinkedIn -AccessToken (Read-Host -AsSecureString 'LinkedIn access token') -AccessTokenExpiresAt (Get-Date).AddDays(60)</code>
    /// <para>Keeps a token from LinkedIn's token generator; commands warn from 7 days before it expires.</para>
    /// </example>
    /// <example>
    /// <code>Connect-LinkedIn -ClientId $sandboxClientId -ClientSecret $sandboxSecret -ApiBaseUri http://127.0.0.1:5155/</code>
    /// <para>Signs in against the local sandbox (its OAuth endpoints are at http://127.0.0.1:5155/oauth/v2/).</para>
    /// </example>
    /// <seealso cref="GetLinkedInConnectionCommand"/>
    /// <seealso cref="TestLinkedInConnectionCommand"/>
    [Cmdlet(VerbsCommunications.Connect, "LinkedIn", DefaultParameterSetName = AccessTokenSet)]
    [OutputType(typeof(LinkedInConnection))]
    public sealed class ConnectLinkedInCommand : LinkedInCmdlet
    {
        /// <summary>The parameter set that connects with an access token.</summary>
        public const string AccessTokenSet = "AccessToken";

        /// <summary>The parameter set that signs in with the app's client id and secret.</summary>
        public const string OAuthSet = "OAuth";

        /// <summary>The parameter set that signs in with a PSCredential (client id as user name, secret as password).</summary>
        public const string CredentialSet = "OAuthCredential";

        /// <summary>The parameter set that signs in with PKCE, without a client secret.</summary>
        public const string PkceSet = "OAuthPkce";

        /// <summary>The environment variable read when -AccessToken is not given.</summary>
        public const string AccessTokenVariable = "LINKEDINPOSTS_ACCESS_TOKEN";

        /// <summary>
        /// The OAuth access token, as a SecureString (for example from Read-Host -AsSecureString
        /// or a secret manager). When omitted, the LINKEDINPOSTS_ACCESS_TOKEN environment variable is used.
        /// A plain string (such as the token the sandbox prints) is turned into a SecureString at once,
        /// but it stays in your command history: prefer Read-Host -AsSecureString for real tokens.
        /// </summary>
        [Parameter(ParameterSetName = AccessTokenSet, Position = 0)]
        [SecureStringTransformation]
        public SecureString? AccessToken { get; set; }

        /// <summary>
        /// When the -AccessToken expires, if you know it (LinkedIn's token generator shows it; tokens last
        /// 60 days). With it, every command warns from 7 days before and fails fast after it; without it the
        /// expiry is unknown until LinkedIn refuses the token.
        /// </summary>
        [Parameter(ParameterSetName = AccessTokenSet)]
        public DateTime? AccessTokenExpiresAt { get; set; }

        /// <summary>Your LinkedIn app's client id (the Auth tab of the app in the LinkedIn Developer Portal).</summary>
        [Parameter(ParameterSetName = OAuthSet, Mandatory = true)]
        [Parameter(ParameterSetName = PkceSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string ClientId { get; set; } = string.Empty;

        /// <summary>
        /// Your app's client secret, as a SecureString (PowerShell asks for it when omitted). A plain string is
        /// turned into a SecureString at once, as for -AccessToken. It is stored only when LinkedIn gives the
        /// app refresh tokens, which need it.
        /// </summary>
        [Parameter(ParameterSetName = OAuthSet, Mandatory = true)]
        [SecureStringTransformation]
        public SecureString? ClientSecret { get; set; }

        /// <summary>The app's client id as the user name and its client secret as the password.</summary>
        [Parameter(ParameterSetName = CredentialSet, Mandatory = true)]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>
        /// Signs in with PKCE instead of the client secret. Only for apps LinkedIn enabled the native client
        /// flow for (on request); such apps may use any loopback port.
        /// </summary>
        [Parameter(ParameterSetName = PkceSet, Mandatory = true)]
        public SwitchParameter Pkce { get; set; }

        /// <summary>
        /// The loopback URL LinkedIn sends the answer to, exactly as registered in your app (Auth tab,
        /// "Authorized redirect URLs for your app"). Default: http://127.0.0.1:8400/callback.
        /// </summary>
        [Parameter(ParameterSetName = OAuthSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = PkceSet)]
        [ValidateNotNull]
        public Uri RedirectUri { get; set; } = SignInRequest.DefaultRedirectUri;

        /// <summary>
        /// The scopes to ask for. Default: openid profile w_member_social (posting as yourself); with
        /// -Organization also w_organization_social r_organization_social rw_organization_admin. Reading your own
        /// posts (Get-LinkedInPost, Set-LinkedInPost -PassThru, the queue's read-back of an unclear create) needs
        /// r_member_social, which LinkedIn grants only to approved apps: -Scope openid, profile, w_member_social, r_member_social.
        /// </summary>
        [Parameter(ParameterSetName = OAuthSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = PkceSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Scope { get; set; }

        /// <summary>
        /// Asks for the scopes to post as the pages you administer, and records those pages (see
        /// Get-LinkedInConnection). Needs the Community Management API product on the app.
        /// </summary>
        [Parameter(ParameterSetName = OAuthSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = PkceSet)]
        public SwitchParameter Organization { get; set; }

        /// <summary>
        /// How long to wait for the sign-in to finish in the browser: a TimeSpan (00:02:00) or a number of
        /// seconds. Default: 5 minutes.
        /// </summary>
        [Parameter(ParameterSetName = OAuthSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = PkceSet)]
        [DurationTransformation]
        public TimeSpan Timeout { get; set; } = LoopbackRedirectListener.DefaultTimeout;

        /// <summary>Only prints the sign-in URL, without opening a browser (it is printed in any case).</summary>
        [Parameter(ParameterSetName = OAuthSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = PkceSet)]
        public SwitchParameter NoBrowser { get; set; }

        /// <summary>
        /// The name of the connection, used by -Connection on the other cmdlets. Connecting again
        /// with the same name replaces that connection. Default: 'default'.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [Alias("Connection")]
        public string Name { get; set; } = ConnectionRegistry.DefaultName;

        /// <summary>
        /// The API host to talk to instead of LinkedIn, for example a local sandbox
        /// (http://127.0.0.1:5155/). Its OAuth endpoints are taken to be at &lt;ApiBaseUri&gt;oauth/v2/.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? ApiBaseUri { get; set; }

        /// <summary>
        /// The LinkedIn-Version to send, YYYYMM or YYYYMM.RR (for example 202610). Default: LINKEDINPOSTS_API_VERSION when set,
        /// else the version this module was built and tested against.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ApiVersion { get; set; }

        /// <summary>
        /// Allows a plain-text token file (mode 0600 in the data folder) where no protected store works, as
        /// on headless Linux or under cron. Tasks that use it must set LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS=1.
        /// Every command that uses such a connection warns that its tokens are not protected.
        /// </summary>
        [Parameter]
        public SwitchParameter AllowPlainTextTokenFile { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var version = ResolveVersion();
            var endpoints = ResolveEndpoints();
            var store = OpenStore(AllowPlainTextTokenFile.IsPresent);
            WarnAboutStore(store);
            var stored = ParameterSetName == AccessTokenSet
                ? ConnectWithAccessToken(endpoints, version)
                : SignIn(endpoints, version);
            stored.Name = Name;
            stored.ApiBase = endpoints.ApiBase;
            stored.OAuthBase = endpoints.OAuthBase;
            stored.ApiVersion = ApiVersion;
            stored.ConnectedBy = OsAccount.Current;
            Save(store, stored);
        }

        private StoredConnection ConnectWithAccessToken(LinkedInEndpoints endpoints, string version)
        {
            var token = AccessToken ?? TokenFromEnvironment();
            if (token == null || SecureStringTokenSource.IsBlank(token))
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(
                    ErrorIds.NoAccessToken,
                    nameof(AccessToken),
                    $"No access token: pass -AccessToken (Read-Host -AsSecureString 'LinkedIn access token') or set the {AccessTokenVariable} environment variable. " +
                    "To sign in with your LinkedIn app instead, use -ClientId and -ClientSecret.",
                    null));
            }

            using (var tokens = new SecureStringTokenSource(token!))
            using (var client = new LinkedInClient(tokens, new LinkedInClientOptions { Endpoints = endpoints, ApiVersion = version, Log = AmbientLog.Instance }))
            {
                try
                {
                    WriteVerbose($"Connecting '{Name}' to {endpoints.ApiBase} (LinkedIn-Version {version}) with an access token.");
                    var member = Run(cancellationToken => client.GetMemberAsync(cancellationToken));
                    return new StoredConnection
                    {
                        MemberUrn = member.Urn,
                        MemberName = member.Name,
                        AccessToken = Run(cancellationToken => tokens.GetAccessTokenAsync(cancellationToken)),
                        AccessTokenExpiresAt = AccessTokenExpiresAt.HasValue ? new DateTimeOffset(AccessTokenExpiresAt.Value) : (DateTimeOffset?)null,
                        ConnectedAt = ModuleClock.Current.GetUtcNow(),
                    };
                }
                catch (LinkedInException exception)
                {
                    ThrowTerminatingError(LinkedInErrorRecords.From(exception, Name));
                    throw;
                }
            }
        }

        /// <summary>Runs LinkedIn's authorization code flow through Core; every refusal is a terminating error.</summary>
        private StoredConnection SignIn(LinkedInEndpoints endpoints, string version)
        {
            var (clientId, secret) = AppCredentials();
            var request = new SignInRequest
            {
                ConnectionName = Name,
                ClientId = clientId,
                ClientSecret = secret,
                UsePkce = Pkce.IsPresent,
                RedirectUri = RedirectUri,
                Scopes = Scopes(),
                ApiVersion = ApiVersion,
                Timeout = Timeout,
            };
            if (Timeout <= TimeSpan.Zero)
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(
                    ErrorIds.InvalidTimeout, nameof(Timeout), $"-Timeout must be positive (it was {Timeout}).", Timeout));
            }
            var flow = new AuthorizationCodeFlow(new LinkedInClientOptions
            {
                Endpoints = endpoints,
                ApiVersion = version,
                Log = AmbientLog.Instance,
                Clock = ModuleClock.Current,
            });
            WriteVerbose($"Signing in '{Name}' with app {clientId} at {endpoints.OAuthBase} (redirect {RedirectUri}, scopes {string.Join(" ", request.Scopes)}).");
            try
            {
                var stored = Run(cancellationToken => flow.SignInAsync(request, OpenBrowser, cancellationToken));
                stored.RedirectUri = RedirectUri;
                return stored;
            }
            catch (LinkedInException exception)
            {
                ThrowTerminatingError(LinkedInErrorRecords.From(exception, Name));
                throw;
            }
        }

        /// <summary>Prints the sign-in URL (always) and, unless -NoBrowser, opens it in the system browser.</summary>
        private Task OpenBrowser(Uri authorizationUri)
        {
            QueueHostMessage(
                "Sign in to LinkedIn in your browser. If no browser opens, open this address on a machine that can reach " +
                RedirectUri.GetLeftPart(UriPartial.Authority) + ":" + Environment.NewLine + authorizationUri.AbsoluteUri + Environment.NewLine +
                $"Waiting up to {Timeout.TotalMinutes:0.#} minutes for the answer on {RedirectUri} (Ctrl+C to stop).");
            if (!NoBrowser.IsPresent)
            {
                var failure = SystemBrowser.TryOpen(authorizationUri);
                AmbientLog.Instance.Verbose(failure == null ? "Opened the system browser." : "No browser was opened: " + failure + ".");
            }
            return Task.CompletedTask;
        }

        private (string ClientId, string? Secret) AppCredentials()
        {
            if (ParameterSetName == CredentialSet)
            {
                var user = Credential!.UserName ?? string.Empty;
                // Get-Credential on Windows may put a backslash before a bare user name; the client id is what follows it.
                var clientId = user.TrimStart('\\').Trim();
                if (clientId.Length == 0)
                {
                    ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(
                        ErrorIds.NoClientSecret, nameof(Credential), "-Credential needs the app's client id as its user name.", null));
                }
                return (clientId, Blank(Credential.Password) ? null : SecureStringTokenSource.ToPlainText(Credential.Password));
            }
            if (ParameterSetName == OAuthSet && (ClientSecret == null || Blank(ClientSecret)))
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(
                    ErrorIds.NoClientSecret,
                    nameof(ClientSecret),
                    "-ClientSecret is empty: pass the app's client secret (Read-Host -AsSecureString 'LinkedIn client secret'), or use -Pkce if LinkedIn enabled PKCE for the app.",
                    null));
            }
            return (ClientId.Trim(), ClientSecret == null ? null : SecureStringTokenSource.ToPlainText(ClientSecret));
        }

        private IReadOnlyList<string> Scopes()
        {
            var scopes = Scope != null
                ? Scope.SelectMany(s => LinkedInScopes.Parse(s)).ToList()
                : (Organization.IsPresent ? LinkedInScopes.MemberAndOrganizations : LinkedInScopes.Member).ToList();
            if (Scope != null && Organization.IsPresent)
            {
                scopes.AddRange(LinkedInScopes.MemberAndOrganizations.Where(s => !scopes.Contains(s, StringComparer.Ordinal)));
            }
            if (scopes.Count == 0)
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(ErrorIds.InvalidScope, nameof(Scope), "-Scope names no scope.", Scope));
            }
            return scopes;
        }

        private static bool Blank(SecureString value) => SecureStringTokenSource.IsBlank(value);

        /// <summary>Stores the connection, makes it this session's, and outputs its description.</summary>
        private void Save(LockedConnectionStore store, StoredConnection stored)
        {
            FromStore(store, s =>
            {
                s.Save(stored);
                return true;
            }, Name);
            var session = LinkedInSession.Open(stored, store, ModuleClock.Current);
            ConnectionRegistry.Current.Set(session);
            WriteVerbose($"Connection '{Name}' is kept in {store.Description} ({store.Location}).");
            WriteObject(session.Describe(ModuleClock.Current.GetUtcNow()));
        }

        private static SecureString? TokenFromEnvironment()
        {
            var value = Environment.GetEnvironmentVariable(AccessTokenVariable);
            return string.IsNullOrWhiteSpace(value) ? null : SecureStringTokenSource.FromPlainText(value!);
        }

        private string ResolveVersion()
        {
            try
            {
                return LinkedInApiVersion.Resolve(ApiVersion);
            }
            catch (ArgumentException exception)
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(
                    ErrorIds.InvalidApiVersion, nameof(ApiVersion), exception.Message, ApiVersion, exception));
                throw;
            }
        }

        private LinkedInEndpoints ResolveEndpoints()
        {
            if (ApiBaseUri == null)
            {
                return LinkedInEndpoints.Production;
            }
            if (!ApiBaseUri.IsAbsoluteUri || (ApiBaseUri.Scheme != Uri.UriSchemeHttps && ApiBaseUri.Scheme != Uri.UriSchemeHttp))
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(
                    ErrorIds.InvalidApiBaseUri,
                    nameof(ApiBaseUri),
                    $"-ApiBaseUri '{ApiBaseUri}' must be an absolute http or https address, for example http://127.0.0.1:5155/.",
                    ApiBaseUri));
            }
            var endpoints = LinkedInEndpoints.ForSandbox(ApiBaseUri);
            if (endpoints.ApiBase == LinkedInEndpoints.ProductionApiBase)
            {
                return LinkedInEndpoints.Production;
            }
            if (ApiBaseUri.Scheme == Uri.UriSchemeHttp && !ApiBaseUri.IsLoopback)
            {
                WriteWarning($"{ApiBaseUri} is plain http on another machine: the access token travels unencrypted. Use https, or a sandbox on this machine.");
            }
            return endpoints;
        }
    }
}
