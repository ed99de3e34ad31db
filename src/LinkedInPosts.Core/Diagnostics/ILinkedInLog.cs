namespace LinkedInPosts.Core.Diagnostics
{
    /// <summary>
    /// Where Core reports what it does. The cmdlet layer implements it with a queue that it drains on the
    /// pipeline thread (PowerShell throws when Write* is called from another thread). Implementations must
    /// be thread-safe. Core never passes a token or secret to it.
    /// </summary>
    public interface ILinkedInLog
    {
        /// <summary>Detail for -Verbose, e.g. one line per HTTP call.</summary>
        void Verbose(string message);

        /// <summary>Something the user should act on but that did not stop the work.</summary>
        void Warning(string message);
    }

    /// <summary>A log that drops everything.</summary>
    public sealed class NullLinkedInLog : ILinkedInLog
    {
        /// <summary>The one instance.</summary>
        public static readonly NullLinkedInLog Instance = new NullLinkedInLog();

        private NullLinkedInLog()
        {
        }

        /// <inheritdoc />
        public void Verbose(string message)
        {
        }

        /// <inheritdoc />
        public void Warning(string message)
        {
        }
    }
}
