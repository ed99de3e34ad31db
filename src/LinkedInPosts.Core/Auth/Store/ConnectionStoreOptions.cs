using System;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>How <see cref="ConnectionStoreFactory.Open(ConnectionStoreOptions)"/> finds and opens the token store.</summary>
    public sealed class ConnectionStoreOptions
    {
        /// <summary>The environment variable that opts in to the plain-text file when set to <c>1</c>.</summary>
        public const string AllowPlainTextVariable = "LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS";

        /// <summary>How long a command waits for another process to release the store's lock (a refresh takes seconds).</summary>
        public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(60);

        /// <summary>The data folder; null resolves it (<see cref="Auth.DataFolder.Resolve()"/>).</summary>
        public string? DataFolder { get; set; }

        /// <summary>
        /// The user opted in to a plain-text file where no protected store works
        /// (<c>Connect-LinkedIn -AllowPlainTextTokenFile</c>); <see cref="AllowPlainTextVariable"/>=1 does the same.
        /// </summary>
        public bool AllowPlainTextFile { get; set; }

        /// <summary>How long to wait for the store's lock before <see cref="Errors.TokenStoreFailure.Locked"/>.</summary>
        public TimeSpan LockTimeout { get; set; } = DefaultLockTimeout;
    }
}
