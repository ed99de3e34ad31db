using LinkedInPosts.Sandbox.Errors;

namespace LinkedInPosts.Sandbox.LittleText;

/// <summary>The rules a commentary goes through on create and on partial update.</summary>
internal static class CommentaryRules
{
    /// <summary>LinkedIn's documented maximum.</summary>
    public const int MaxLength = 3000;

    /// <summary>
    /// Checks the length and returns the stored form. Length is counted in UTF-16 code units of the
    /// text as sent, i.e. after escaping: the stricter reading, so a client that passes here passes
    /// on LinkedIn whichever way LinkedIn counts (UNCONFIRMED there; see the README).
    /// </summary>
    public static (string? Stored, LinkedInError? Error) Apply(string sent)
    {
        if (sent.Length > MaxLength)
        {
            return (null, LinkedInErrors.CommentaryTooLong(sent.Length, MaxLength, sent));
        }
        return (LittleTextParser.Parse(sent).Stored, null);
    }
}
