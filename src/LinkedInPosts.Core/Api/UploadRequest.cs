using System;
using System.IO;
using System.Net.Http.Headers;

namespace LinkedInPosts.Core.Api
{
    /// <summary>One PUT of raw bytes to an upload URL LinkedIn handed out (absolute, outside the API base).</summary>
    internal sealed class UploadRequest
    {
        public UploadRequest(Uri url, long length, Func<Stream> openBody, string what)
        {
            Url = url;
            Length = length;
            OpenBody = openBody;
            What = what;
        }

        /// <summary>The upload URL; its query (possibly a signature) is never logged.</summary>
        public Uri Url { get; }

        /// <summary>The exact number of bytes sent (the Content-Length).</summary>
        public long Length { get; }

        /// <summary>Opens the body afresh for each try.</summary>
        public Func<Stream> OpenBody { get; }

        /// <summary>What is sent, for logs and errors, e.g. "part 3 of 256 of clip.mp4".</summary>
        public string What { get; }

        /// <summary>Told how many bytes each read handed to the network.</summary>
        public Action<int>? OnSent { get; set; }

        /// <summary>How the call shows in logs and errors: <c>PUT scheme://host/path</c>, without the query.</summary>
        public string Display => "PUT " + Url.GetLeftPart(UriPartial.Path);
    }

    /// <summary>A 2xx answer to an upload PUT.</summary>
    internal sealed class UploadResponse
    {
        public UploadResponse(int status, HttpResponseHeaders headers)
        {
            Status = status;
            Headers = headers;
        }

        public int Status { get; }

        public HttpResponseHeaders Headers { get; }

        /// <summary>The ETag exactly as sent (LinkedIn's are opaque and may be unquoted), or null.</summary>
        public string? ETag
        {
            get
            {
                if (Headers.TryGetValues("ETag", out var values))
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
}
