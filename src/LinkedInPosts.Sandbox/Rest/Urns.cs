using System.Text.RegularExpressions;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>The URN shapes the posts API accepts.</summary>
internal static partial class Urns
{
    [GeneratedRegex(@"^urn:li:person:[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Person();

    [GeneratedRegex(@"^urn:li:organization:[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Organization();

    [GeneratedRegex(@"^urn:li:(share|ugcPost):[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Post();

    public static bool IsPerson(string urn) => Person().IsMatch(urn);

    public static bool IsOrganization(string urn) => Organization().IsMatch(urn);

    public static bool IsAuthor(string urn) => IsPerson(urn) || IsOrganization(urn);

    public static bool IsPost(string urn) => Post().IsMatch(urn);

    /// <summary>Rest.li 2.0 key encoding (encodeURIComponent), as LinkedIn's clients build keys.</summary>
    public static string Encode(string urn) => Uri.EscapeDataString(urn);
}
