using System;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Queue.Runner
{
    /// <summary>An opened connection: the client that carries its token, and what it is allowed to do.</summary>
    public sealed class QueueConnection
    {
        /// <summary>Creates the connection.</summary>
        /// <param name="name">The stored connection's name (what posts in the queue refer to).</param>
        /// <param name="client">The client for its API host, version and token.</param>
        /// <param name="memberUrn">The member who signed in (urn:li:person:…).</param>
        public QueueConnection(string name, LinkedInClient client, string memberUrn)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A connection needs its name.", nameof(name));
            }
            Name = name;
            Client = client ?? throw new ArgumentNullException(nameof(client));
            Member = memberUrn ?? throw new ArgumentNullException(nameof(memberUrn));
        }

        /// <summary>The stored connection's name.</summary>
        public string Name { get; }

        /// <summary>The client that publishes through this connection.</summary>
        public LinkedInClient Client { get; }

        /// <summary>The member who signed in.</summary>
        public string Member { get; }

        /// <summary>
        /// Why this connection cannot post as an author (a page it holds no posting role on, say), or null
        /// when it can. Null (the property) means unknown: the runner lets LinkedIn decide.
        /// </summary>
        public Func<LinkedInUrn, string?>? WhyCannotPostAs { get; set; }

        /// <summary>
        /// True when the connection's scopes allow reading an author's posts back (r_member_social for a
        /// person, r_organization_social for a page). Evidence resolution then looks first, before it sends.
        /// </summary>
        public bool CanReadBackPosts { get; set; }

        /// <summary>Turns an auth failure into the connection's own wording (PowerShell's LinkedInSession.Explain); optional.</summary>
        public Func<LinkedInAuthException, LinkedInAuthException>? ExplainAuthFailure { get; set; }

        /// <inheritdoc />
        public override string ToString() => Name + " (" + Member + ")";
    }
}
