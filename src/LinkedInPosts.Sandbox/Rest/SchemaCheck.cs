using System.Text.Json;
using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// Reads fields out of a JSON body and collects schema violations the way Rest.li reports them: all
/// at once, as 422 with one "ERROR :: /path :: text" line and one input error per violation.
/// Error codes other than LinkedIn's observed ones are the sandbox's own (see the README).
/// </summary>
internal sealed class SchemaCheck
{
    private readonly List<(string FieldPath, string Description, string Code)> _violations = new();

    public bool HasViolations => _violations.Count > 0;

    public LinkedInError ToError() => LinkedInErrors.SchemaViolations(_violations);

    public void Add(string path, string description, string code) => _violations.Add((path, description, code));

    public void Unrecognized(string path) => Add(path, "unrecognized field found but not allowed", "UNRECOGNIZED_FIELD");

    public void ReadOnly(string path, string request) => Add(path, $"ReadOnly field present in a {request} request", "READ_ONLY_FIELD");

    public void NotUpdatable(string path) => Add(path,
        "field cannot be updated; a partial update may only change " + string.Join(", ", PostFields.Updatable), "FIELD_NOT_UPDATABLE");

    public string? String(JsonObject json, string name, string path, bool required) =>
        Read(json, name, path, required, JsonValueKind.String, "string") is JsonValue value ? value.GetValue<string>() : null;

    public bool? Boolean(JsonObject json, string name, string path, bool required)
    {
        if (!json.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                Missing(path);
            }
            return null;
        }
        var kind = node.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            return kind == JsonValueKind.True;
        }
        Add(path, $"{node.ToJsonString()} cannot be coerced to Boolean", "INVALID_FIELD_TYPE");
        return null;
    }

    /// <summary>A whole number that fits a long (Rest.li's long), e.g. fileSizeBytes.</summary>
    public long? Integer(JsonObject json, string name, string path, bool required)
    {
        if (Read(json, name, path, required, JsonValueKind.Number, "long") is not JsonValue value)
        {
            return null;
        }
        if (value.TryGetValue<long>(out var number))
        {
            return number;
        }
        Add(path, $"{value.ToJsonString()} cannot be coerced to long", "INVALID_FIELD_TYPE");
        return null;
    }

    /// <summary>An array whose every element must be a string; elements are reported by index (path.0, path.1, …).</summary>
    public List<string>? StringArray(JsonObject json, string name, string path, bool required)
    {
        if (Array(json, name, path, required) is not { } array)
        {
            return null;
        }
        var strings = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                strings.Add(value.GetValue<string>());
            }
            else
            {
                Add($"{path}.{i}", $"{array[i]?.ToJsonString() ?? "null"} cannot be coerced to string", "INVALID_FIELD_TYPE");
            }
        }
        return strings.Count == array.Count ? strings : null;
    }

    /// <summary>Reports every member of <paramref name="json"/> not in <paramref name="known"/> as unrecognized.</summary>
    public void OnlyKnown(JsonObject json, string path, params string[] known)
    {
        foreach (var (name, _) in json)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                Unrecognized(path.Length == 0 ? name : path + "." + name);
            }
        }
    }

    public JsonObject? Object(JsonObject json, string name, string path, bool required) =>
        Read(json, name, path, required, JsonValueKind.Object, "record") as JsonObject;

    public JsonArray? Array(JsonObject json, string name, string path, bool required) =>
        Read(json, name, path, required, JsonValueKind.Array, "array") as JsonArray;

    public string? Enum(JsonObject json, string name, string path, bool required, IReadOnlyCollection<string> symbols)
    {
        var value = String(json, name, path, required);
        if (value is not null && !symbols.Contains(value))
        {
            Add(path, $"\"{value}\" is not an enum symbol (one of {string.Join(", ", symbols)})", "INVALID_ENUM_VALUE");
            return null;
        }
        return value;
    }

    private JsonNode? Read(JsonObject json, string name, string path, bool required, JsonValueKind kind, string typeName)
    {
        if (!json.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                Missing(path);
            }
            return null;
        }
        if (node.GetValueKind() != kind)
        {
            Add(path, $"{node.ToJsonString()} cannot be coerced to {typeName}", "INVALID_FIELD_TYPE");
            return null;
        }
        return node;
    }

    private void Missing(string path) => Add(path, "field is required but not found and has no default value", "MISSING_REQUIRED_FIELD");
}
