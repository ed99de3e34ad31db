using System;
using System.Collections.Generic;
using System.Linq;
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
    /// Removes connections from the OS account's token store (and from this session), and revokes their
    /// tokens at LinkedIn where that is possible: revoking needs the app's client id and secret, which the
    /// store keeps only for apps with refresh tokens; otherwise pass -ClientSecret, or the cmdlet says the
    /// token stays valid until it expires. -All -Force also resets a store that can no longer be read.
    /// </summary>
    /// <remarks>
    /// SupportsShouldProcess with ConfirmImpact Medium: removing a connection changes the store (shared with
    /// scheduled tasks) and LinkedIn, so -WhatIf and -Confirm are offered, but it destroys nothing that a
    /// new Connect-LinkedIn cannot make again, so it does not ask unless -Confirm is given.
    /// </remarks>
    /// <example>
    /// <code>Disconnect-LinkedIn -Name work</code>
    /// <para>Removes connection 'work' and revokes its token (a warning says when it cannot be revoked).</para>
    /// </example>
    /// <example>
    /// <code>Disconnect-LinkedIn -Name default -ClientSecret (Read-Host -AsSecureString 'LinkedIn client secret')</code>
    /// <para>Also revokes the token of an app without refresh tokens, whose secret the store does not keep.</para>
    /// </example>
    /// <example>
    /// <code>Disconnect-LinkedIn -All -Force</code>
    /// <para>Removes every connection; resets the token store even when it cannot be read (written by another account, or damaged).</para>
    /// </example>
    /// <seealso cref="GetLinkedInConnectionCommand"/>
    [Cmdlet(VerbsCommunications.Disconnect, "LinkedIn", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(LinkedInConnection))]
    public sealed class DisconnectLinkedInCommand : LinkedInCmdlet
    {
        /// <summary>Connections by name.</summary>
        public const string ByNameSet = "ByName";

        /// <summary>Every connection.</summary>
        public const string AllSet = "All";

        private readonly List<string> _names = new List<string>();

        /// <summary>
        /// The names of the connections to remove; wildcards allowed (test-*: the stored connections that match,
        /// each with its own -Confirm/-WhatIf). Accepts pipeline input by property name, so the output of
        /// Get-LinkedInConnection can be piped in. Default: 'default'.
        /// </summary>
        [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [SupportsWildcards]
        [Alias("Connection")]
        public string[] Name { get; set; } = { ConnectionRegistry.DefaultName };

        /// <summary>Removes every connection in the store.</summary>
        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        /// <summary>
        /// With -All: when the store cannot be read (written by another OS account, damaged, or from a newer
        /// module), resets it: every stored connection is removed without revoking its tokens.
        /// </summary>
        [Parameter(ParameterSetName = AllSet)]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// The app's client secret, to revoke the tokens of a connection whose secret the store does not keep
        /// (apps without refresh tokens). A plain string is turned into a SecureString at once.
        /// </summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? ClientSecret { get; set; }

        /// <summary>Writes the description of each removed connection.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord() => _names.AddRange(Name);

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var store = OpenStore();
            WarnAboutStore(store);
            if (All.IsPresent)
            {
                RemoveAll(store);
                return;
            }
            var stored = FromStore(store, s => s.Load(), null);
            // A name with wildcards stands for the stored connections it matches (none is no error, as for Remove-Item).
            var names = _names.SelectMany(name => WildcardPattern.ContainsWildcardCharacters(name)
                ? stored.Select(c => c.Name).Where(new WildcardPattern(name, WildcardOptions.IgnoreCase).IsMatch)
                : new[] { name });
            foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var connection = stored.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
                if (connection == null)
                {
                    ConnectionRegistry.Current.Remove(name);
                    WriteError(LinkedInErrorRecords.NotConnected(name, ConnectionRegistry.Current.Names, store, stored));
                    continue;
                }
                Remove(store, connection);
            }
        }

        private void RemoveAll(LockedConnectionStore store)
        {
            IReadOnlyList<StoredConnection> stored;
            try
            {
                stored = store.Load();
            }
            catch (LinkedInTokenStoreException exception) when (exception.Failure == TokenStoreFailure.Unreadable && Force.IsPresent)
            {
                WriteWarning(exception.Message);
                if (ShouldProcess($"the LinkedInPosts token store ({store}): every connection in it, without revoking their tokens", "Reset"))
                {
                    FromStore(store, s =>
                    {
                        s.Reset();
                        return true;
                    }, store.Location);
                    ConnectionRegistry.Current.Clear();
                }
                return;
            }
            catch (LinkedInTokenStoreException exception)
            {
                ThrowTerminatingError(LinkedInErrorRecords.From(exception, store.Location));
                return;
            }
            foreach (var connection in stored)
            {
                Remove(store, connection);
            }
        }

        private void Remove(LockedConnectionStore store, StoredConnection connection)
        {
            var description = $"LinkedIn connection '{connection.Name}' ({connection.MemberName}, {connection.ApiBase}) in {store.Description}";
            if (!ShouldProcess(description, "Disconnect and revoke its tokens"))
            {
                return;
            }
            Revoke(connection);
            FromStore(store, s => s.Delete(connection.Name), connection.Name);
            ConnectionRegistry.Current.Remove(connection.Name);
            WriteVerbose($"Connection '{connection.Name}' removed from {store.Description}.");
            if (PassThru.IsPresent)
            {
                WriteObject(new LinkedInConnection(connection, store.Description, store.IsProtected, ModuleClock.Current.GetUtcNow()));
            }
        }

        /// <summary>Revokes the access and refresh tokens, or warns why it cannot; removal goes on either way.</summary>
        private void Revoke(StoredConnection connection)
        {
            var secret = connection.ClientSecret;
            if (string.IsNullOrEmpty(secret) && ClientSecret != null && !SecureStringTokenSource.IsBlank(ClientSecret))
            {
                secret = SecureStringTokenSource.ToPlainText(ClientSecret);
            }
            if (string.IsNullOrEmpty(connection.ClientId) || string.IsNullOrEmpty(secret))
            {
                var why = string.IsNullOrEmpty(connection.ClientId)
                    ? "it was made with an access token, and revoking needs the client id and secret of the app that issued it"
                    : "revoking needs the app's client secret, which the store does not keep for apps without refresh tokens; pass -ClientSecret to revoke";
                WriteWarning($"The token of connection '{connection.Name}' was not revoked at LinkedIn: {why}. It stays valid until it expires" +
                    (connection.AccessTokenExpiresAt.HasValue ? " on " + connection.AccessTokenExpiresAt.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : string.Empty) +
                    ", unless the member removes the app at https://www.linkedin.com/psettings/permitted-services.");
                return;
            }
            var options = new LinkedInClientOptions
            {
                Endpoints = new LinkedInEndpoints(connection.ApiBase, connection.OAuthBase),
                Log = AmbientLog.Instance,
            };
            using (var oauth = new OAuthClient(options))
            {
                try
                {
                    Run(async cancellationToken =>
                    {
                        await oauth.RevokeAsync(connection.ClientId!, secret!, connection.AccessToken, cancellationToken).ConfigureAwait(false);
                        if (!string.IsNullOrEmpty(connection.RefreshToken))
                        {
                            await oauth.RevokeAsync(connection.ClientId!, secret!, connection.RefreshToken!, cancellationToken).ConfigureAwait(false);
                        }
                    });
                    WriteVerbose($"The tokens of connection '{connection.Name}' are revoked at LinkedIn.");
                }
                catch (LinkedInException exception)
                {
                    WriteWarning($"The token of connection '{connection.Name}' could not be revoked at LinkedIn ({exception.ErrorId}): {exception.Message} The connection is removed from the store anyway.");
                }
            }
        }
    }
}
