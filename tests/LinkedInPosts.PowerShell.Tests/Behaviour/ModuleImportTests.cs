using System.Collections;
using System.Management.Automation;
using LinkedInPosts.PowerShell.Tests.Contract;
using LinkedInPosts.PowerShell.Tests.Hosting;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>The built module folder as PowerShell itself loads it.</summary>
public sealed class ModuleImportTests
{
    [Fact]
    public void ImportExposesExactlyTheExpectedCmdlets()
    {
        using var session = PowerShellSession.Start();
        var run = session.Run("Get-Command -Module LinkedInPosts | ForEach-Object { $_.CommandType.ToString() + ' ' + $_.Name }");
        run.AssertNoErrors();
        Assert.Equal(
            CmdletContractTests.ExpectedCommands.Select(name => "Cmdlet " + name).OrderBy(n => n, StringComparer.Ordinal),
            run.Output.Select(o => o.ToString()).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void TheModuleAndCoreAreLoadedFromTheBuiltFolder()
    {
        // What is tested must be what ships: not a copy of the assemblies in the test's bin folder.
        using var session = PowerShellSession.Start();
        var run = session.Run(
            "(Get-Module LinkedInPosts).ImplementingAssembly.Location; " +
            "[LinkedInPosts.Core.Api.LinkedInClient].Assembly.Location");
        run.AssertNoErrors();
        Assert.Equal(
            new[] { RepoPaths.ModuleAssembly, RepoPaths.CoreAssembly }.Select(Path.GetFullPath),
            run.Output.Select(o => Path.GetFullPath(o.ToString())));
    }

    [Fact]
    public void TheModulesObjectsHaveDefaultViewsWhosePropertiesExist()
    {
        using var session = PowerShellSession.Start();
        // (ManageScheduledPostTests and FormatViewTests see the tables in Out-String: the manifest loads the files.)
        var files = new[] { "LinkedInPosts.Format.ps1xml", "LinkedInPosts.Queue.Format.ps1xml" };
        Assert.Equal(files, ((object[])BuiltModule.ReadPowerShellDataFile(RepoPaths.ModuleManifest)["FormatsToProcess"]!).Cast<string>());
        var views = files.SelectMany(file => System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.ModuleFolder, file)).Descendants("View")).ToList();
        string TypeOf(System.Xml.Linq.XElement view) => view.Descendants("TypeName").Single().Value;
        // A view selected by a type name of our own (…#Registered) shows the .NET type before the '#'.
        string ClassOf(System.Xml.Linq.XElement view) => TypeOf(view).Split('#')[0];
        Assert.Equal(
            new[]
            {
                "LinkedInPosts.Core.Api.LinkedInPost", "LinkedInPosts.Core.Content.LinkedInUrn", "LinkedInPosts.Core.Media.UploadedMedia",
                "LinkedInPosts.PowerShell.Connections.LinkedInConnection", "LinkedInPosts.PowerShell.Connections.LinkedInConnectionTestResult",
                "LinkedInPosts.PowerShell.Queue.LinkedInQueueFinding", "LinkedInPosts.PowerShell.Queue.LinkedInQueueRunResult", "LinkedInPosts.PowerShell.Queue.LinkedInQueueRunSummary",
                "LinkedInPosts.PowerShell.Queue.LinkedInScheduledPost", "LinkedInPosts.PowerShell.Queue.LinkedInScheduledPost#Registered",
                "LinkedInPosts.PowerShell.Scheduling.LinkedInPostQueueTask",
            },
            views.Select(TypeOf).OrderBy(t => t, StringComparer.Ordinal));
        // Every property a view names or its script blocks read ($_.Name; not a method call such as $_.ToString()) is
        // one of its type's: a misspelt one would show an empty column, silently.
        var named = views.SelectMany(view => view.Descendants("PropertyName").Select(p => p.Value)
                .Concat(view.Descendants("ScriptBlock").SelectMany(b => System.Text.RegularExpressions.Regex.Matches(b.Value, @"\$_\.(\w+)(?!\w*\()").Select(m => m.Groups[1].Value)))
                .Select(property => ClassOf(view) + "." + property))
            .Distinct()
            .ToList();
        Assert.Contains("LinkedInPosts.Core.Api.LinkedInPost.Commentary", named);
        var missing = session.Run(
            "foreach ($n in $args) { $i = $n.LastIndexOf('.'); if ($null -eq ([type]$n.Substring(0, $i)).GetProperty($n.Substring($i + 1))) { $n } }",
            named.Cast<object>().ToArray());
        missing.AssertNoErrors();
        Assert.Empty(missing.Output);
    }

    [Fact]
    public void TestModuleManifestAcceptsTheBuiltManifest()
    {
        using var session = PowerShellSession.StartEmpty();
        var run = session.Run("$m = Test-ModuleManifest -Path $args[0] -ErrorAction Stop; $m.Version.ToString(); $m.RootModule; [string[]]$e = $m.CompatiblePSEditions; [array]::Sort($e); $e -join ','", RepoPaths.ModuleManifest);
        run.AssertNoErrors();
        var props = System.Xml.Linq.XDocument.Load(RepoPaths.DirectoryBuildProps).Descendants("VersionPrefix").Single().Value;
        Assert.Equal(new[] { props, "LinkedInPosts.dll", "Core,Desktop" }, run.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void TheEngineSeesTheParameterSetsTheCodeDeclares()
    {
        using var session = PowerShellSession.Start();
        var run = session.Run("(Get-Command Get-LinkedInPost).ParameterSets | ForEach-Object { $_.Name + ':' + $_.IsDefault }");
        run.AssertNoErrors();
        Assert.Equal(new[] { "ByAuthor:False", "ByAuthorAll:False", "ByUrn:True" }, run.Output.Select(o => o.ToString()).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Get-LinkedInPost -Urn urn:li:share:1", "ByUrn")]
    [InlineData("Get-LinkedInPost urn:li:share:1", "ByUrn")]
    [InlineData("Get-LinkedInPost -Author urn:li:person:a", "ByAuthor")]
    [InlineData("Get-LinkedInPost -Author urn:li:person:a -First 3", "ByAuthor")]
    [InlineData("Get-LinkedInPost -Author urn:li:person:a -All", "ByAuthorAll")]
    [InlineData("Remove-LinkedInPost urn:li:share:1", "ByUrn")]
    [InlineData("New-LinkedInPost 'text'", "Text")]
    [InlineData("New-LinkedInPost 'text' -FirstComment c -Author urn:li:person:a -Raw", "Text")]
    [InlineData("New-LinkedInPost 'text' -Media ./a.png -Title t -AltText a", "Media")]
    [InlineData("New-LinkedInPost -Media urn:li:image:abc", "Media")]
    [InlineData("New-LinkedInPost 'text' -Image ./a.png, ./b.png -AltText a, b", "MultiImage")]
    [InlineData("New-LinkedInPost -ArticleUrl https://example.com -ArticleTitle t -ArticleDescription d -ArticleThumbnail ./c.png", "Article")]
    [InlineData("New-LinkedInPost 'text' -Poll 'Q?' -PollOption a, b -PollDuration OneDay", "Poll")]
    [InlineData("New-LinkedInPost -Reshare urn:li:share:1", "Reshare")]
    [InlineData("New-LinkedInPost 'text' -Reshare urn:li:share:1 -FirstComment c", "Reshare")]
    [InlineData("Add-LinkedInMedia ./chart.png", "Path")]
    [InlineData("Add-LinkedInMedia -Path *.png -AltText x -Title y -Author urn:li:person:a -ProcessingTimeout 60", "Path")]
    [InlineData("Add-LinkedInMedia -LiteralPath './demo [final].mp4'", "LiteralPath")]
    [InlineData("Set-LinkedInPost urn:li:share:1 'text'", "Text")]
    [InlineData("Connect-LinkedIn", "AccessToken")]
    [InlineData("Connect-LinkedIn -AccessToken ([securestring]::new()) -AccessTokenExpiresAt 2027-01-01", "AccessToken")]
    [InlineData("Connect-LinkedIn -ClientId 78abc -ClientSecret ([securestring]::new()) -Organization -Timeout 00:00:30", "OAuth")]
    [InlineData("Connect-LinkedIn -ClientId 78abc -Pkce -NoBrowser", "OAuthPkce")]
    [InlineData("Connect-LinkedIn -Credential ([pscredential]::new('78abc', [securestring]::new())) -Scope openid", "OAuthCredential")]
    [InlineData("Disconnect-LinkedIn work", "ByName")]
    [InlineData("Disconnect-LinkedIn -All -Force", "All")]
    [InlineData("Get-LinkedInConnection w*", "ByName")]
    [InlineData("Test-LinkedInConnection work -Quiet", "ByName")]
    public void EachParameterSetIsReachable(string commandLine, string expectedSet)
    {
        // The engine binds the command line for real against a probe function generated from the
        // cmdlet's own metadata (ProxyCommand), which only reports the parameter set it was given.
        using var session = PowerShellSession.Start();
        var name = commandLine.Split(' ')[0];
        var generated = session.Run(
            "$metadata = [System.Management.Automation.CommandMetadata]::new((Get-Command $args[0])); " +
            "[System.Management.Automation.ProxyCommand]::GetCmdletBindingAttribute($metadata); " +
            "[System.Management.Automation.ProxyCommand]::GetParamBlock($metadata)",
            name);
        generated.AssertNoErrors();
        var probe = "function Probe-" + name + " { " + generated.Output[0] + " param(" + generated.Output[1] + ") $PSCmdlet.ParameterSetName }\n" +
            "Probe-" + commandLine;
        var run = session.Run(probe);
        run.AssertNoErrors();
        Assert.Equal(expectedSet, run.Output.Single().ToString());
    }

    [Fact]
    public void PipedFilesBindToPathByFullName()
    {
        // Get-ChildItem's objects carry both PSPath (LiteralPath's alias) and FullName (Path's alias); the
        // engine prefers the default set, so they bind to -Path with their full name. That is why -Path
        // takes a name that exists as written literally before reading it as a wildcard pattern: a piped
        // 'x [1].png' must not be read as the pattern matching 'x 1.png'. A probe with Add-LinkedInMedia's
        // own parameters reports what the engine chose.
        using var session = PowerShellSession.Start();
        var folder = Path.Combine(Path.GetTempPath(), "linkedinposts-bind-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "x [1].png");
            File.WriteAllText(file, "x");
            var generated = session.Run(
                "$metadata = [System.Management.Automation.CommandMetadata]::new((Get-Command Add-LinkedInMedia)); " +
                "[System.Management.Automation.ProxyCommand]::GetCmdletBindingAttribute($metadata); " +
                "[System.Management.Automation.ProxyCommand]::GetParamBlock($metadata)");
            generated.AssertNoErrors();
            var probe = "function Probe { " + generated.Output[0] + " param(" + generated.Output[1] + ") process { $PSCmdlet.ParameterSetName + ' ' + $Path } }\n";
            var run = session.Run(
                probe +
                "$ExecutionContext.InvokeProvider.ChildItem.Get($args[0], $false) | Probe; " +
                "[System.IO.DirectoryInfo]::new($args[0]).GetFiles() | Probe",
                folder);
            run.AssertNoErrors();
            Assert.Equal(new[] { "Path " + file, "Path " + file }, run.Output.Select(o => o.ToString()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ConnectionNamesCompleteFromThisSession()
    {
        using var session = PowerShellSession.Start();
        // Completion reads this session's registry and the token store only; no network is involved.
        // (The prefix matches no name the behaviour tests, running beside this one, may have stored.)
        var run = session.Run(
            "$line = 'New-LinkedInPost -Text x -Connection zz-none-'; " +
            "(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.Count");
        run.AssertNoErrors();
        Assert.Equal("0", run.Output.Single().ToString());
    }
}
