using System.Reflection;
using System.Runtime.InteropServices;

namespace LinkedInPosts.HelpBuilder;

/// <summary>
/// The cmdlet assembly read as metadata (MetadataLoadContext): the help describes exactly the attributes
/// PowerShell will read, and nothing of the module runs at build time.
/// </summary>
internal sealed class CmdletModule : IDisposable
{
    private const string Automation = "System.Management.Automation.";

    private readonly MetadataLoadContext _context;

    private CmdletModule(MetadataLoadContext context, IReadOnlyList<CmdletEntry> cmdlets)
    {
        _context = context;
        Cmdlets = cmdlets;
    }

    public IReadOnlyList<CmdletEntry> Cmdlets { get; }

    /// <summary>Loads the assembly; its references resolve from its own folder (PowerShellStandard's engine assembly is there) and the runtime's.</summary>
    public static CmdletModule Load(string assemblyPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!;
        var paths = Directory.GetFiles(folder, "*.dll")
            .Concat(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(group => group.First());
        var context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
        var cmdlets = assembly.GetTypes()
            .Select(CmdletEntry.TryRead)
            .OfType<CmdletEntry>()
            .OrderBy(cmdlet => cmdlet.Name, StringComparer.Ordinal)
            .ToList();
        return new CmdletModule(context, cmdlets);
    }

    public void Dispose() => _context.Dispose();

    internal static CustomAttributeData? Attribute(MemberInfo member, string name) =>
        member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == Automation + name);

    internal static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string name) =>
        member.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Automation + name);

    internal static T? Named<T>(CustomAttributeData attribute, string name)
    {
        var argument = attribute.NamedArguments.FirstOrDefault(a => a.MemberName == name);
        return argument.MemberInfo is null ? default : (T?)argument.TypedValue.Value;
    }
}

/// <summary>One compiled cmdlet: its [Cmdlet] and [OutputType] attributes and its parameters.</summary>
internal sealed record CmdletEntry(
    Type Type,
    string Verb,
    string Noun,
    bool SupportsShouldProcess,
    bool SupportsPaging,
    string? DefaultParameterSet,
    IReadOnlyList<ParameterEntry> Parameters,
    IReadOnlyList<Type> OutputTypes)
{
    public string Name => Verb + "-" + Noun;

    public static CmdletEntry? TryRead(Type type)
    {
        var cmdlet = CmdletModule.Attribute(type, "CmdletAttribute");
        if (cmdlet is null)
        {
            return null;
        }
        var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(ParameterEntry.TryRead)
            .OfType<ParameterEntry>()
            .ToList();
        var outputs = CmdletModule.Attributes(type, "OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(argument => argument.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(v => v.Value) : [argument.Value])
            .OfType<Type>()
            .ToList();
        return new CmdletEntry(
            type,
            (string)cmdlet.ConstructorArguments[0].Value!,
            (string)cmdlet.ConstructorArguments[1].Value!,
            CmdletModule.Named<bool>(cmdlet, "SupportsShouldProcess"),
            CmdletModule.Named<bool>(cmdlet, "SupportsPaging"),
            CmdletModule.Named<string>(cmdlet, "DefaultParameterSetName"),
            parameters,
            outputs);
    }

    /// <summary>
    /// The parameter sets as Get-Help shows them, the default one first; a cmdlet without named sets has one.
    /// A parameter without a set name is in all of them.
    /// </summary>
    public IReadOnlyList<string> ParameterSets
    {
        get
        {
            var named = Parameters.SelectMany(p => p.Sets).Select(s => s.Name)
                .Where(name => name != ParameterSetEntry.AllSets)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (named.Count == 0)
            {
                return [ParameterSetEntry.AllSets];
            }
            if (DefaultParameterSet is not null && named.Remove(DefaultParameterSet))
            {
                named.Insert(0, DefaultParameterSet);
            }
            return named;
        }
    }
}

/// <summary>A cmdlet parameter: one [Parameter] attribute per set it is in, its aliases and whether it takes wildcards.</summary>
internal sealed record ParameterEntry(PropertyInfo Property, IReadOnlyList<ParameterSetEntry> Sets, IReadOnlyList<string> Aliases, bool SupportsWildcards)
{
    public string Name => Property.Name;

    public bool IsSwitch => Property.PropertyType.FullName == "System.Management.Automation.SwitchParameter";

    public static ParameterEntry? TryRead(PropertyInfo property)
    {
        var sets = CmdletModule.Attributes(property, "ParameterAttribute").Select(ParameterSetEntry.Read).ToList();
        if (sets.Count == 0)
        {
            return null;
        }
        var aliases = CmdletModule.Attributes(property, "AliasAttribute")
            .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
            .Select(v => (string)v.Value!)
            .ToList();
        return new ParameterEntry(property, sets, aliases, CmdletModule.Attribute(property, "SupportsWildcardsAttribute") is not null);
    }

    /// <summary>This parameter's entry for <paramref name="set"/>, or null when it is not in that set.</summary>
    public ParameterSetEntry? In(string set) =>
        Sets.FirstOrDefault(s => s.Name == set) ?? Sets.FirstOrDefault(s => s.Name == ParameterSetEntry.AllSets);
}

/// <summary>What one [Parameter] attribute says.</summary>
internal sealed record ParameterSetEntry(string Name, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName)
{
    /// <summary>ParameterAttribute.AllParameterSets.</summary>
    public const string AllSets = "__AllParameterSets";

    public static ParameterSetEntry Read(CustomAttributeData attribute)
    {
        var position = CmdletModule.Named<int?>(attribute, "Position");
        return new ParameterSetEntry(
            CmdletModule.Named<string>(attribute, "ParameterSetName") ?? AllSets,
            CmdletModule.Named<bool>(attribute, "Mandatory"),
            position is null or int.MinValue ? null : position,
            CmdletModule.Named<bool>(attribute, "ValueFromPipeline"),
            CmdletModule.Named<bool>(attribute, "ValueFromPipelineByPropertyName"));
    }
}
