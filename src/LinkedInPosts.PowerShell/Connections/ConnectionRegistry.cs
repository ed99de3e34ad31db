using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace LinkedInPosts.PowerShell.Connections
{
    /// <summary>
    /// The connections of one PowerShell session, by name (case-insensitive, <c>default</c> unless
    /// named). Each runspace has its own registry, like its variables: a thread job or a
    /// <c>ForEach-Object -Parallel</c> runspace connects for itself, and two hosts in one process never
    /// see each other's tokens. Connections live in memory only; closing the runspace disposes them.
    /// </summary>
    internal sealed class ConnectionRegistry
    {
        /// <summary>The name used when <c>-Name</c> / <c>-Connection</c> is not given.</summary>
        public const string DefaultName = "default";

        private static readonly ConditionalWeakTable<Runspace, ConnectionRegistry> PerRunspace = new ConditionalWeakTable<Runspace, ConnectionRegistry>();
        private static readonly ConnectionRegistry NoRunspace = new ConnectionRegistry();

        private readonly object _gate = new object();
        private readonly Dictionary<string, LinkedInSession> _sessions = new Dictionary<string, LinkedInSession>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The registry of the runspace running the current pipeline.</summary>
        public static ConnectionRegistry Current => For(Runspace.DefaultRunspace);

        /// <summary>The registry of <paramref name="runspace"/> (a process-wide one when there is none).</summary>
        public static ConnectionRegistry For(Runspace? runspace)
        {
            if (runspace == null)
            {
                return NoRunspace;
            }
            return PerRunspace.GetValue(runspace, CreateFor);
        }

        private static ConnectionRegistry CreateFor(Runspace runspace)
        {
            var registry = new ConnectionRegistry();
            runspace.StateChanged += (sender, args) =>
            {
                if (args.RunspaceStateInfo.State == RunspaceState.Closed || args.RunspaceStateInfo.State == RunspaceState.Broken)
                {
                    registry.Clear();
                }
            };
            return registry;
        }

        /// <summary>
        /// True once Connect-LinkedIn -AllowPlainTextTokenFile ran in this session: the session's later
        /// commands may use the plain-text token file too, without LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS.
        /// </summary>
        public bool PlainTextAllowed { get; set; }

        /// <summary>The connection names, sorted.</summary>
        public IReadOnlyList<string> Names
        {
            get
            {
                lock (_gate)
                {
                    return _sessions.Keys.OrderBy(name => name, StringComparer.OrdinalIgnoreCase).ToList();
                }
            }
        }

        /// <summary>Adds or replaces the connection of the same name; a replaced one is disposed.</summary>
        public void Set(LinkedInSession session)
        {
            LinkedInSession? replaced;
            lock (_gate)
            {
                _sessions.TryGetValue(session.Name, out replaced);
                _sessions[session.Name] = session;
            }
            if (replaced != null && !ReferenceEquals(replaced, session))
            {
                replaced.Dispose();
            }
        }

        /// <summary>The connection called <paramref name="name"/>, if there is one.</summary>
        public bool TryGet(string name, out LinkedInSession? session)
        {
            lock (_gate)
            {
                return _sessions.TryGetValue(name, out session);
            }
        }

        /// <summary>Forgets and disposes the connection; false when there was none.</summary>
        public bool Remove(string name)
        {
            LinkedInSession? removed;
            lock (_gate)
            {
                if (!_sessions.TryGetValue(name, out removed))
                {
                    return false;
                }
                _sessions.Remove(name);
            }
            removed!.Dispose();
            return true;
        }

        /// <summary>Forgets and disposes every connection.</summary>
        public void Clear()
        {
            List<LinkedInSession> all;
            lock (_gate)
            {
                all = _sessions.Values.ToList();
                _sessions.Clear();
            }
            foreach (var session in all)
            {
                session.Dispose();
            }
        }
    }
}
