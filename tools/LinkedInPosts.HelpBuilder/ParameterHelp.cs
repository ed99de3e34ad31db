using System.Globalization;

namespace LinkedInPosts.HelpBuilder;

/// <summary>One entry of PARAMETERS. <see cref="Source"/> is null for the paging and ShouldProcess parameters PowerShell adds.</summary>
internal sealed record ParameterHelp(
    string Name,
    IReadOnlyList<string> Description,
    string TypeFullName,
    string TypeName,
    bool IsSwitch,
    bool Required,
    string Position,
    string PipelineInput,
    bool Globbing,
    IReadOnlyList<string> Aliases,
    ParameterEntry? Source)
{
    public static ParameterHelp From(CmdletEntry cmdlet, ParameterEntry parameter, DocComments docs, List<string> gaps)
    {
        var property = parameter.Property;
        var description = docs.Summary("P:" + property.DeclaringType!.FullName + "." + property.Name);
        if (description.Count == 0)
        {
            gaps.Add($"{cmdlet.Name} -{parameter.Name} ({property.DeclaringType.FullName}.{property.Name}) has no <summary>: it is the parameter's help.");
        }
        // Metadata types are not runtime types, so Nullable.GetUnderlyingType cannot tell; Get-Help shows int? as Int32.
        var type = property.PropertyType;
        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
        {
            type = type.GetGenericArguments()[0];
        }
        var positions = parameter.Sets.Select(s => s.Position).Distinct().ToList();
        var byValue = parameter.Sets.Any(s => s.ByValue);
        var byName = parameter.Sets.Any(s => s.ByPropertyName);
        return new ParameterHelp(
            parameter.Name,
            description,
            type.FullName!,
            type.Name,
            parameter.IsSwitch,
            parameter.Sets.All(s => s.Mandatory),
            positions.Count == 1 && positions[0] is int position ? position.ToString(CultureInfo.InvariantCulture) : "named",
            byValue || byName
                ? "True (" + string.Join(", ", new[] { byValue ? "ByValue" : null, byName ? "ByPropertyName" : null }.OfType<string>()) + ")"
                : "False",
            parameter.SupportsWildcards,
            parameter.Aliases,
            parameter);
    }

    public static ParameterHelp Added(string name, string typeFullName, string description, params string[] aliases) =>
        new(name, [description], typeFullName, typeFullName.Substring(typeFullName.LastIndexOf('.') + 1),
            IsSwitch: typeFullName.EndsWith(".SwitchParameter", StringComparison.Ordinal), Required: false,
            "named", "False", Globbing: false, aliases, Source: null);
}
