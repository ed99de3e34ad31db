using System.Text.Json.Nodes;
using LinkedInPosts.Sandbox.Errors;

namespace LinkedInPosts.Sandbox.Rest;

/// <summary>
/// A validated Rest.li patch, <c>{"patch":{"$set":{…},"$delete":[…]}}</c>. Only the fields LinkedIn lets a
/// post change may appear; anything else is a 422 naming the field.
/// </summary>
internal sealed record PostPatch(IReadOnlyDictionary<string, JsonNode?> Set, IReadOnlyList<string> Delete)
{
    public static (PostPatch? Patch, LinkedInError? Error) Parse(JsonObject body)
    {
        var check = new SchemaCheck();
        foreach (var (name, _) in body)
        {
            if (name != "patch")
            {
                check.Unrecognized(name);
            }
        }
        var patch = check.Object(body, "patch", "patch", required: true);
        var set = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var delete = new List<string>();
        if (patch is not null)
        {
            foreach (var (operation, _) in patch)
            {
                if (operation is "$set" or "$delete")
                {
                    continue;
                }
                // A nested patch ("distribution": {"$set": …}) is a change to that field.
                if (PostFields.Updatable.Contains(operation))
                {
                    check.Add(operation, "nested patches are not supported by the sandbox; $set the whole field", "UNSUPPORTED_PATCH");
                }
                else
                {
                    check.NotUpdatable(operation);
                }
            }
            if (check.Object(patch, "$set", "patch.$set", required: false) is { } setFields)
            {
                ReadSet(setFields, set, check);
            }
            if (check.Array(patch, "$delete", "patch.$delete", required: false) is { } deleteFields)
            {
                ReadDelete(deleteFields, delete, check);
            }
        }
        return check.HasViolations ? (null, check.ToError()) : (new PostPatch(set, delete), null);
    }

    private static void ReadSet(JsonObject fields, Dictionary<string, JsonNode?> set, SchemaCheck check)
    {
        foreach (var (name, value) in fields)
        {
            if (!PostFields.Updatable.Contains(name))
            {
                check.NotUpdatable(name);
                continue;
            }
            var ok = name switch
            {
                "commentary" or "contentLandingPage" => check.String(fields, name, name, required: true) is not null,
                "contentCallToActionLabel" => check.Enum(fields, name, name, required: true, PostFields.CallToActionLabels) is not null,
                "lifecycleState" => check.Enum(fields, name, name, required: true, PostFields.LifecycleStates) is not null,
                "reshareContext" => check.Object(fields, name, name, required: true) is { } reshare && Reshare(check, reshare),
                _ => check.Object(fields, name, name, required: true) is not null,
            };
            if (ok)
            {
                set[name] = value?.DeepClone();
            }
        }
    }

    private static bool Reshare(SchemaCheck check, System.Text.Json.Nodes.JsonObject reshare)
    {
        PostContent.CheckReshareSchema(check, reshare, "reshareContext");
        return true;
    }

    private static void ReadDelete(JsonArray fields, List<string> delete, SchemaCheck check)
    {
        foreach (var node in fields)
        {
            var name = node?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node?.ToJsonString() ?? "null";
            if (PostFields.Deletable.Contains(name))
            {
                delete.Add(name);
            }
            else if (PostFields.Updatable.Contains(name))
            {
                check.Add(name, "required field cannot be deleted", "FIELD_NOT_DELETABLE");
            }
            else
            {
                check.NotUpdatable(name);
            }
        }
    }
}
