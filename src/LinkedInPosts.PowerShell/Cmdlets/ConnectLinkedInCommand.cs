using System;
using System.Management.Automation;
using System.Security;
using LinkedInPosts.Core.Api;
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

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var token = AccessToken ?? TokenFromEnvironment();
            if (token == null || SecureStringTokenSource.IsBlank(token))
            {
                ThrowTerminatingError(LinkedInErrorRecords.InvalidArgument(
                    ErrorIds.NoAccessToken,
                    nameof(AccessToken),
                    $"No access token: pass -AccessToken (Read-Host -AsSecureString 'LinkedIn access token') or set the {AccessTokenVariable} environment variable.",
                    null));
            }

            var version = ResolveVersion();
            var endpoints = ResolveEndpoints();

            var tokens = new SecureStringTokenSource(token!);
            var options = new LinkedInClientOptions
            {
                Endpoints = endpoints,
                ApiVersion = version,
                Log = AmbientLog.Instance,
            };
            var client = new LinkedInClient(tokens, options);
            LinkedInMember member;
            try
            {
                WriteVerbose($"Connecting '{Name}' to {endpoints.ApiBase} (LinkedIn-Version {version}).");
                member = Run(cancellationToken => client.GetMemberAsync(cancellationToken));
            }
            catch (LinkedInException exception)
            {
                client.Dispose();
                tokens.Dispose();
                ThrowTerminatingError(LinkedInErrorRecords.From(exception, Name));
                return;
            }
            catch
            {
                client.Dispose();
                tokens.Dispose();
                throw;
            }

            var connection = new LinkedInConnection(
                Name,
                member.Urn,
                member.Name,
                endpoints.ApiBase,
                version,
                isSandbox: !endpoints.IsProduction,
                connectedAt: DateTimeOffset.Now);
            ConnectionRegistry.Current.Set(new LinkedInSession(connection, client, tokens));
            WriteObject(connection);
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
