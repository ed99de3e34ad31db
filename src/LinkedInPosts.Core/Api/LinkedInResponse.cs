using System.Net.Http.Headers;

namespace LinkedInPosts.Core.Api
{
    /// <summary>A successful answer from LinkedIn (errors become exceptions before this point).</summary>
    internal sealed class LinkedInResponse
    {
        public LinkedInResponse(int status, HttpResponseHeaders headers, string body)
        {
            Status = status;
            Headers = headers;
            Body = body;
        }

        public int Status { get; }

        public HttpResponseHeaders Headers { get; }

        public string Body { get; }

        /// <summary>The first value of a header, or null.</summary>
        public string? Header(string name)
        {
            if (Headers.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    return value;
                }
            }
            return null;
        }
    }
}
