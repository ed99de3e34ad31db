using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// All connections of one store as one JSON document: the secret payload a store protects.
    /// <c>{"formatVersion":1,"connections":[...]}</c>. A newer module may raise the version; this one
    /// refuses to read a version it does not know rather than drop fields it does not understand.
    /// </summary>
    internal sealed class ConnectionDocument
    {
        public const int CurrentFormatVersion = 1;

        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
        };

        [JsonPropertyName("formatVersion")]
        public int FormatVersion { get; set; }

        [JsonPropertyName("connections")]
        public List<StoredConnection>? Connections { get; set; }

        /// <summary>The connections, or an <see cref="FormatException"/> whose message never quotes the content.</summary>
        public static List<StoredConnection> Parse(byte[] payload)
        {
            ConnectionDocument? document;
            try
            {
                document = JsonSerializer.Deserialize<ConnectionDocument>(payload, Options);
            }
            catch (JsonException e)
            {
                // JsonException's own message names a JSON path and position, never a value; still, only
                // the position is repeated, so no part of the content can reach a message.
                throw new FormatException(
                    "it is not valid JSON (line " + (e.LineNumber + 1) + ", byte " + (e.BytePositionInLine + 1) + ")");
            }
            catch (NotSupportedException)
            {
                throw new FormatException("it is not a LinkedInPosts connection document");
            }

            if (document == null)
            {
                throw new FormatException("it holds no document");
            }
            if (document.FormatVersion != CurrentFormatVersion)
            {
                throw new FormatException(document.FormatVersion > CurrentFormatVersion
                    ? "it was written in format version " + document.FormatVersion + " by a newer LinkedInPosts; update the module, or reset the store"
                    : "its format version (" + document.FormatVersion + ") is not one LinkedInPosts wrote");
            }
            if (document.Connections == null)
            {
                throw new FormatException("it has no connections list");
            }
            var connections = new List<StoredConnection>(document.Connections.Count);
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var connection in document.Connections)
            {
                if (connection == null || string.IsNullOrWhiteSpace(connection.Name))
                {
                    throw new FormatException("a connection in it has no name");
                }
                if (connection.ApiBase == null || !connection.ApiBase.IsAbsoluteUri ||
                    connection.OAuthBase == null || !connection.OAuthBase.IsAbsoluteUri)
                {
                    throw new FormatException("connection '" + connection.Name + "' in it has no absolute API or OAuth base address");
                }
                if (!names.Add(connection.Name))
                {
                    throw new FormatException("it holds two connections named '" + connection.Name + "'");
                }
                connections.Add(connection);
            }
            return connections;
        }

        public static byte[] Serialize(IEnumerable<StoredConnection> connections)
        {
            var document = new ConnectionDocument
            {
                FormatVersion = CurrentFormatVersion,
                Connections = connections.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            };
            return JsonSerializer.SerializeToUtf8Bytes(document, Options);
        }
    }
}
