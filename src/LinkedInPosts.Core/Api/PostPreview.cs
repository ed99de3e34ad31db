namespace LinkedInPosts.Core.Api
{
    /// <summary>What a create would send, for -WhatIf: the escaped commentary and the exact JSON body.</summary>
    public sealed class PostPreview
    {
        internal PostPreview(string littleText, string jsonBody)
        {
            LittleText = littleText;
            JsonBody = jsonBody;
        }

        /// <summary>The commentary as LinkedIn will receive it (little text, escaped).</summary>
        public string LittleText { get; }

        /// <summary>The request body, byte for byte as it would be sent.</summary>
        public string JsonBody { get; }
    }
}
