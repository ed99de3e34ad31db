namespace LinkedInPosts.Core.Content
{
    /// <summary>Who can see a post (the Posts API <c>visibility</c> field).</summary>
    public enum PostVisibility
    {
        /// <summary>Anyone, on or off LinkedIn.</summary>
        Public,
        /// <summary>The author's first-degree connections (person authors only).</summary>
        Connections,
        /// <summary>Signed-in LinkedIn members.</summary>
        LoggedIn,
        /// <summary>Members of the container (a group or event) the post belongs to.</summary>
        Container,
    }

    /// <summary>Where LinkedIn distributes the post (<c>distribution.feedDistribution</c>).</summary>
    public enum FeedDistribution
    {
        /// <summary>The main feed, the usual choice.</summary>
        MainFeed,
        /// <summary>Not in any feed (for example a post only used in ads).</summary>
        None,
    }

    /// <summary>How the commentary is sent.</summary>
    public enum CommentaryFormat
    {
        /// <summary>
        /// Plain text as the user wrote it: reserved little-text characters are escaped, mentions
        /// <c>@[Name](urn:li:person:id)</c> and hashtags <c>#word</c> stay live.
        /// </summary>
        Text,
        /// <summary>Already little text: sent exactly as given (the user owns the escaping).</summary>
        Raw,
    }
}
