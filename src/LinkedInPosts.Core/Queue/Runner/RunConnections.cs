using System;
using System.Collections.Generic;
using System.Threading;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// The connections of one run: each opened at most once (one token read and refresh per run, not per
    /// post), and each one that cannot be used reported as one <see cref="QueueConnectionProblem"/>, whether it
    /// failed to open or LinkedIn refused it mid-run (a token that expired, an API version that was sunset).
    /// </summary>
    internal sealed class RunConnections
    {
        // The token store matches connection names ignoring case, so posts registered under 'work' and 'Work'
        // use one connection: keyed the same way, it is opened (and refreshed) once and broken once.
        private static readonly StringComparer SameName = StringComparer.OrdinalIgnoreCase;

        private readonly IQueueConnections _opener;
        private readonly Dictionary<string, QueueConnection> _open = new Dictionary<string, QueueConnection>(SameName);
        private readonly Dictionary<string, QueueConnectionProblem> _problems = new Dictionary<string, QueueConnectionProblem>(SameName);
        private readonly List<QueueConnectionProblem> _order = new List<QueueConnectionProblem>();
        private readonly Dictionary<string, HashSet<long>> _held = new Dictionary<string, HashSet<long>>(SameName);

        public RunConnections(IQueueConnections opener)
        {
            _opener = opener;
        }

        /// <summary>The problems so far, in the order they were found.</summary>
        public IReadOnlyList<QueueConnectionProblem> Problems => _order;

        /// <summary>The connection, or null when it cannot be used this run (<see cref="ProblemOf"/> says why).</summary>
        public QueueConnection? Get(string name, CancellationToken cancellationToken)
        {
            if (_problems.ContainsKey(name))
            {
                return null;
            }
            if (_open.TryGetValue(name, out var connection))
            {
                return connection;
            }
            try
            {
                connection = _opener.Open(name, cancellationToken) ?? throw new InvalidOperationException("IQueueConnections.Open returned null for '" + name + "'.");
            }
            catch (LinkedInException error) when (!(error is LinkedInQueueException))
            {
                Break(name, error);
                return null;
            }
            _open[name] = connection;
            return connection;
        }

        /// <summary>Marks a connection unusable for the rest of the run (LinkedIn refused its token or version mid-run).</summary>
        public QueueConnectionProblem Break(string name, LinkedInException error)
        {
            if (_problems.TryGetValue(name, out var known))
            {
                return known;
            }
            if (error is LinkedInAuthException auth && _open.TryGetValue(name, out var connection) && connection.ExplainAuthFailure != null)
            {
                error = connection.ExplainAuthFailure(auth) ?? auth;
            }
            _open.Remove(name);
            var problem = new QueueConnectionProblem { Connection = name, Error = error };
            _problems[name] = problem;
            _order.Add(problem);
            return problem;
        }

        /// <summary>Why the connection cannot be used, or null.</summary>
        public QueueConnectionProblem? ProblemOf(string name) => _problems.TryGetValue(name, out var problem) ? problem : null;

        /// <summary>Counts a post held by its connection's problem (each post once, however often it is met).</summary>
        public void CountHeld(string name, long postId)
        {
            if (!_held.TryGetValue(name, out var posts))
            {
                _held[name] = posts = new HashSet<long>();
            }
            if (posts.Add(postId) && _problems.TryGetValue(name, out var problem))
            {
                problem.PostsHeld = posts.Count;
            }
        }
    }
}
