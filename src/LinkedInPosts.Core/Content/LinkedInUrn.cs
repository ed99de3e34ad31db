using System;
using System.Text.RegularExpressions;

namespace LinkedInPosts.Core.Content
{
    /// <summary>
    /// A LinkedIn URN such as <c>urn:li:person:782bbtaQ</c> or <c>urn:li:share:7045020441609936898</c>.
    /// Parsing is strict so that a typo fails here, with a message, rather than as a LinkedIn 400.
    /// </summary>
    public sealed class LinkedInUrn : IEquatable<LinkedInUrn>
    {
        /// <summary>The entity types this module works with.</summary>
        public const string Person = "person";
        /// <summary>An organization (company page).</summary>
        public const string Organization = "organization";
        /// <summary>A post created through the Posts or Shares API.</summary>
        public const string Share = "share";
        /// <summary>A post created through the UGC Posts API (also returned by the Posts API).</summary>
        public const string UgcPost = "ugcPost";
        /// <summary>An image from the Images API.</summary>
        public const string Image = "image";
        /// <summary>A video from the Videos API.</summary>
        public const string Video = "video";
        /// <summary>A document from the Documents API.</summary>
        public const string Document = "document";
        /// <summary>A comment; its id is a tuple such as <c>(urn:li:activity:1,2)</c>.</summary>
        public const string Comment = "comment";

        private static readonly Regex Shape = new Regex(@"^urn:li:(?<type>[A-Za-z]+):(?<id>\([^\s]+\)|[^\s:]+)$", RegexOptions.CultureInvariant);

        private LinkedInUrn(string entityType, string id)
        {
            EntityType = entityType;
            Id = id;
        }

        /// <summary>The entity type, e.g. <c>person</c>.</summary>
        public string EntityType { get; }

        /// <summary>The id part after the type.</summary>
        public string Id { get; }

        /// <summary>True for person and organization URNs, the two kinds of post author.</summary>
        public bool IsAuthor => EntityType == Person || EntityType == Organization;

        /// <summary>True for the two kinds of post URN.</summary>
        public bool IsPost => EntityType == Share || EntityType == UgcPost;

        /// <summary>
        /// When LinkedIn made this post, read from its id: the ids of shares and ugcPosts carry the milliseconds since
        /// 1970 in their bits above the lowest 22 (id >> 22), as LinkedIn's activity ids do. Null for another URN, or an id
        /// that is no such number (before 2010 or after 2100). Used to tell an earlier post with the same text, named by
        /// LinkedIn's duplicate check, from the one a create with no clear answer may have made.
        /// </summary>
        public DateTimeOffset? PostIdTime
        {
            get
            {
                if (!IsPost || !long.TryParse(Id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                {
                    return null;
                }
                var millis = id >> 22;
                return millis >= EarliestPostIdMillis && millis <= LatestPostIdMillis ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : (DateTimeOffset?)null;
            }
        }

        private const long EarliestPostIdMillis = 1_262_304_000_000; // 2010-01-01
        private const long LatestPostIdMillis = 4_102_444_800_000;   // 2100-01-01

        /// <summary>True for image, video and document URNs, the media a post can show.</summary>
        public bool IsMedia => EntityType == Image || EntityType == Video || EntityType == Document;

        /// <summary>Parses a URN; accepts the percent-encoded form (<c>urn%3Ali%3A…</c>) too.</summary>
        public static LinkedInUrn Parse(string value)
        {
            if (TryParse(value, out var urn))
            {
                return urn!;
            }
            throw new FormatException($"'{value}' is not a LinkedIn URN. Expected the form urn:li:<type>:<id>, for example urn:li:person:782bbtaQ.");
        }

        /// <summary>Parses a URN without throwing.</summary>
        public static bool TryParse(string? value, out LinkedInUrn? urn)
        {
            urn = null;
            if (string.IsNullOrWhiteSpace(value))
            {
                return false;
            }
            var text = value!.Trim();
            if (text.IndexOf("%3A", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                text = Uri.UnescapeDataString(text);
            }
            var match = Shape.Match(text);
            if (!match.Success)
            {
                return false;
            }
            urn = new LinkedInUrn(match.Groups["type"].Value, match.Groups["id"].Value);
            return true;
        }

        /// <summary>A person URN from the member id (the <c>sub</c> of /v2/userinfo).</summary>
        public static LinkedInUrn ForPerson(string id) => Parse("urn:li:person:" + id);

        /// <summary>An organization URN from its numeric id.</summary>
        public static LinkedInUrn ForOrganization(string id) => Parse("urn:li:organization:" + id);

        /// <summary>Parses a value that must be a post author (person or organization).</summary>
        public static LinkedInUrn ParseAuthor(string value)
        {
            var urn = Parse(value);
            if (!urn.IsAuthor)
            {
                throw new FormatException($"'{value}' cannot author a post. Use a person (urn:li:person:…) or organization (urn:li:organization:…) URN.");
            }
            return urn;
        }

        /// <summary>Parses a value that must be a post (share or ugcPost).</summary>
        public static LinkedInUrn ParsePost(string value)
        {
            var urn = Parse(value);
            if (!urn.IsPost)
            {
                throw new FormatException($"'{value}' is not a post. Post URNs look like urn:li:share:… or urn:li:ugcPost:….");
            }
            return urn;
        }

        /// <summary>The percent-encoded form for paths and query values (Rest.li 2.0: <c>:</c> becomes <c>%3A</c>).</summary>
        public string Encoded => Uri.EscapeDataString(ToString());

        /// <summary>The public web address of a post.</summary>
        public Uri Permalink => new Uri("https://www.linkedin.com/feed/update/" + ToString());

        /// <inheritdoc />
        public override string ToString() => "urn:li:" + EntityType + ":" + Id;

        /// <inheritdoc />
        public bool Equals(LinkedInUrn? other) => other != null && other.EntityType == EntityType && other.Id == Id;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as LinkedInUrn);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
    }
}
