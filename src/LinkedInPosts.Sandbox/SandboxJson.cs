using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LinkedInPosts.Sandbox;

/// <summary>
/// JSON settings of the whole sandbox, shared by the server and <see cref="SandboxAdminClient"/>: camelCase,
/// enums as camelCase strings (admin API), and LinkedIn-like minimal escaping (all responses).
/// </summary>
internal static class SandboxJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        // LinkedIn sends commentary and messages with raw quotes, angle brackets and non-ASCII text,
        // not \u0022-style escapes; the bodies are JSON for API clients, never embedded in HTML.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }
}
