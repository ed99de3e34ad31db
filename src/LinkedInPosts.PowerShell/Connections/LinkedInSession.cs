using System;
using LinkedInPosts.Core.Api;

namespace LinkedInPosts.PowerShell.Connections
{
    /// <summary>
    /// One live connection: the client (which holds the token source) and the public description.
    /// Internal, so the client and token are never written to the pipeline.
    /// </summary>
    internal sealed class LinkedInSession : IDisposable
    {
        private readonly IDisposable _tokens;

        public LinkedInSession(LinkedInConnection connection, LinkedInClient client, IDisposable tokens)
        {
            Connection = connection ?? throw new ArgumentNullException(nameof(connection));
            Client = client ?? throw new ArgumentNullException(nameof(client));
            _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        }

        public string Name => Connection.Name;

        public LinkedInConnection Connection { get; }

        public LinkedInClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            _tokens.Dispose();
        }
    }
}
