using System.Globalization;
using System.Net;
using System.Text;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>The small HTML pages the loopback listener answers the browser with, as complete HTTP/1.1 responses.</summary>
    internal static class RedirectPage
    {
        public static byte[] Received() => Response(200, "OK", "LinkedIn sign-in",
            "LinkedIn sent its answer to PowerShell.",
            "You can close this window and return to PowerShell.");

        public static byte[] Failed(string error, string? description) => Response(200, "OK", "LinkedIn sign-in did not complete",
            "LinkedIn answered: " + error + (string.IsNullOrEmpty(description) ? string.Empty : " (" + description + ")") + ".",
            "You can close this window. PowerShell says what to do next.");

        public static byte[] Waiting() => Response(400, "Bad Request", "Waiting for LinkedIn",
            "This address receives LinkedIn's sign-in answer, and this request did not carry one.",
            "Finish signing in on LinkedIn's page.");

        public static byte[] NotFound() => Response(404, "Not Found", "Not found", "Nothing here.", string.Empty);

        public static byte[] MethodNotAllowed() => Response(405, "Method Not Allowed", "Method not allowed", "Only GET is answered here.", string.Empty, "Allow: GET\r\n");

        public static byte[] BadRequest() => Response(400, "Bad Request", "Bad request", "The request could not be read.", string.Empty);

        private static byte[] Response(int status, string reason, string title, string message, string next, string extraHeaders = "")
        {
            var html = new StringBuilder()
                .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .Append(WebUtility.HtmlEncode(title))
                .Append("</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>")
                .Append(WebUtility.HtmlEncode(title))
                .Append("</h1><p>")
                .Append(WebUtility.HtmlEncode(message))
                .Append("</p>");
            if (next.Length > 0)
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(next)).Append("</p>");
            }
            var body = Encoding.UTF8.GetBytes(html.Append("</body></html>").ToString());
            var head = Encoding.ASCII.GetBytes(
                "HTTP/1.1 " + status.ToString(CultureInfo.InvariantCulture) + " " + reason + "\r\n" +
                "Content-Type: text/html; charset=utf-8\r\n" +
                "Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n" +
                "Cache-Control: no-store\r\n" +
                "Referrer-Policy: no-referrer\r\n" +
                "X-Content-Type-Options: nosniff\r\n" +
                extraHeaders +
                "Connection: close\r\n\r\n");
            var response = new byte[head.Length + body.Length];
            head.CopyTo(response, 0);
            body.CopyTo(response, head.Length);
            return response;
        }
    }
}
