using System.Net.Http;

namespace LinkedInPosts.Core.Api
{
    /// <summary>One call to LinkedIn, described before it is sent.</summary>
    internal sealed class LinkedInRequest
    {
        public LinkedInRequest(HttpMethod method, string path)
        {
            Method = method;
            Path = path;
        }

        /// <summary>HTTP method.</summary>
        public HttpMethod Method { get; }

        /// <summary>Path and query relative to the API base, already Rest.li-encoded (e.g. <c>rest/posts/urn%3Ali%3Ashare%3A1</c>).</summary>
        public string Path { get; }

        /// <summary>The X-RestLi-Method header, when the Rest.li method is not implied by the HTTP method.</summary>
        public string? RestLiMethod { get; set; }

        /// <summary>JSON body, when there is one.</summary>
        public string? JsonBody { get; set; }

        /// <summary>False for the unversioned /v2 identity calls, which take no LinkedIn-Version header.</summary>
        public bool Versioned { get; set; } = true;

        /// <summary>The scope this call needs, named in a 403 when LinkedIn's own message does not say.</summary>
        public string? RequiredScope { get; set; }

        /// <summary>The entity the call is about (a URN), named in a 404.</summary>
        public string? Subject { get; set; }

        /// <summary>How the call shows in logs and errors: <c>METHOD /path</c>.</summary>
        public string Display => Method.Method + " /" + Path;
    }
}
