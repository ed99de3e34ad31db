using System.Collections.Generic;

namespace LinkedInPosts.Core.Api
{
    /// <summary>What a create would send, for -WhatIf: the escaped commentary, the exact JSON body and the files it would upload first.</summary>
    public sealed class PostPreview
    {
        internal PostPreview(string littleText, string jsonBody, IReadOnlyList<string> pendingUploads)
        {
            LittleText = littleText;
            JsonBody = jsonBody;
            PendingUploads = pendingUploads;
        }

        /// <summary>The commentary as LinkedIn will receive it (little text, escaped).</summary>
        public string LittleText { get; }

        /// <summary>
        /// The request body, byte for byte as it would be sent, except that media still to upload stands
        /// as <c>(upload: full path)</c> where LinkedIn's URN will be.
        /// </summary>
        public string JsonBody { get; }

        /// <summary>The files (full paths, each checked already) that would be uploaded before the post is sent.</summary>
        public IReadOnlyList<string> PendingUploads { get; }
    }
}
