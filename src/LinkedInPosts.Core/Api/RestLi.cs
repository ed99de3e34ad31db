using System.Collections.Generic;

namespace LinkedInPosts.Core.Api
{
    /// <summary>Rest.li 2.0 query encoding (linkedin-api.md section 4): structure stays literal, values are percent-encoded.</summary>
    internal static class RestLi
    {
        /// <summary><c>List(a,b,c)</c> from already-encoded values.</summary>
        public static string List(IEnumerable<string> encodedValues) => "List(" + string.Join(",", encodedValues) + ")";
    }
}
