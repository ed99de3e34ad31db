using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>Why the token store could not be used.</summary>
    public enum TokenStoreFailure
    {
        /// <summary>No protected store on this machine (e.g. Linux without a Secret Service) and no opt-in to a plain file.</summary>
        Unavailable,
        /// <summary>The store exists but cannot be read or decrypted (corrupt, or written by another account).</summary>
        Unreadable,
        /// <summary>Another process held the store's lock for too long.</summary>
        Locked,
    }

    /// <summary>The token store cannot be used; the message says how to fix or reset it.</summary>
    public sealed class LinkedInTokenStoreException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInTokenStoreException(TokenStoreFailure failure, string message, Exception? inner = null)
            : base(message, inner)
        {
            Failure = failure;
        }

        /// <summary>What went wrong.</summary>
        public TokenStoreFailure Failure { get; }

        /// <inheritdoc />
        public override string ErrorId => "LinkedInTokenStore" + Failure;
    }
}
