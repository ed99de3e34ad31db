namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// Parses the Rest.li 2.0 <c>ids=List(a,b)</c> parameter from the raw query. It must be the raw query:
/// the structural commas are literal while commas inside a key are %2C, and decoding first would
/// lose that difference.
/// </summary>
internal static class RestLiList
{
    /// <summary>The decoded keys, or null when the parameter is missing or not a List(...).</summary>
    public static IReadOnlyList<string>? ParseIds(string? rawQuery)
    {
        var raw = (rawQuery ?? "").TrimStart('?').Split('&')
            .FirstOrDefault(p => p.StartsWith("ids=", StringComparison.Ordinal))?["ids=".Length..];
        if (raw is null)
        {
            return null;
        }
        // Some clients encode the whole value once more (List%28...%29); undo exactly that layer.
        if (raw.StartsWith("List%28", StringComparison.OrdinalIgnoreCase))
        {
            raw = Uri.UnescapeDataString(raw);
        }
        if (!raw.StartsWith("List(", StringComparison.Ordinal) || !raw.EndsWith(')'))
        {
            return null;
        }
        var inner = raw["List(".Length..^1];
        return inner.Length == 0
            ? Array.Empty<string>()
            : inner.Split(',').Select(Uri.UnescapeDataString).ToList();
    }
}
