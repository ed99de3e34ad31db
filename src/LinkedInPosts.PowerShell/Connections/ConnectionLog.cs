using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Diagnostics;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Connections
{
    /// <summary>
    /// The log of one connection's client and token source: the running cmdlet's (through
    /// <see cref="AmbientLog"/>), with Core's short reconnect command in warnings (a week before the
    /// end) replaced by the full one the user can run as written.
    /// </summary>
    internal sealed class ConnectionLog : ILinkedInLog
    {
        private readonly StoredConnection _connection;
        private readonly bool _plainTextStore;

        public ConnectionLog(StoredConnection connection, bool plainTextStore)
        {
            _connection = connection;
            _plainTextStore = plainTextStore;
        }

        public void Verbose(string message) => AmbientLog.Instance.Verbose(message);

        public void Warning(string message) => AmbientLog.Instance.Warning(Reconnect.Rewrite(message, _connection, _plainTextStore));
    }
}
