using LinkedInPosts.Sandbox.Errors;

namespace LinkedInPosts.Sandbox.LittleText;

/// <summary>The rules a commentary goes through on create and on partial update.</summary>
internal static class CommentaryRules
{
    /// <summary>LinkedIn's documented maximum.</summary>
    public const int MaxLength = 3000;

    /// <summary>Logger category of the truncation warning.</summary>
    public const string LogCategory = "LinkedInPosts.Sandbox.LittleText";

    /// <summary>
    /// Checks the length and returns the stored form. Length is counted in UTF-16 code units of the
    /// text as sent, i.e. after escaping: the stricter reading, so a client that passes here passes
    /// on LinkedIn whichever way LinkedIn counts (UNCONFIRMED there; see the README).
    /// </summary>
    public static (string? Stored, LinkedInError? Error) Apply(string sent, string author, ILogger logger)
    {
        if (sent.Length > MaxLength)
        {
            return (null, LinkedInErrors.CommentaryTooLong(sent.Length, MaxLength, sent));
        }
        var result = LittleTextParser.Parse(sent);
        if (result.TruncatedAt is { } at)
        {
            // LinkedIn answers 201 and says nothing; the sandbox at least says it on its console, so a
            // user dry-running a script sees which post would have been cut, and where.
            logger.LogWarning("Commentary by {Author} was cut at character {Index}, an unescaped '{Reserved}'; {Kept} of {Sent} characters kept.",
                author, at, sent[at], result.Stored.Length, sent.Length);
        }
        return (result.Stored, null);
    }
}
