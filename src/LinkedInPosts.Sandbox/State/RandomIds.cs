using System.Security.Cryptography;

namespace LinkedInPosts.Sandbox.State;

/// <summary>Identifiers shaped like LinkedIn's, so clients that parse or store them meet realistic values.</summary>
internal static class RandomIds
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Alphanumerics = Letters + "0123456789";
    private const string UrlSafe = Alphanumerics + "-_";
    private const string LowerAlphanumerics = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A 10-character person id such as <c>yrZCpj2-1m</c> (LinkedIn's contain - and _ too).</summary>
    public static string MemberId() =>
        RandomNumberGenerator.GetString(Letters, 1) + RandomNumberGenerator.GetString(UrlSafe, 9);

    /// <summary>An opaque bearer token; LinkedIn's start with AQ and are far longer than 40 characters.</summary>
    public static string AccessToken() => "AQ" + RandomNumberGenerator.GetString(UrlSafe, 86);

    /// <summary>A 14-character client id shaped like LinkedIn's: <c>78</c> and 12 lowercase letters or digits.</summary>
    public static string ClientId() => "78" + RandomNumberGenerator.GetString(LowerAlphanumerics, 12);

    /// <summary>A 16-character client secret.</summary>
    public static string ClientSecret() => RandomNumberGenerator.GetString(Alphanumerics, 16);

    /// <summary>An authorization code; LinkedIn's are long opaque strings starting with AQ.</summary>
    public static string AuthorizationCode() => "AQ" + RandomNumberGenerator.GetString(UrlSafe, 118);

    /// <summary>A refresh token; opaque and longer than the access token, like LinkedIn's.</summary>
    public static string RefreshToken() => "AQ" + RandomNumberGenerator.GetString(UrlSafe, 148);

    /// <summary>
    /// The id part of a media URN, shaped like LinkedIn's <c>C4E10AQFoyyAjHPMQuQ</c>: a 7-character
    /// prefix that differs by kind, then 12 random URL-safe characters.
    /// </summary>
    public static string MediaId(SandboxMediaKind kind) => kind switch
    {
        SandboxMediaKind.Image => "D4E10AQ",
        SandboxMediaKind.Document => "D4D10AQ",
        _ => "D5605AQ",
    } + RandomNumberGenerator.GetString(UrlSafe, 12);

    /// <summary>The opaque, unguessable part of an upload or download URL.</summary>
    public static string UploadKey() => RandomNumberGenerator.GetString(Alphanumerics, 32);

    /// <summary>
    /// A 19-digit activity id. LinkedIn's encode the creation time in milliseconds shifted left by 22
    /// bits (7045020441609936898 >> 22 is 1679663763), so ids sort by time; we do the same and fall
    /// back to a random 19-digit number when the clock lies outside the years that keep 19 digits.
    /// </summary>
    public static long ActivityId(DateTimeOffset createdAt)
    {
        const long Smallest = 1_000_000_000_000_000_000;
        var low = RandomNumberGenerator.GetInt32(1 << 22);
        var millis = createdAt.ToUnixTimeMilliseconds();
        if (millis > 0 && millis < (long.MaxValue >> 22))
        {
            var id = (millis << 22) | (long)low;
            if (id >= Smallest)
            {
                return id;
            }
        }
        return Random.Shared.NextInt64(Smallest, 9_000_000_000_000_000_000);
    }
}
