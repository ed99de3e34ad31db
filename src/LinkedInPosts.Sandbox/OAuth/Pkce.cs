using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace LinkedInPosts.Sandbox.OAuth;

/// <summary>
/// Proof Key for Code Exchange (RFC 7636), S256 only: LinkedIn's native-client flow asks for
/// <c>code_challenge_method=S256</c>.
/// </summary>
internal static partial class Pkce
{
    public const string Method = "S256";

    /// <summary>BASE64URL(SHA-256) without padding is always 43 characters.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{43}$", RegexOptions.CultureInvariant)]
    public static partial Regex ChallengeShape();

    /// <summary>RFC 7636 4.1: 43 to 128 unreserved characters.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9._~-]{43,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex VerifierShape();

    public static string ChallengeOf(string verifier) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>
    /// Whether a code bound to <paramref name="challenge"/> (null: issued without PKCE) may be redeemed
    /// with <paramref name="verifier"/> (null: none sent). A verifier for a code issued without a
    /// challenge is refused too, since it shows the client and the code disagree about PKCE.
    /// </summary>
    public static bool Verifies(string? challenge, string? verifier)
    {
        if (challenge is null || verifier is null)
        {
            return challenge is null && verifier is null;
        }
        return VerifierShape().IsMatch(verifier)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ChallengeOf(verifier)), Encoding.ASCII.GetBytes(challenge));
    }
}
