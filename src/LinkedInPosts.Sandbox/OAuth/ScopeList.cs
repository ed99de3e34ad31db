namespace LinkedInPosts.Sandbox.OAuth;

/// <summary>
/// The scope parameter: space-delimited as LinkedIn documents it, and comma-separated as LinkedIn's
/// own JS client sends it (which works in practice). Token responses list scopes comma-separated.
/// </summary>
internal static class ScopeList
{
    private static readonly char[] Separators = [' ', ','];

    /// <summary>Distinct scopes in the order requested.</summary>
    public static IReadOnlyList<string> Parse(string? scope) =>
        (scope ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public static string Format(IEnumerable<string> scopes) => string.Join(',', scopes);
}
