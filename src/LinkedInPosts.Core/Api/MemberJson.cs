using System.Text.Json;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Api
{
    /// <summary>Reads /v2/userinfo (OpenID Connect claims; <c>sub</c> is the person id).</summary>
    internal static class MemberJson
    {
        public static LinkedInMember Read(JsonElement info)
        {
            var sub = PostJson.String(info, "sub");
            if (string.IsNullOrEmpty(sub))
            {
                throw new JsonException("LinkedIn's userinfo answer has no 'sub' (the member id).");
            }
            return new LinkedInMember
            {
                Urn = LinkedInUrn.ForPerson(sub!).ToString(),
                Name = PostJson.String(info, "name") ?? string.Empty,
                GivenName = PostJson.String(info, "given_name"),
                FamilyName = PostJson.String(info, "family_name"),
                Email = PostJson.String(info, "email"),
                Locale = ReadLocale(info),
            };
        }

        // LinkedIn's docs show "en-US", but real answers carry {"country":"US","language":"en"}; accept both.
        private static string? ReadLocale(JsonElement info)
        {
            if (!info.TryGetProperty("locale", out var locale))
            {
                return null;
            }
            if (locale.ValueKind == JsonValueKind.String)
            {
                return locale.GetString();
            }
            if (locale.ValueKind == JsonValueKind.Object)
            {
                var language = PostJson.String(locale, "language");
                var country = PostJson.String(locale, "country");
                return language == null ? country : country == null ? language : language + "-" + country;
            }
            return null;
        }
    }
}
