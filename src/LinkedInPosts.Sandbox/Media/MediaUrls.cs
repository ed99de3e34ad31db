using System.Globalization;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Media;

/// <summary>
/// The upload and download URLs the sandbox hands out. They point at the sandbox itself, at the address the
/// request arrived on (always 127.0.0.1:port), outside /rest like LinkedIn's www.linkedin.com/dms-uploads.
/// </summary>
internal static class MediaUrls
{
    public const string UploadPrefix = "/sandbox-uploads";
    public const string DownloadPrefix = "/sandbox-downloads";

    public static string Upload(HttpContext context, UploadSlot slot) => Origin(context) + UploadPrefix + "/" + slot.Id;

    /// <summary>A download URL signed with its expiry, so it stops working when the status said it would.</summary>
    public static string Download(HttpContext context, MediaStore store, MediaRecord media, long expiresAtMilliseconds) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Origin(context)}{DownloadPrefix}/{media.DownloadId}?expires={expiresAtMilliseconds}&signature={store.SignDownload(media.DownloadId, expiresAtMilliseconds)}");

    // The connection's own address, not the Host header: the URL must reach this listener whatever the client sent.
    private static string Origin(HttpContext context)
    {
        var address = context.Connection.LocalIpAddress;
        var host = address is null ? context.Request.Host.Value
            : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]:{context.Connection.LocalPort}"
            : $"{address}:{context.Connection.LocalPort}";
        return "http://" + host;
    }
}
