using System.Linq;
using System.Text.Json;

namespace LinkedInPosts.Core.Api
{
    /// <summary>Reads Rest.li's <c>paging</c> object of a collection answer.</summary>
    internal static class RestLiPaging
    {
        /// <summary>
        /// Whether a page after this one exists: a <c>next</c> link says so, and <c>start</c> + the elements
        /// received vs <c>total</c>, where LinkedIn sends a total, settles it.
        /// </summary>
        public static bool HasNext(JsonElement root, int elementsReceived)
        {
            var hasNext = false;
            if (root.TryGetProperty("paging", out var paging) && paging.ValueKind == JsonValueKind.Object)
            {
                if (paging.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Array)
                {
                    hasNext = links.EnumerateArray().Any(link => PostJson.String(link, "rel") == "next");
                }
                if (paging.TryGetProperty("total", out var total) && total.ValueKind == JsonValueKind.Number
                    && paging.TryGetProperty("start", out var start) && start.ValueKind == JsonValueKind.Number)
                {
                    hasNext = start.GetInt32() + elementsReceived < total.GetInt32();
                }
            }
            return hasNext;
        }
    }
}
