using System.Diagnostics;
using System.Xml.Linq;
using LinkedInPosts.PowerShell.Tests.Contract;
using LinkedInPosts.PowerShell.Tests.Hosting;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// Get-Help, run by the real engine on the imported module, finds the MAML help the build writes
/// (out/LinkedInPosts/en-US/LinkedInPosts.dll-Help.xml, from the doc comments) and shows it. Without
/// that file Get-Help still answers for a compiled cmdlet, with the syntax as the synopsis and nothing
/// else, which is what these tests tell apart.
/// </summary>
public sealed class HelpTests
{
    private static string HelpFile => Path.Combine(RepoPaths.ModuleFolder, "en-US", "LinkedInPosts.dll-Help.xml");

    /// <summary>The help builder the build runs (tools/LinkedInPosts.HelpBuilder).</summary>
    private static string Builder => Path.Combine(RepoPaths.Root, "tools", "LinkedInPosts.HelpBuilder", "bin", RepoPaths.Configuration, "net10.0", "LinkedInPosts.HelpBuilder.dll");

    [Fact]
    public void EveryCommandHasASynopsisADescriptionExamplesAndWordsForEveryParameter()
    {
        using var session = PowerShellSession.Start();
        // One line per finding; a command whose help is whole writes nothing.
        var run = session.Run(@"
            foreach ($name in $args) {
                $help = Get-Help $name -Full
                if (-not $help.Synopsis -or $help.Synopsis.StartsWith($name)) { ""${name}: no synopsis (got '$($help.Synopsis)')"" }
                if (-not ($help.description | ForEach-Object Text)) { ""${name}: no description"" }
                $examples = @($help.examples.example)
                if ($examples.Count -eq 0 -or ($examples | Where-Object { -not $_.code })) { ""${name}: no example, or one without code"" }
                $described = @{}
                foreach ($p in $help.parameters.parameter) { $described[$p.name] = ($p.description | ForEach-Object Text) -join ' ' }
                $common = [System.Management.Automation.PSCmdlet]::CommonParameters
                foreach ($p in (Get-Command $name).Parameters.Keys | Where-Object { $_ -notin $common }) {
                    if (-not $described[$p]) { ""${name} -${p}: no description"" }
                }
            }", CmdletContractTests.ExpectedCommands.Cast<object>().ToArray());
        run.AssertNoErrors();
        Assert.Empty(run.Output.Select(o => o.ToString()));
    }

    /// <summary>
    /// Checks PowerShell code the way a reader would try it: it must parse, and every parameter it gives one of the
    /// module's cmdlets must be one of that cmdlet's (by name, alias or unambiguous prefix), so a renamed or
    /// removed parameter cannot live on in an example. Writes one line per problem, prefixed with $args[1].
    /// </summary>
    internal const string CheckCode = @"
        param($code, $where)
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref]$null, [ref]$errors)
        if ($errors) { ""${where}: does not parse: $($errors[0].Message)"" }
        foreach ($call in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)) {
            $target = Get-Command -Name $call.GetCommandName() -Module LinkedInPosts -ErrorAction Ignore
            if (-not $target) { continue }
            $names = foreach ($p in $target.Parameters.Values) { $p.Name; $p.Aliases }
            foreach ($given in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] } | ForEach-Object ParameterName) {
                $candidates = @($names | Where-Object { $_ -like ""$given*"" })
                if ($names -notcontains $given -and $candidates.Count -ne 1) { ""${where}: $($target.Name) has no parameter -$given"" }
            }
            # The engine's own binder, as tab completion runs it: parameter-set conflicts, arguments no position takes
            # (the names are checked above, in this check's own words).
            $bound = [System.Management.Automation.Language.StaticParameterBinder]::BindCommand($call, $true)
            $seen = @{}
            foreach ($problem in $bound.BindingExceptions.Values) {
                $id = $problem.BindingException.ErrorId
                if ($id -notin 'NamedParameterNotFound', 'AmbiguousParameter' -and -not $seen[$id]) { $seen[$id] = $true; ""${where}: $($call.Extent.Text): $id"" }
            }
        }";

    [Fact]
    public void EveryExampleParsesAndUsesOnlyParametersItsCmdletsHave()
    {
        using var session = PowerShellSession.Start();
        var run = session.Run(@"
            $check = [scriptblock]::Create($args[0])
            $count = 0
            foreach ($command in Get-Command -Module LinkedInPosts) {
                $i = 0
                foreach ($example in (Get-Help $command.Name -Full).examples.example) {
                    $i++; $count++
                    & $check $example.code ""$($command.Name) example $i""
                }
            }
            ""checked $count""", CheckCode);
        run.AssertNoErrors();
        var lines = run.Output.Select(o => o.ToString()).ToList();
        Assert.Empty(lines.Take(lines.Count - 1)); // one line per problem, before the count
        Assert.True(int.Parse(lines[^1].Substring("checked ".Length), System.Globalization.CultureInfo.InvariantCulture) >= 70, lines[^1]);
    }

    [Fact]
    public void EveryPowerShellBlockOfTheReadmeAndDocsUsesOnlyParametersItsCmdletsHave()
    {
        var blocks = new[] { Path.Combine(RepoPaths.Root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md"))
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), "```powershell\\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
                .Select((match, i) => (Code: match.Groups[1].Value, Where: $"{Path.GetFileName(file)} block {i + 1}")))
            .ToList();
        Assert.True(blocks.Count >= 5, $"found only {blocks.Count} powershell blocks");
        using var session = PowerShellSession.Start();
        var problems = blocks.SelectMany(block =>
        {
            var run = session.Run("& ([scriptblock]::Create($args[0])) $args[1] $args[2]", CheckCode, block.Code, block.Where);
            run.AssertNoErrors();
            return run.Output.Select(o => o.ToString());
        }).ToList();
        Assert.Empty(problems);
    }

    [Fact]
    public void TheCodeCheckFindsAParameterThatDoesNotExist()
    {
        using var session = PowerShellSession.Start();
        var run = session.Run("& ([scriptblock]::Create($args[0])) $args[1] 'sample'", CheckCode,
            "Get-LinkedInScheduledPost -Stat Pending | Set-LinkedInScheduledPost -Retyr; Write-Output -NoEnumerate 1; Register-LinkedInScheduledPost -When 'x' -T 'y'; " +
            "New-LinkedInPost -Poll 'q' -PollOption a,b -Image x.png; Get-LinkedInPost a b c");
        run.AssertNoErrors();
        // -Stat is a prefix of -State only; -Retyr is nothing; -T is ambiguous (Text, Time, TimeZone, Title); Write-Output is not ours;
        // a poll and an image are two parameter sets; Get-LinkedInPost takes one URN by position, not three.
        Assert.Equal(new[]
        {
            "sample: Set-LinkedInScheduledPost has no parameter -Retyr",
            "sample: Register-LinkedInScheduledPost has no parameter -T",
            "sample: New-LinkedInPost -Poll 'q' -PollOption a,b -Image x.png: AmbiguousParameterSet",
            "sample: Get-LinkedInPost a b c: PositionalParameterNotFound",
        }, run.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void RegisterLinkedInScheduledPostsHelpSaysWhatItsDocCommentsSay()
    {
        using var session = PowerShellSession.Start();
        var run = session.Run(@"
            $help = Get-Help Register-LinkedInScheduledPost -Full
            $help.Synopsis
            $at = $help.parameters.parameter | Where-Object name -eq ScheduledAt
            ($at.description | ForEach-Object Text) -join ' '
            $at.pipelineInput
            $at.aliases
            $at.position
            $help.examples.example[0].code
            @($help.examples.example).Count
            ($help.relatedLinks.navigationLink | ForEach-Object linkText) -join ','
            @($help.syntax.syntaxItem).Count");
        run.AssertNoErrors();
        var lines = run.Output.Select(o => o.ToString()).ToList();
        Assert.Equal("Puts posts in the schedule queue, for Invoke-LinkedInPostQueue to publish at their time.", lines[0]);
        Assert.StartsWith("When to publish: a DateTime, a DateTimeOffset or text such as 2026-12-24 09:30", lines[1]);
        Assert.DoesNotContain("  ", lines[1]); // the comment's line breaks and indentation are gone
        Assert.Equal("True (ByPropertyName)", lines[2]);
        Assert.Equal("When, PublishAt", lines[3]);
        Assert.Equal("1", lines[4]);
        Assert.Equal("Import-Csv ./posts.csv | Register-LinkedInScheduledPost -BasePath ./ -TimeZone Europe/Berlin", lines[5]);
        Assert.Equal("5", lines[6]);
        var related = lines[7].Split(',');
        Assert.Contains("Get-LinkedInScheduledPost", related); // same noun
        Assert.Contains("Invoke-LinkedInPostQueue", related); // <seealso>
        Assert.Equal("1", lines[8]); // one parameter set: the kind of post is decided per row
    }

    [Fact]
    public void ParametersThatExpandWildcardsSayTheyDo()
    {
        using var session = PowerShellSession.Start();
        var run = session.Run(@"
            foreach ($p in 'Add-LinkedInMedia:Path', 'Add-LinkedInMedia:LiteralPath', 'New-LinkedInPost:Image', 'Register-LinkedInScheduledPost:Media', 'New-LinkedInPost:Text') {
                $command, $parameter = $p -split ':'
                $p + '=' + (Get-Help $command -Parameter $parameter).globbing
            }");
        run.AssertNoErrors();
        Assert.Equal(
            new[] { "Add-LinkedInMedia:Path=true", "Add-LinkedInMedia:LiteralPath=false", "New-LinkedInPost:Image=true", "Register-LinkedInScheduledPost:Media=true", "New-LinkedInPost:Text=false" },
            run.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void ACmdletsExamplesKeepTheirCodeAndRemarksApart()
    {
        using var session = PowerShellSession.Start();
        var run = session.Run("$e = (Get-Help Invoke-LinkedInPostQueue -Examples).examples.example[2]; $e.code; ($e.remarks | ForEach-Object Text) -join ' '");
        run.AssertNoErrors();
        Assert.Equal("Invoke-LinkedInPostQueue -WhatIf", run.Output[0].ToString());
        Assert.StartsWith("Shows the posts a run would publish now", run.Output[1].ToString());
    }

    [Fact]
    public void TheModuleHasAnAboutTopicThatNamesEveryCommandAndEnvironmentVariable()
    {
        using var session = PowerShellSession.Start();
        var run = session.Run("[string](Get-Help about_LinkedInPosts)");
        run.AssertNoErrors();
        var text = string.Join("\n", run.Output.Select(o => o.ToString()));
        Assert.Contains("about_LinkedInPosts", text);
        Assert.Contains("SHORT DESCRIPTION", text);
        Assert.All(CmdletContractTests.ExpectedCommands, command => Assert.Contains(command, text));
        // Every LINKEDINPOSTS_ variable the module reads, but the test-only crontab override, is explained.
        var variables = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), "\"(LINKEDINPOSTS_[A-Z_]+)\"").Select(m => m.Groups[1].Value))
            .Where(name => name != "LINKEDINPOSTS_CRONTAB")
            .Distinct()
            .ToList();
        Assert.Contains("LINKEDINPOSTS_QUEUE", variables);
        Assert.All(variables, variable => Assert.Contains("    " + variable + "\n", text + "\n"));
    }

    [Fact]
    public void TheBuilderRefusesAParameterWithoutWordsAndNamesIt()
    {
        // The build runs the builder on every build of the cmdlet project: a parameter added without a
        // <summary> fails the build with this message instead of shipping as bare syntax.
        var folder = Directory.CreateTempSubdirectory("linkedinposts-help-").FullName;
        try
        {
            var doc = XDocument.Load(RepoPaths.CmdletXmlDoc);
            var member = doc.Descendants("member").Single(m => (string?)m.Attribute("name") == "P:LinkedInPosts.PowerShell.Cmdlets.InvokeLinkedInPostQueueCommand.MaxLateness");
            member.Remove();
            var xml = Path.Combine(folder, "LinkedInPosts.xml");
            doc.Save(xml);
            var output = Path.Combine(folder, "en-US", "LinkedInPosts.dll-Help.xml");

            var (exit, stderr) = RunBuilder(RepoPaths.CmdletAssemblyInBin, xml, output);

            Assert.Equal(1, exit);
            Assert.Contains("Invoke-LinkedInPostQueue -MaxLateness", stderr);
            Assert.Contains("has no <summary>", stderr);
            Assert.False(File.Exists(output), "a refused build must not leave a help file");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TheShippedHelpFileIsWhatTheBuilderWritesFromTheBuiltAssembly()
    {
        var folder = Directory.CreateTempSubdirectory("linkedinposts-help-").FullName;
        try
        {
            var output = Path.Combine(folder, "LinkedInPosts.dll-Help.xml");
            var (exit, stderr) = RunBuilder(RepoPaths.CmdletAssemblyInBin, RepoPaths.CmdletXmlDoc, output);
            Assert.True(exit == 0, stderr);
            Assert.Equal(File.ReadAllText(output), File.ReadAllText(HelpFile));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int Exit, string Stderr) RunBuilder(params string[] arguments)
    {
        Assert.True(File.Exists(Builder), $"{Builder} is missing: build the solution first.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Builder);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "the help builder did not finish in a minute");
        return (process.ExitCode, stderr.Result);
    }
}
