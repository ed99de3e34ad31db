using System;
using System.Management.Automation;
using System.Security;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Connects this PowerShell session to LinkedIn (or to a LinkedIn sandbox) with an access token.
    /// Resolves who the token belongs to (/v2/userinfo) and keeps the connection, by name, in
    /// this session's memory only. Other cmdlets pick it with -Connection (default: 'default').
    /// The output describes the connection and never contains the token.
    /// </summary>
    /// <remarks>
    /// No ShouldProcess: connecting changes nothing outside this PowerShell session (the same goes for
    /// a future Disconnect-LinkedIn), so there is nothing for -WhatIf to protect.
    /// </remarks>
    [Cmdlet(VerbsCommunications.Connect, "LinkedIn", DefaultParameterSetName = AccessTokenSet)]
    [OutputType(typeof(LinkedInConnection))]
    public sealed class ConnectLinkedInCommand : LinkedInCmdlet
    {
        /// <summary>The parameter set that connects with an access token.</summary>
        public const string AccessTokenSet = "AccessToken";

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
        /// The name of the connection, used by -Connection on the other cmdlets. Connecting again
        /// with the same name replaces that connection. Default: 'default'.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string Name { get; set; } = ConnectionRegistry.DefaultName;

        /// <summary>
        /// The API host to talk to instead of LinkedIn, for example a local sandbox
        /// (http://127.0.0.1:5155/). Its OAuth endpoints are taken to be at &lt;ApiBaseUri&gt;oauth/v2/.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? ApiBaseUri { get; set; }

        /// <summary>
        /// The LinkedIn-Version (YYYYMM) to send. Default: LINKEDINPOSTS_API_VERSION when set,
        /// else the version this module was built and tested against.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ApiVersion { get; set; }

        /// <summary>
        /// When the -AccessToken expires, if you know it (LinkedIn's token generator shows it; tokens last
        /// 60 days). With it, every command warns from 7 days before and fails fast after it; without it the
        /// expiry is unknown until LinkedIn refuses the token.
        /// </summary>
        [Parameter(ParameterSetName = AccessTokenSet)]
        public DateTime? AccessTokenExpiresAt { get; set; }

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
            var stored = ConnectWithAccessToken(endpoints, version);
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
