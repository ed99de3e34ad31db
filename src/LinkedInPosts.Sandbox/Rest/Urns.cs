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

    [GeneratedRegex(@"^urn:li:(image|document|video):[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Media();

    public static bool IsPerson(string urn) => Person().IsMatch(urn);

    /// <summary>An image, document or video URN of any id (whether it exists is another question).</summary>
    public static bool IsMedia(string urn) => Media().IsMatch(urn);

    /// <summary>A media URN of <paramref name="kind"/>.</summary>
    public static bool IsMedia(string urn, SandboxMediaKind kind) =>
        IsMedia(urn) && urn.StartsWith(State.MediaStore.UrnPrefix(kind), StringComparison.Ordinal);

    /// <summary>The kind a media URN names; call only when <see cref="IsMedia(string)"/> holds.</summary>
    public static SandboxMediaKind MediaKindOf(string urn) =>
        urn.StartsWith("urn:li:image:", StringComparison.Ordinal) ? SandboxMediaKind.Image
        : urn.StartsWith("urn:li:document:", StringComparison.Ordinal) ? SandboxMediaKind.Document
        : SandboxMediaKind.Video;

    public static bool IsOrganization(string urn) => Organization().IsMatch(urn);

    public static bool IsAuthor(string urn) => IsPerson(urn) || IsOrganization(urn);

    public static bool IsPost(string urn) => Post().IsMatch(urn);

    /// <summary>Rest.li 2.0 key encoding (encodeURIComponent), as LinkedIn's clients build keys.</summary>
    public static string Encode(string urn) => Uri.EscapeDataString(urn);
}
