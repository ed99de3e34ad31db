namespace LinkedInPosts.Core.Api
{
    /// <summary>The signed-in member, from /v2/userinfo (the <c>sub</c> claim is the person id).</summary>
    public sealed class LinkedInMember
    {
        /// <summary>The person URN, <c>urn:li:person:{sub}</c>.</summary>
        public string Urn { get; set; } = string.Empty;

        /// <summary>The member's display name.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Given name, when LinkedIn returned it.</summary>
        public string? GivenName { get; set; }

        /// <summary>Family name, when LinkedIn returned it.</summary>
        public string? FamilyName { get; set; }

        /// <summary>E-mail address, when the <c>email</c> scope was granted.</summary>
        public string? Email { get; set; }

        /// <summary>Locale as <c>language-COUNTRY</c> (LinkedIn sends an object or a string; both are read).</summary>
        public string? Locale { get; set; }

        /// <inheritdoc />
        public override string ToString() => Name + " (" + Urn + ")";
    }
}
