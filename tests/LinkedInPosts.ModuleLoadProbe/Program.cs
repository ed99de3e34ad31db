using System.Reflection;
using System.Runtime.Loader;

// Usage: MODULE_FOLDER QUEUE_FILE default|isolated
//   default   LinkedInPosts.Core.dll is loaded into the default load context with Assembly.LoadFrom and a
//             Resolving handler that looks only in MODULE_FOLDER: what PowerShell 7 does for a module.
//   isolated  everything is loaded into a custom AssemblyLoadContext that resolves only from MODULE_FOLDER
//             (and does not override LoadUnmanagedDll): the shape of a future isolated module.
// Then it opens QUEUE_FILE through QueueStoreFactory (reflection only: this program references nothing of
// the module), registers one due post, claims it, and prints:
//   engine: <IQueueStore.Engine>      schema: <n>      claimed: <n>
//   assembly: <name> <location>      for every loaded Microsoft.Data.Sqlite / SQLitePCLRaw / LinkedInPosts assembly
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: MODULE_FOLDER QUEUE_FILE default|isolated");
    return 2;
}
var moduleFolder = Path.GetFullPath(args[0]);
var queueFile = args[1];
var isolated = args[2] == "isolated";

Assembly? FromModuleFolder(AssemblyLoadContext context, AssemblyName name)
{
    var candidate = Path.Combine(moduleFolder, name.Name + ".dll");
    return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
}

Assembly core;
AssemblyLoadContext context;
if (isolated)
{
    context = new ModuleContext(moduleFolder);
    core = context.LoadFromAssemblyPath(Path.Combine(moduleFolder, "LinkedInPosts.Core.dll"));
}
else
{
    context = AssemblyLoadContext.Default;
    context.Resolving += FromModuleFolder;
    core = Assembly.LoadFrom(Path.Combine(moduleFolder, "LinkedInPosts.Core.dll"));
}

try
{
    var optionsType = core.GetType("LinkedInPosts.Core.Queue.QueueStoreOptions", throwOnError: true)!;
    var options = Activator.CreateInstance(optionsType)!;
    optionsType.GetProperty("Path")!.SetValue(options, queueFile);
    var factory = core.GetType("LinkedInPosts.Core.Queue.QueueStoreFactory", throwOnError: true)!;
    var store = (IDisposable)factory.GetMethod("Open")!.Invoke(null, new[] { options })!;
    using (store)
    {
        var storeType = core.GetType("LinkedInPosts.Core.Queue.IQueueStore", throwOnError: true)!;
        Console.WriteLine("engine: " + storeType.GetProperty("Engine")!.GetValue(store));
        Console.WriteLine("schema: " + storeType.GetProperty("SchemaVersion")!.GetValue(store));

        var newPostType = core.GetType("LinkedInPosts.Core.Queue.NewScheduledPost", throwOnError: true)!;
        var payload = "{\"v\":1,\"author\":\"urn:li:person:probe\",\"commentary\":\"Hello from the probe\"}";
        var post = Activator.CreateInstance(newPostType, "probe-1", "probe", "urn:li:person:probe",
            DateTimeOffset.UtcNow.AddMinutes(-1), "UTC", payload, null)!;
        var batch = Array.CreateInstance(newPostType, 1);
        batch.SetValue(post, 0);
        var modeType = core.GetType("LinkedInPosts.Core.Queue.RegistrationMode", throwOnError: true)!;
        storeType.GetMethod("RegisterBatch")!.Invoke(store, new object[] { batch, Enum.ToObject(modeType, 0) });
        var claimed = (System.Collections.ICollection)storeType.GetMethod("ClaimDue")!.Invoke(store,
            new object[] { DateTimeOffset.UtcNow, "probe", TimeSpan.FromMinutes(1), 10 })!;
        Console.WriteLine("claimed: " + claimed.Count);
    }
}
catch (TargetInvocationException e) when (e.InnerException != null)
{
    Console.WriteLine("error: " + e.InnerException.GetType().FullName + ": " + e.InnerException.Message);
    return 3;
}

foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
{
    var name = assembly.GetName().Name ?? string.Empty;
    if (name.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || name.StartsWith("SQLitePCLRaw", StringComparison.Ordinal) || name.StartsWith("LinkedInPosts.Core", StringComparison.Ordinal))
    {
        Console.WriteLine("assembly: " + name + " " + assembly.Location + " [" + AssemblyLoadContext.GetLoadContext(assembly)?.Name + "]");
    }
}
return 0;

/// <summary>
/// A load context that finds assemblies only in the module folder. Assemblies the framework itself has
/// (System.Memory, System.Buffers, ...: the module carries their netstandard2.0 builds for Windows
/// PowerShell) are left to the default context, as an isolating PowerShell host would, so there is one Span.
/// </summary>
internal sealed class ModuleContext : AssemblyLoadContext
{
    private static readonly string FrameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
    private readonly string _folder;

    public ModuleContext(string folder)
        : base("LinkedInPosts module", isCollectible: false) => _folder = folder;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (File.Exists(Path.Combine(FrameworkFolder, assemblyName.Name + ".dll")))
        {
            return null;
        }
        var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
