using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>A 426 NONEXISTENT_VERSION: LinkedIn no longer (or not yet) serves the requested API version.</summary>
    public sealed class LinkedInVersionSunsetException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInVersionSunsetException(string message, string version, Exception? inner = null)
            : base(message, inner)
        {
            Version = version;
        }

        /// <summary>The LinkedIn-Version that was sent.</summary>
        public string Version { get; }

        /// <inheritdoc />
        public override string ErrorId => "LinkedInVersionNotActive";
    }
}
