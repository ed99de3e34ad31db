namespace LinkedInPosts.Core.Content
{
    /// <summary>What a post shows besides its text; <see cref="PostDraftBuilder"/> builds the content of each.</summary>
    public enum PostKind
    {
        /// <summary>Text only.</summary>
        Text,

        /// <summary>One image, video or document.</summary>
        Media,

        /// <summary>2 to 20 images shown together.</summary>
        MultiImage,

        /// <summary>An article card.</summary>
        Article,

        /// <summary>A poll.</summary>
        Poll,

        /// <summary>A reshare of another post.</summary>
        Reshare,
    }
}
