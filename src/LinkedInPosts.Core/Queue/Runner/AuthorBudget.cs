using System;
using System.Collections.Generic;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>
    /// Authors LinkedIn throttled during this run, and until when. LinkedIn's limits are daily counters per
    /// member, so once one post of an author gets a 429 the author's other posts would too: they are
    /// deferred to the same time without another call, which would only spend more of tomorrow's budget.
    /// </summary>
    internal sealed class AuthorBudget
    {
        private readonly Dictionary<string, DateTimeOffset> _spentUntil = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

        /// <summary>The authors throttled so far, with the time each may post again.</summary>
        public IReadOnlyDictionary<string, DateTimeOffset> Throttled => _spentUntil;

        /// <summary>Records that <paramref name="author"/> may not post before <paramref name="until"/>.</summary>
        public void Spend(string author, DateTimeOffset until)
        {
            if (!_spentUntil.TryGetValue(author, out var known) || until > known)
            {
                _spentUntil[author] = until;
            }
        }

        /// <summary>True when <paramref name="author"/> is throttled at <paramref name="now"/>; <paramref name="until"/> says how long.</summary>
        public bool IsSpent(string author, DateTimeOffset now, out DateTimeOffset until) =>
            _spentUntil.TryGetValue(author, out until) && until > now;
    }
}
