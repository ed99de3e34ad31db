using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Queue.Runner;
using LinkedInPosts.PowerShell.Connections;

namespace LinkedInPosts.PowerShell.Queue
{
    /// <summary>
    /// The queue runner's connections, read from the OS account's token store: the account a scheduled
    /// task runs as is the account whose connections it uses. Never prompts and never opens a browser: a
    /// connection that is missing, expired without a refresh, or unreadable is an exception the runner turns
    /// into one problem for that connection, holding its posts. Called from the runner's worker thread, so
    /// it never writes to the pipeline (its warnings go through the ambient log, which the cmdlet drains).
    /// </summary>
    internal sealed class StoredQueueConnections : IQueueConnections, IDisposable
    {
        private readonly LockedConnectionStore _store;
        private readonly TimeProvider _clock;
        private readonly object _gate = new object();
        private readonly List<LinkedInSession> _sessions = new List<LinkedInSession>();
        private readonly Dictionary<string, string> _reconnect = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public StoredQueueConnections(LockedConnectionStore store, TimeProvider clock)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        }

        /// <summary>
        /// The stored connection <paramref name="connectionName"/>, opened, with a usable token (refreshed
        /// when it can be). The runner calls this once per connection per run.
        /// </summary>
        public QueueConnection Open(string connectionName, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = _store.Find(connectionName);
            if (stored == null)
            {
                var command = Reconnect.CommandForNew(connectionName);
                Remember(connectionName, command);
                throw new LinkedInAuthException(AuthFailureReason.Missing,
                    $"There is no connection named '{connectionName}' in the token store of OS account {OsAccount.Current} ({_store.Description}), so its posts stay Pending. " +
                    $"Run {command} as {OsAccount.Current}, the account that runs the queue (or -AccessToken {Reconnect.ReadAccessToken} for a token you have). The store belongs to the OS account: a connection made as another account is not visible here.");
            }

            var plainText = !_store.IsProtected;
            Remember(stored.Name, Reconnect.CommandFor(stored, plainText));
            var session = LinkedInSession.Open(stored, _store, _clock);
            try
            {
                // Before any post is claimed for it: an expired connection fails here, once, not per post.
                session.EnsureTokenAsync(cancellationToken).GetAwaiter().GetResult();
            }
            catch (LinkedInAuthException exception)
            {
                var explained = session.Explain(exception);
                session.Dispose();
                throw explained;
            }
            catch
            {
                session.Dispose();
                throw;
            }
            lock (_gate)
            {
                _sessions.Add(session);
            }
            return new QueueConnection(stored.Name, session.Client, session.Member)
            {
                WhyCannotPostAs = session.WhyCannotPostAs,
                CanReadBackPosts = CanReadBack(stored.Scopes),
                ExplainAuthFailure = session.Explain,
            };
        }

        /// <summary>The command that makes connection <paramref name="name"/> (again), once Open was asked for it.</summary>
        public string ReconnectCommandFor(string name)
        {
            lock (_gate)
            {
                return _reconnect.TryGetValue(name, out var command) ? command : Reconnect.CommandForNew(name);
            }
        }

        /// <summary>
        /// True when the granted scopes let the runner read the author's posts back (LinkedIn's author finder)
        /// for every kind of author the connection can post as: r_member_social with w_member_social, and
        /// r_organization_social with w_organization_social. Unknown scopes (a token brought as is) are false,
        /// so the runner settles an unknown outcome with LinkedIn's duplicate answer instead.
        /// </summary>
        internal static bool CanReadBack(IReadOnlyCollection<string> scopes)
        {
            bool Has(string scope) => scopes.Contains(scope, StringComparer.Ordinal);
            var member = !Has(LinkedInScopes.MemberSocialWrite) || Has(LinkedInScopes.MemberSocialRead);
            var pages = !Has(LinkedInScopes.OrganizationSocialWrite) || Has(LinkedInScopes.OrganizationSocialRead);
            return member && pages && (Has(LinkedInScopes.MemberSocialRead) || Has(LinkedInScopes.OrganizationSocialRead));
        }

        private void Remember(string name, string command)
        {
            lock (_gate)
            {
                _reconnect[name] = command;
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                foreach (var session in _sessions)
                {
                    session.Dispose();
                }
                _sessions.Clear();
            }
        }
    }
}
