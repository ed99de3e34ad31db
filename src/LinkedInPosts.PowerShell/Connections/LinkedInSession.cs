using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LinkedInPosts.Core.Api;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Content;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.PowerShell.Connections
{
    /// <summary>
    /// One live connection of a runspace: the stored connection it was made from, the store that keeps
    /// it, and the client (which holds the token source). Internal, so neither the client nor the stored
    /// connection's secrets are ever written to the pipeline.
    /// </summary>
    internal sealed class LinkedInSession : IDisposable
    {
        private readonly IDisposable? _tokens;

        public LinkedInSession(StoredConnection stored, LockedConnectionStore store, LinkedInClient client, IDisposable? tokens)
        {
            Stored = stored ?? throw new ArgumentNullException(nameof(stored));
            Store = store ?? throw new ArgumentNullException(nameof(store));
            Client = client ?? throw new ArgumentNullException(nameof(client));
            _tokens = tokens;
        }

        private readonly ConnectionTokenSource? _tokenSource;

        private LinkedInSession(StoredConnection stored, LockedConnectionStore store, LinkedInClient client, ConnectionTokenSource tokens)
            : this(stored, store, client, (IDisposable?)null)
        {
            _tokenSource = tokens;
        }

        /// <summary>
        /// A live session for a stored connection: a client pointed at the connection's hosts and version,
        /// handed its token by Core's <see cref="ConnectionTokenSource"/> (refresh under the store's lock,
        /// a warning from 7 days before the end, a fast failure after it), judged by <paramref name="clock"/>.
        /// </summary>
        public static LinkedInSession Open(StoredConnection stored, LockedConnectionStore store, TimeProvider clock)
        {
            var options = new LinkedInClientOptions
            {
                Endpoints = new LinkedInEndpoints(stored.ApiBase, stored.OAuthBase),
                ApiVersion = LinkedInApiVersion.Resolve(stored.ApiVersion),
                Log = new ConnectionLog(stored, !store.IsProtected),
                Clock = clock,
            };
            var tokens = new ConnectionTokenSource(store, stored, options);
            return new LinkedInSession(stored, store, new LinkedInClient(tokens, options), tokens);
        }

        /// <summary>
        /// LinkedIn's (or the token source's) refusal of this connection's token, told for this connection
        /// with the full command that makes it again.
        /// </summary>
        public LinkedInAuthException Explain(LinkedInAuthException exception)
        {
            var told = _tokenSource?.Explain(exception) ?? exception;
            var plainText = !Store.IsProtected;
            var message = Reconnect.Rewrite(told.Message, Stored, plainText);
            var command = Reconnect.CommandFor(Stored, plainText);
            if (message.IndexOf(command, StringComparison.Ordinal) < 0)
            {
                message = $"Connection '{Name}' ({Stored.MemberName}): {message} Sign in again: {command}";
            }
            return new LinkedInAuthException(told.Reason, message, told)
            {
                HttpStatus = told.HttpStatus,
                ServiceErrorCode = told.ServiceErrorCode,
                LinkedInCode = told.LinkedInCode,
                Request = told.Request,
            };
        }

        public string Name => Stored.Name;

        /// <summary>
        /// A post as a cmdlet writes it: with a Connection property naming this connection, so that Set- and Remove-LinkedInPost
        /// further down the pipeline bind it and act through the connection that read or made the post, not 'default'.
        /// </summary>
        public PSObject Carrying(LinkedInPost post)
        {
            var written = PSObject.AsPSObject(post);
            written.Properties.Add(new PSNoteProperty("Connection", Name));
            return written;
        }

        /// <summary>
        /// Makes sure the connection has a usable token now: refreshed where it can be, otherwise a
        /// LinkedInAuthException (expired, no refresh) before anything is sent. The queue runner calls this
        /// once per connection, so an expired connection holds its posts instead of failing each one.
        /// </summary>
        public async Task EnsureTokenAsync(CancellationToken cancellationToken)
        {
            if (_tokenSource != null)
            {
                await _tokenSource.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The connection as loaded (secrets included: never output it).</summary>
        public StoredConnection Stored { get; }

        public LockedConnectionStore Store { get; }

        public LinkedInClient Client { get; }

        /// <summary>The member's person URN, the default author.</summary>
        public string Member => Stored.MemberUrn;

        /// <summary>The command that makes this connection again, for errors about its token.</summary>
        public string ReconnectCommand => Reconnect.CommandFor(Stored, !Store.IsProtected);

        /// <summary>The secret-free description, with days left counted at <paramref name="now"/>.</summary>
        public LinkedInConnection Describe(DateTimeOffset now) => new LinkedInConnection(Stored, Store.Description, Store.IsProtected, now);

        /// <summary>
        /// Null when the connection can post as <paramref name="author"/>; otherwise why not. A person must
        /// be the connection's member; an organization must be one of its pages with a posting role,
        /// checked only when the page list is known (an organization scope was granted).
        /// </summary>
        public string? WhyCannotPostAs(LinkedInUrn author) => WhyCannotPostAs(Stored, author);

        /// <summary>
        /// <see cref="WhyCannotPostAs(LinkedInUrn)"/> for a stored connection without opening it (the queue's
        /// pre-flight judges every stored connection this way).
        /// </summary>
        public static string? WhyCannotPostAs(StoredConnection stored, LinkedInUrn author)
        {
            if (author.EntityType == LinkedInUrn.Organization)
            {
                if (!Reconnect.KnowsOrganizations(stored))
                {
                    return null;
                }
                var page = stored.Organizations.FirstOrDefault(o => string.Equals(o.Urn, author.ToString(), StringComparison.Ordinal));
                if (page != null && page.CanPost)
                {
                    return null;
                }
                var postable = stored.Organizations.Where(o => o.CanPost).Select(o => o.Urn).ToList();
                var which = postable.Count == 0
                    ? "it can post as no page"
                    : "it can post as " + string.Join(", ", postable);
                var role = page == null ? "has no role on " + author : "has the role " + page.Role + " on " + author + ", which cannot post";
                return $"Connection '{stored.Name}' ({stored.MemberName}) {role}; {which}. " +
                    "Posting as a page needs the ADMINISTRATOR, CONTENT_ADMIN or DIRECT_SPONSORED_CONTENT_POSTER role and the w_organization_social scope.";
            }
            if (!string.Equals(author.ToString(), stored.MemberUrn, StringComparison.Ordinal))
            {
                return $"Connection '{stored.Name}' posts as its member {stored.MemberUrn} ({stored.MemberName}), not as {author}. " +
                    "Use the connection of that member (-Connection), or an organization URN the connection can post as.";
            }
            return null;
        }

        public void Dispose()
        {
            Client.Dispose();
            _tokens?.Dispose();
        }
    }
}
