using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Cmdlets
{
    /// <summary>
    /// Asks LinkedIn whether a connection works now, for monitoring: it calls /v2/userinfo with the
    /// connection's token (refreshing it first where the connection can) and, when the store keeps the
    /// app's client secret, LinkedIn's token introspection. It outputs validity, status, member, scopes,
    /// expiry and days left; a failed test is an object with IsValid = $false (not an error), and with
    /// -Quiet just $true or $false, so a script alerts with one if.
    /// </summary>
    /// <example>
    /// <code>Test-LinkedInConnection</code>
    /// <para>Tests connection 'default': one row with its Name, IsValid, Status, the days its token has left, and a Message that says what was checked or what is wrong.</para>
    /// </example>
    /// <example>
    /// <code>if (-not (Test-LinkedInConnection -Name cron -Quiet)) { Send-MailMessage -Subject 'LinkedIn sign-in needed' ... }</code>
    /// <para>Alerts when scheduled posting would fail.</para>
    /// </example>
    /// <example>
    /// <code>Get-LinkedInConnection | Test-LinkedInConnection | Where-Object { -not $_.IsValid -or ($null -ne $_.AccessTokenDaysLeft -and $_.AccessTokenDaysLeft -lt 7) }</code>
    /// <para>Every connection that is broken or about to expire (one whose expiry is not known has no AccessTokenDaysLeft).</para>
    /// </example>
    /// <seealso cref="ConnectLinkedInCommand"/>
    /// <seealso cref="TestLinkedInPostQueueCommand"/>
    [Cmdlet(VerbsDiagnostic.Test, "LinkedInConnection", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(LinkedInConnectionTestResult), typeof(bool))]
    public sealed class TestLinkedInConnectionCommand : LinkedInCmdlet
    {
        /// <summary>The only parameter set: connections by name.</summary>
        public const string ByNameSet = "ByName";

        /// <summary>
        /// The connections to test; wildcards allowed (work-*: this session's and the store's connections that
        /// match). Accepts pipeline input by property name (Get-LinkedInConnection's output). Default: 'default'.
        /// </summary>
        [Parameter(ParameterSetName = ByNameSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [SupportsWildcards]
        [Alias("Connection")]
        public string[] Name { get; set; } = { ConnectionRegistry.DefaultName };

        /// <summary>Outputs only $true (valid) or $false for each connection.</summary>
        [Parameter(ParameterSetName = ByNameSet)]
        public SwitchParameter Quiet { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var name in Name.SelectMany(Expand))
            {
                var result = Test(ConnectionName(name));
                WriteObject(Quiet.IsPresent ? (object)result.IsValid : result);
            }
        }

        // A name with wildcards stands for this session's and the store's connections it matches, in name order.
        private IEnumerable<string> Expand(string name)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(name))
            {
                return new[] { name };
            }
            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
            return ConnectionRegistry.Current.Names
                .Concat(FromStore(OpenStore(), s => s.Load(), null).Select(c => c.Name))
                .Where(pattern.IsMatch)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        private LinkedInConnectionTestResult Test(string name)
        {
            var clock = ModuleClock.Current;
            var session = FindSession(name, out var store);
            if (session == null)
            {
                var missing = LinkedInErrorRecords.NotConnected(name, ConnectionRegistry.Current.Names, store!, FromStore(store!, s => s.Load(), name));
                return new LinkedInConnectionTestResult(name, false, LinkedInConnectionTestResult.NotFound, clock.GetUtcNow())
                {
                    Message = missing.ErrorDetails.Message,
                };
            }

            var stored = session.Stored;
            LinkedInMember member;
            try
            {
                member = Run(cancellationToken => session.Client.GetMemberAsync(cancellationToken));
            }
            catch (LinkedInException exception)
            {
                var status = exception is LinkedInAuthException auth ? auth.Reason.ToString() : exception.ErrorId;
                var message = exception is LinkedInAuthException authFailure
                    ? LinkedInErrorRecords.ForConnection(authFailure, session, name).ErrorDetails.Message
                    : exception.Message;
                return Describe(new LinkedInConnectionTestResult(name, false, status, clock.GetUtcNow()) { Message = message }, session, stored);
            }

            // The token may have been refreshed by the call: what the store holds now is what was tested.
            var current = FromStore(session.Store, s => s.Find(name), name) ?? stored;
            var result = Describe(new LinkedInConnectionTestResult(name, true, LinkedInConnectionTestResult.Valid, clock.GetUtcNow()), session, current);
            result.Member = member.Urn;
            result.MemberName = member.Name;
            return Introspect(result, session, current);
        }

        private LinkedInConnectionTestResult Introspect(LinkedInConnectionTestResult result, LinkedInSession session, StoredConnection current)
        {
            if (string.IsNullOrEmpty(current.ClientId) || string.IsNullOrEmpty(current.ClientSecret))
            {
                WriteVerbose($"Connection '{current.Name}': no client secret is stored, so LinkedIn's token introspection was not asked; the token worked for /v2/userinfo.");
                return result;
            }
            var options = new LinkedInClientOptions
            {
                Endpoints = new LinkedInEndpoints(current.ApiBase, current.OAuthBase),
                Log = AmbientLog.Instance,
            };
            TokenIntrospection introspection;
            using (var oauth = new OAuthClient(options))
            {
                try
                {
                    introspection = Run(cancellationToken => oauth.IntrospectAsync(current.ClientId!, current.ClientSecret!, current.AccessToken, cancellationToken));
                }
                catch (LinkedInException exception)
                {
                    WriteWarning($"Connection '{current.Name}': LinkedIn's token introspection failed ({exception.ErrorId}): {exception.Message}");
                    return result;
                }
            }
            var now = ModuleClock.Current.GetUtcNow();
            var checkedResult = introspection.Active
                ? result
                : new LinkedInConnectionTestResult(result.Name, false, Capitalized(introspection.Status), result.CheckedAt)
                {
                    Message = $"LinkedIn's token introspection says the token of connection '{current.Name}' is {introspection.Status}. Reconnect with: {Reconnect.CommandFor(current, !session.Store.IsProtected)}",
                    Member = result.Member,
                    MemberName = result.MemberName,
                    CanRefresh = result.CanRefresh,
                    ApiBaseUri = result.ApiBaseUri,
                };
            checkedResult.Introspected = true;
            if (introspection.Scopes.Count > 0)
            {
                checkedResult.Scopes = introspection.Scopes.ToArray();
            }
            checkedResult.AccessTokenExpiresAt = introspection.ExpiresAt ?? result.AccessTokenExpiresAt;
            checkedResult.AccessTokenDaysLeft = LinkedInConnection.DaysLeft(checkedResult.AccessTokenExpiresAt, now);
            return checkedResult;
        }

        private static LinkedInConnectionTestResult Describe(LinkedInConnectionTestResult result, LinkedInSession session, StoredConnection stored)
        {
            var now = ModuleClock.Current.GetUtcNow();
            result.Member = stored.MemberUrn;
            result.MemberName = stored.MemberName;
            result.Scopes = stored.Scopes.ToArray();
            result.AccessTokenExpiresAt = stored.AccessTokenExpiresAt;
            result.AccessTokenDaysLeft = LinkedInConnection.DaysLeft(stored.AccessTokenExpiresAt, now);
            result.CanRefresh = stored.CanRefreshAt(now) && !string.IsNullOrEmpty(stored.ClientId) && !string.IsNullOrEmpty(stored.ClientSecret);
            result.ApiBaseUri = session.Stored.ApiBase;
            return result;
        }

        private static string Capitalized(string status) =>
            string.IsNullOrEmpty(status) ? "Inactive" : char.ToUpperInvariant(status[0]) + status.Substring(1);
    }
}
