using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Members LinkedIn throttled during this run, and until when. LinkedIn's limits are daily counters per member
    /// (per app), whichever author a call posts as: the member or one of their pages, through any of the member's
    /// connections. So once one post gets a 429, the member's other posts would too: they are deferred to the same
    /// time without another call, which would only spend more of tomorrow's budget. A connection whose member is
    /// not known counts as a member of its own.
    /// </summary>
    internal sealed class MemberBudget
    {
        private readonly Dictionary<string, DateTimeOffset> _spentUntil = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _memberOf = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Every connection seen in this run whose member is throttled, with the time it may post again.</summary>
        public IEnumerable<KeyValuePair<string, DateTimeOffset>> ThrottledConnections
        {
            get
            {
                foreach (var pair in _memberOf)
                {
                    if (_spentUntil.TryGetValue(pair.Value, out var until))
                    {
                        yield return new KeyValuePair<string, DateTimeOffset>(pair.Key, until);
                    }
                }
            }
        }

        /// <summary>Records that the member of <paramref name="connection"/> may not post before <paramref name="until"/>.</summary>
        public void Spend(QueueConnection connection, DateTimeOffset until)
        {
            var member = MemberOf(connection);
            if (!_spentUntil.TryGetValue(member, out var known) || until > known)
            {
                _spentUntil[member] = until;
            }
        }

        /// <summary>True when the member of <paramref name="connection"/> is throttled at <paramref name="now"/>; <paramref name="until"/> says how long.</summary>
        public bool IsSpent(QueueConnection connection, DateTimeOffset now, out DateTimeOffset until) =>
            _spentUntil.TryGetValue(MemberOf(connection), out until) && until > now;

        private string MemberOf(QueueConnection connection)
        {
            var member = string.IsNullOrWhiteSpace(connection.Member) ? "connection:" + connection.Name : connection.Member;
            _memberOf[connection.Name] = member;
            return member;
        }
    }
}
