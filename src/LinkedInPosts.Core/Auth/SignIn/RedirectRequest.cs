using System;
using System.Collections.Generic;
using System.Text;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// The request line of one HTTP/1.1 request to the loopback listener, parsed strictly enough to be safe
    /// and loosely enough for any browser: <c>GET /path?query HTTP/1.1</c>. Headers are not needed and not read.
    /// </summary>
    internal sealed class RedirectRequest
    {
        private RedirectRequest(string method, string path, Dictionary<string, string> query)
        {
            Method = method;
            Path = path;
            Query = query;
        }

        public string Method { get; }

        /// <summary>The decoded path, e.g. <c>/callback</c>.</summary>
        public string Path { get; }

        /// <summary>Decoded query parameters; of a repeated name, the first counts.</summary>
        public IReadOnlyDictionary<string, string> Query { get; }

        public string? this[string name] => Query.TryGetValue(name, out var value) ? value : null;

        /// <summary>The request line out of the request head, or null when it is not one.</summary>
        public static RedirectRequest? Parse(string head)
        {
            var end = head.IndexOf('\n');
            var line = (end < 0 ? head : head.Substring(0, end)).TrimEnd('\r');
            var parts = line.Split(' ');
            if (parts.Length != 3 || parts[0].Length == 0 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            {
                return null;
            }
            var target = parts[1];
            if (target.Length == 0)
            {
                return null;
            }
            // The absolute form (GET http://127.0.0.1:8400/callback?... HTTP/1.1) is allowed by HTTP/1.1 too.
            if (!target.StartsWith("/", StringComparison.Ordinal))
            {
                if (!Uri.TryCreate(target, UriKind.Absolute, out var absolute))
                {
                    return null;
                }
                target = absolute.PathAndQuery;
            }
            var question = target.IndexOf('?');
            var rawPath = question < 0 ? target : target.Substring(0, question);
            var rawQuery = question < 0 ? string.Empty : target.Substring(question + 1);
            var fragment = rawQuery.IndexOf('#');
            if (fragment >= 0)
            {
                rawQuery = rawQuery.Substring(0, fragment);
            }
            return new RedirectRequest(parts[0], Decode(rawPath, plusIsSpace: false), ParseQuery(rawQuery));
        }

        /// <summary>Decoded <c>name=value</c> pairs of a query string (<c>+</c> is a space, as browsers send forms).</summary>
        public static Dictionary<string, string> ParseQuery(string query)
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in query.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                var name = Decode(equals < 0 ? pair : pair.Substring(0, equals), plusIsSpace: true);
                var value = equals < 0 ? string.Empty : Decode(pair.Substring(equals + 1), plusIsSpace: true);
                if (name.Length > 0 && !parameters.ContainsKey(name))
                {
                    parameters[name] = value;
                }
            }
            return parameters;
        }

        private static string Decode(string text, bool plusIsSpace)
        {
            if (plusIsSpace)
            {
                text = text.Replace('+', ' ');
            }
            try
            {
                return Uri.UnescapeDataString(text);
            }
            catch (UriFormatException)
            {
                return text;
            }
        }

        /// <summary>The length of the request head (up to and including the blank line) in <paramref name="received"/>, or -1 while it is incomplete.</summary>
        public static int HeadLength(StringBuilder received)
        {
            for (var i = 0; i < received.Length; i++)
            {
                if (received[i] != '\n')
                {
                    continue;
                }
                if (i + 1 < received.Length && received[i + 1] == '\n')
                {
                    return i + 2;
                }
                if (i + 2 < received.Length && received[i + 1] == '\r' && received[i + 2] == '\n')
                {
                    return i + 3;
                }
            }
            return -1;
        }
    }
}
