using LinkedInPosts.HelpBuilder;

// LinkedInPosts.HelpBuilder <cmdlet assembly> <its XML documentation> <help file to write>
if (args.Length != 3)
{
    Console.Error.WriteLine("Usage: LinkedInPosts.HelpBuilder <LinkedInPosts.dll> <LinkedInPosts.xml> <out/LinkedInPosts/en-US/LinkedInPosts.dll-Help.xml>");
    return 2;
}
var (assemblyPath, xmlDocPath, helpPath) = (args[0], args[1], args[2]);

using var module = CmdletModule.Load(assemblyPath);
// The Core assembly's documentation (next to the cmdlet assembly's) describes the output types that live there.
var docs = DocComments.Load(new[] { xmlDocPath, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(xmlDocPath))!, "LinkedInPosts.Core.xml") }.Where(File.Exists));
var commands = module.Cmdlets.Select(cmdlet => CommandHelp.From(cmdlet, docs, module.Cmdlets)).ToList();

// A cmdlet or parameter without words would ship as syntax only: fail the build and say where to add them.
var gaps = commands.SelectMany(command => command.Gaps).ToList();
if (gaps.Count > 0)
{
    foreach (var gap in gaps)
    {
        Console.Error.WriteLine($"error LPHELP1: {gap}");
    }
    return 1;
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(helpPath))!);
MamlWriter.Write(commands, helpPath);
Console.WriteLine($"LinkedInPosts.HelpBuilder -> {helpPath} ({commands.Count} cmdlets, {commands.Sum(c => c.Examples.Count)} examples)");
return 0;
