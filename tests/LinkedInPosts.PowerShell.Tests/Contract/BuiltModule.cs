using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace LinkedInPosts.PowerShell.Tests.Contract;

/// <summary>
/// The built module read as metadata only (System.Reflection.MetadataLoadContext): the cmdlet
/// assembly in out/LinkedInPosts is inspected, never executed, so the contract tests see exactly the
/// attributes PowerShell will read.
/// </summary>
public sealed class BuiltModule : IDisposable
{
    private readonly MetadataLoadContext _context;

    public BuiltModule()
    {
        Assert.True(File.Exists(RepoPaths.ModuleAssembly), $"{RepoPaths.ModuleAssembly} is missing: build the solution first (dotnet build).");
        var paths = new List<string>();
        paths.AddRange(Directory.GetFiles(RepoPaths.ModuleFolder, "*.dll"));
        paths.AddRange(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"));
        // The module compiles against PowerShellStandard.Library; the real engine's assembly stands in for it.
        paths.Add(typeof(PSCmdlet).Assembly.Location);
        _context = new MetadataLoadContext(new PathAssemblyResolver(paths.Distinct(StringComparer.OrdinalIgnoreCase)));
        Assembly = _context.LoadFromAssemblyPath(RepoPaths.ModuleAssembly);
        Cmdlets = Assembly.GetTypes()
            .Where(type => type.GetCustomAttributesData().Any(a => a.AttributeType.FullName == typeof(CmdletAttribute).FullName))
            .Select(type => new CmdletInfoFromMetadata(type))
            .OrderBy(cmdlet => cmdlet.CommandName, StringComparer.Ordinal)
            .ToList();
        XmlDoc = XDocument.Load(RepoPaths.CmdletXmlDoc);
        Manifest = ReadPowerShellDataFile(RepoPaths.ModuleManifest);
    }

    public Assembly Assembly { get; }

    public IReadOnlyList<CmdletInfoFromMetadata> Cmdlets { get; }

    public XDocument XmlDoc { get; }

    /// <summary>The built manifest, evaluated by PowerShell's own parser as data (like Import-PowerShellDataFile).</summary>
    public System.Collections.Hashtable Manifest { get; }

    public CmdletInfoFromMetadata Cmdlet(string commandName) =>
        Cmdlets.SingleOrDefault(c => c.CommandName == commandName)
        ?? throw new Xunit.Sdk.XunitException($"No compiled cmdlet {commandName}; found: {string.Join(", ", Cmdlets.Select(c => c.CommandName))}");

    public static System.Collections.Hashtable ReadPowerShellDataFile(string path)
    {
        var ast = Parser.ParseFile(path, out _, out var errors);
        Assert.True(errors.Length == 0, $"{path} does not parse: {string.Join("; ", errors.Select(e => $"{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber} {e.Message}"))}");
        var table = ast.Find(node => node is HashtableAst, searchNestedScriptBlocks: false) as HashtableAst;
        Assert.NotNull(table);
        return (System.Collections.Hashtable)table!.SafeGetValue();
    }

    public void Dispose() => _context.Dispose();
}

/// <summary>What PowerShell reads from one cmdlet class.</summary>
public sealed class CmdletInfoFromMetadata
{
    public CmdletInfoFromMetadata(Type type)
    {
        Type = type;
        var cmdlet = type.GetCustomAttributesData().Single(a => a.AttributeType.FullName == typeof(CmdletAttribute).FullName);
        Verb = (string)cmdlet.ConstructorArguments[0].Value!;
        Noun = (string)cmdlet.ConstructorArguments[1].Value!;
        CmdletAttribute = cmdlet;
        Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttributesData().Any(a => a.AttributeType.FullName == typeof(ParameterAttribute).FullName))
            .Select(p => new ParameterFromMetadata(p))
            .ToList();
    }

    public Type Type { get; }
    public string Verb { get; }
    public string Noun { get; }
    public string CommandName => Verb + "-" + Noun;
    public CustomAttributeData CmdletAttribute { get; }
    public IReadOnlyList<ParameterFromMetadata> Parameters { get; }

    public T? Named<T>(string name) => NamedArgument<T>(CmdletAttribute, name);

    /// <summary>A named argument of an attribute, or default when it was not given.</summary>
    public static T? NamedArgument<T>(CustomAttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.MemberName == name)
            {
                return (T)argument.TypedValue.Value!;
            }
        }
        return default;
    }

    public bool SupportsShouldProcess => Named<bool>(nameof(System.Management.Automation.CmdletAttribute.SupportsShouldProcess));

    /// <summary>ConfirmImpact as PowerShell sees it (Medium when not set).</summary>
    public ConfirmImpact ConfirmImpact
    {
        get
        {
            var value = CmdletAttribute.NamedArguments.Any(a => a.MemberName == nameof(System.Management.Automation.CmdletAttribute.ConfirmImpact))
                ? Named<int>(nameof(System.Management.Automation.CmdletAttribute.ConfirmImpact))
                : (int)ConfirmImpact.Medium;
            return (ConfirmImpact)value;
        }
    }

    public string? DefaultParameterSetName => Named<string>(nameof(System.Management.Automation.CmdletAttribute.DefaultParameterSetName));

    public IReadOnlyList<CustomAttributeData> OutputTypes =>
        Type.GetCustomAttributesData().Where(a => a.AttributeType.FullName == typeof(OutputTypeAttribute).FullName).ToList();

    /// <summary>The public const string fields of the class, by value.</summary>
    public IReadOnlyDictionary<string, string> StringConstants =>
        Type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType.FullName == typeof(string).FullName)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

    /// <summary>Every explicitly named parameter set.</summary>
    public IReadOnlySet<string> ParameterSetNames
    {
        get
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var parameter in Parameters)
            {
                foreach (var set in parameter.Sets)
                {
                    if (set.Name != ParameterAttribute.AllParameterSets)
                    {
                        names.Add(set.Name);
                    }
                }
            }
            if (DefaultParameterSetName != null)
            {
                names.Add(DefaultParameterSetName);
            }
            return names;
        }
    }
}

/// <summary>One [Parameter] attribute of a property.</summary>
public sealed record ParameterSetEntry(string Name, bool Mandatory, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName);

/// <summary>A cmdlet parameter as metadata.</summary>
public sealed class ParameterFromMetadata
{
    public ParameterFromMetadata(PropertyInfo property)
    {
        Property = property;
        Sets = property.GetCustomAttributesData()
            .Where(a => a.AttributeType.FullName == typeof(ParameterAttribute).FullName)
            .Select(a =>
            {
                bool Flag(string name) => CmdletInfoFromMetadata.NamedArgument<bool>(a, name);
                var set = CmdletInfoFromMetadata.NamedArgument<string>(a, nameof(ParameterAttribute.ParameterSetName));
                return new ParameterSetEntry(
                    set ?? ParameterAttribute.AllParameterSets,
                    Flag(nameof(ParameterAttribute.Mandatory)),
                    Flag(nameof(ParameterAttribute.ValueFromPipeline)),
                    Flag(nameof(ParameterAttribute.ValueFromPipelineByPropertyName)));
            })
            .ToList();
        Aliases = property.GetCustomAttributesData()
            .Where(a => a.AttributeType.FullName == typeof(AliasAttribute).FullName)
            .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!))
            .ToList();
    }

    public PropertyInfo Property { get; }
    public string Name => Property.Name;
    public IReadOnlyList<ParameterSetEntry> Sets { get; }
    public IReadOnlyList<string> Aliases { get; }
    public bool ValueFromPipeline => Sets.Any(s => s.ValueFromPipeline);
    public bool ValueFromPipelineByPropertyName => Sets.Any(s => s.ValueFromPipelineByPropertyName);
    public bool InSet(string set) => Sets.Any(s => s.Name == set || s.Name == ParameterAttribute.AllParameterSets);

    /// <summary>The member id of the property in the compiler's XML documentation.</summary>
    public string XmlDocId => "P:" + Property.DeclaringType!.FullName + "." + Property.Name;
}
