namespace LinkedInPosts.Sandbox.LittleText;

/// <summary>What LinkedIn keeps of a commentary.</summary>
/// <param name="Stored">The text as stored: the sent text up to the truncation point, still escaped.</param>
/// <param name="TruncatedAt">UTF-16 index of the character that ended it, or null if nothing was cut.</param>
internal sealed record LittleTextResult(string Stored, int? TruncatedAt);
