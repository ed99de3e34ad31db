using System.Management.Automation;
using System.Reflection;

namespace LinkedInPosts.PowerShell.Tests.Contract;

/// <summary>
/// What PowerShell and its users rely on, checked from the built assembly's metadata: names, verbs,
/// OutputType, ShouldProcess, parameter sets, pipeline binding and documentation.
/// </summary>
public sealed class CmdletContractTests : IClassFixture<BuiltModule>
{
    /// <summary>
    /// PowerShell's approved verbs with their groups, as Get-Verb lists them. Hard-coded so the rule
    /// reads plainly here; <see cref="ApprovedVerbTableMatchesTheEngine"/> keeps it honest.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> ApprovedVerbs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Common
        ["Add"] = "Common", ["Clear"] = "Common", ["Close"] = "Common", ["Copy"] = "Common", ["Enter"] = "Common",
        ["Exit"] = "Common", ["Find"] = "Common", ["Format"] = "Common", ["Get"] = "Common", ["Hide"] = "Common",
        ["Join"] = "Common", ["Lock"] = "Common", ["Move"] = "Common", ["New"] = "Common", ["Open"] = "Common",
        ["Optimize"] = "Common", ["Pop"] = "Common", ["Push"] = "Common", ["Redo"] = "Common", ["Remove"] = "Common",
        ["Rename"] = "Common", ["Reset"] = "Common", ["Resize"] = "Common", ["Search"] = "Common", ["Select"] = "Common",
        ["Set"] = "Common", ["Show"] = "Common", ["Skip"] = "Common", ["Split"] = "Common", ["Step"] = "Common",
        ["Switch"] = "Common", ["Undo"] = "Common", ["Unlock"] = "Common", ["Watch"] = "Common",
        // Communications
        ["Connect"] = "Communications", ["Disconnect"] = "Communications", ["Read"] = "Communications",
        ["Receive"] = "Communications", ["Send"] = "Communications", ["Write"] = "Communications",
        // Data
        ["Backup"] = "Data", ["Checkpoint"] = "Data", ["Compare"] = "Data", ["Compress"] = "Data", ["Convert"] = "Data",
        ["ConvertFrom"] = "Data", ["ConvertTo"] = "Data", ["Dismount"] = "Data", ["Edit"] = "Data", ["Expand"] = "Data",
        ["Export"] = "Data", ["Group"] = "Data", ["Import"] = "Data", ["Initialize"] = "Data", ["Limit"] = "Data",
        ["Merge"] = "Data", ["Mount"] = "Data", ["Out"] = "Data", ["Publish"] = "Data", ["Restore"] = "Data",
        ["Save"] = "Data", ["Sync"] = "Data", ["Unpublish"] = "Data", ["Update"] = "Data",
        // Diagnostic
        ["Debug"] = "Diagnostic", ["Measure"] = "Diagnostic", ["Ping"] = "Diagnostic", ["Repair"] = "Diagnostic",
        ["Resolve"] = "Diagnostic", ["Test"] = "Diagnostic", ["Trace"] = "Diagnostic",
        // Lifecycle
        ["Approve"] = "Lifecycle", ["Assert"] = "Lifecycle", ["Build"] = "Lifecycle", ["Complete"] = "Lifecycle",
        ["Confirm"] = "Lifecycle", ["Deny"] = "Lifecycle", ["Deploy"] = "Lifecycle", ["Disable"] = "Lifecycle",
        ["Enable"] = "Lifecycle", ["Install"] = "Lifecycle", ["Invoke"] = "Lifecycle", ["Register"] = "Lifecycle",
        ["Request"] = "Lifecycle", ["Restart"] = "Lifecycle", ["Resume"] = "Lifecycle", ["Start"] = "Lifecycle",
        ["Stop"] = "Lifecycle", ["Submit"] = "Lifecycle", ["Suspend"] = "Lifecycle", ["Uninstall"] = "Lifecycle",
        ["Unregister"] = "Lifecycle", ["Wait"] = "Lifecycle",
        // Other
        ["Use"] = "Other",
        // Security
        ["Block"] = "Security", ["Grant"] = "Security", ["Protect"] = "Security", ["Revoke"] = "Security",
        ["Unblock"] = "Security", ["Unprotect"] = "Security",
    };

    /// <summary>
    /// Verbs that change something outside the PowerShell session (LinkedIn, the queue, the token
    /// store): their cmdlets must support -WhatIf/-Confirm.
    /// </summary>
    internal static readonly IReadOnlySet<string> StateChangingVerbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "New", "Set", "Remove", "Add", "Clear", "Rename", "Move", "Reset", "Register", "Unregister",
        "Publish", "Unpublish", "Update", "Send", "Submit", "Approve", "Deny", "Revoke", "Grant",
        // Removes connections from the token store that scheduled tasks share, and revokes tokens at LinkedIn.
        "Disconnect",
        // Invoke-LinkedInPostQueue publishes the queue's due posts (-WhatIf shows them; it never prompts).
        "Invoke",
        // Writes a file (and copies the queue's media next to it).
        "Export",
    };

    /// <summary>
    /// Verbs whose cmdlets must not take -WhatIf: they read, or change only this PowerShell session.
    /// Connect is here too although it stores the connection: signing in is the user's explicit act of
    /// making that connection (there is nothing for -WhatIf to show before LinkedIn has answered), and it
    /// never removes anything but the same-named connection it replaces.
    /// </summary>
    internal static readonly IReadOnlySet<string> SessionOrReadVerbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "Get", "Find", "Search", "Test", "Connect", "Resolve", "Measure", "Show", "Wait",
    };

    /// <summary>The commands this issue delivers; the manifest must export exactly these.</summary>
    internal static readonly string[] ExpectedCommands =
    {
        "Add-LinkedInMedia", "Connect-LinkedIn", "Disconnect-LinkedIn", "Export-LinkedInScheduledPost",
        "Get-LinkedInConnection", "Get-LinkedInPost", "Get-LinkedInPostQueueTask", "Get-LinkedInScheduledPost", "Invoke-LinkedInPostQueue",
        "New-LinkedInPost", "Register-LinkedInPostQueueTask", "Register-LinkedInScheduledPost", "Remove-LinkedInPost",
        "Set-LinkedInPost", "Set-LinkedInScheduledPost", "Test-LinkedInConnection", "Test-LinkedInPostQueue",
        "Unregister-LinkedInPostQueueTask", "Unregister-LinkedInScheduledPost",
    };

    /// <summary>
    /// Every parameter that binds from the pipeline, and how. Adding or dropping a pipeline binding is
    /// a change users notice (Import-Csv rows, piping posts), so it must be made here too.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, (bool ByValue, bool ByPropertyName)> PipelineBindings =
        new Dictionary<string, (bool, bool)>(StringComparer.Ordinal)
        {
            ["Add-LinkedInMedia -Path"] = (true, true),
            ["Add-LinkedInMedia -LiteralPath"] = (false, true),
            ["New-LinkedInPost -Text"] = (true, true),
            ["New-LinkedInPost -Author"] = (false, true),
            ["New-LinkedInPost -Visibility"] = (false, true),
            // Media objects from Add-LinkedInMedia (and paths, files) pipe into a media post; every content
            // parameter binds by property name, for Import-Csv rows of one kind of post.
            ["New-LinkedInPost -Media"] = (true, true),
            ["New-LinkedInPost -Image"] = (false, true),
            ["New-LinkedInPost -AltText"] = (false, true),
            ["New-LinkedInPost -Title"] = (false, true),
            ["New-LinkedInPost -ArticleUrl"] = (false, true),
            ["New-LinkedInPost -ArticleTitle"] = (false, true),
            ["New-LinkedInPost -ArticleDescription"] = (false, true),
            ["New-LinkedInPost -ArticleThumbnail"] = (false, true),
            ["New-LinkedInPost -Poll"] = (false, true),
            ["New-LinkedInPost -PollOption"] = (false, true),
            ["New-LinkedInPost -PollDuration"] = (false, true),
            ["New-LinkedInPost -Reshare"] = (false, true),
            ["New-LinkedInPost -FirstComment"] = (false, true),
            // A row's True/False columns, read as Register-LinkedInScheduledPost reads them (review S14-P3).
            ["New-LinkedInPost -DisableReshare"] = (false, true),
            ["New-LinkedInPost -Raw"] = (false, true),
            ["Get-LinkedInPost -Urn"] = (true, true),
            ["Set-LinkedInPost -Urn"] = (false, true),
            ["Set-LinkedInPost -Text"] = (false, true),
            ["Remove-LinkedInPost -Urn"] = (true, true),
            // Scheduled posts (and run results, findings), and posts Get-, New- and Set-LinkedInPost write, carry their
            // Connection: piped in, they are read, changed or deleted with it, not with 'default'.
            ["Get-LinkedInPost -Connection"] = (false, true),
            ["Set-LinkedInPost -Connection"] = (false, true),
            ["Remove-LinkedInPost -Connection"] = (false, true),
            ["Disconnect-LinkedIn -Name"] = (false, true),
            ["Test-LinkedInConnection -Name"] = (false, true),
            // Import-Csv rows bind by column name to plain parameters; the cmdlet decides the kind of post per row.
            ["Register-LinkedInScheduledPost -Text"] = (false, true),
            ["Register-LinkedInScheduledPost -ScheduledAt"] = (false, true),
            ["Register-LinkedInScheduledPost -State"] = (false, true),
            ["Register-LinkedInScheduledPost -Date"] = (false, true),
            ["Register-LinkedInScheduledPost -Time"] = (false, true),
            ["Register-LinkedInScheduledPost -TimeZone"] = (false, true),
            ["Register-LinkedInScheduledPost -Media"] = (false, true),
            ["Register-LinkedInScheduledPost -AltText"] = (false, true),
            ["Register-LinkedInScheduledPost -Title"] = (false, true),
            ["Register-LinkedInScheduledPost -ArticleUrl"] = (false, true),
            ["Register-LinkedInScheduledPost -ArticleTitle"] = (false, true),
            ["Register-LinkedInScheduledPost -ArticleDescription"] = (false, true),
            ["Register-LinkedInScheduledPost -ArticleThumbnail"] = (false, true),
            ["Register-LinkedInScheduledPost -Poll"] = (false, true),
            ["Register-LinkedInScheduledPost -PollOption"] = (false, true),
            ["Register-LinkedInScheduledPost -PollDuration"] = (false, true),
            ["Register-LinkedInScheduledPost -Reshare"] = (false, true),
            ["Register-LinkedInScheduledPost -FirstComment"] = (false, true),
            ["Register-LinkedInScheduledPost -Author"] = (false, true),
            ["Register-LinkedInScheduledPost -Visibility"] = (false, true),
            ["Register-LinkedInScheduledPost -Connection"] = (false, true),
            ["Register-LinkedInScheduledPost -Key"] = (false, true),
            // The row itself, for error targets and the columns no parameter binds (Path, DisableReshare, Raw).
            ["Register-LinkedInScheduledPost -InputObject"] = (true, false),
            // Queue tasks pipe by Name (Get- into Unregister-LinkedInPostQueueTask), and names from the pipeline too.
            ["Get-LinkedInPostQueueTask -Name"] = (true, true),
            // Scheduled posts pipe by Id, with the queue they are in (QueuePath).
            ["Get-LinkedInScheduledPost -Id"] = (false, true),
            ["Get-LinkedInScheduledPost -Path"] = (false, true),
            ["Set-LinkedInScheduledPost -Id"] = (false, true),
            ["Set-LinkedInScheduledPost -Path"] = (false, true),
            ["Unregister-LinkedInScheduledPost -Id"] = (false, true),
            ["Unregister-LinkedInScheduledPost -Path"] = (false, true),
            ["Export-LinkedInScheduledPost -Id"] = (false, true),
            ["Export-LinkedInScheduledPost -QueuePath"] = (false, true),
            // Register-LinkedInPostQueueTask's output pipes by its Name.
            ["Unregister-LinkedInPostQueueTask -Name"] = (false, true),
        };

    private readonly BuiltModule _module;

    public CmdletContractTests(BuiltModule module) => _module = module;

    [Fact]
    public void ApprovedVerbTableMatchesTheEngine()
    {
        var groups = new Dictionary<Type, string>
        {
            [typeof(VerbsCommon)] = "Common",
            [typeof(VerbsCommunications)] = "Communications",
            [typeof(VerbsData)] = "Data",
            [typeof(VerbsDiagnostic)] = "Diagnostic",
            [typeof(VerbsLifecycle)] = "Lifecycle",
            [typeof(VerbsOther)] = "Other",
            [typeof(VerbsSecurity)] = "Security",
        };
        var engine = groups
            .SelectMany(g => g.Key.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => ((string)f.GetRawConstantValue()!, g.Value)))
            .ToDictionary(v => v.Item1, v => v.Item2, StringComparer.Ordinal);
        Assert.Equal(engine.OrderBy(v => v.Key), ApprovedVerbs.OrderBy(v => v.Key));
    }

    [Fact]
    public void TheModuleCompilesExactlyTheExpectedCommands()
    {
        Assert.Equal(ExpectedCommands, _module.Cmdlets.Select(c => c.CommandName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void EveryCmdletIsSealedNamedVerbNounCommandAndUsesAnApprovedVerb()
    {
        foreach (var cmdlet in _module.Cmdlets)
        {
            Assert.True(cmdlet.Type.IsSealed, $"{cmdlet.Type.FullName} must be sealed.");
            Assert.True(ApprovedVerbs.ContainsKey(cmdlet.Verb), $"{cmdlet.CommandName}: '{cmdlet.Verb}' is not an approved PowerShell verb (Get-Verb).");
            Assert.Equal(cmdlet.Verb + cmdlet.Noun + "Command", cmdlet.Type.Name);
            Assert.Equal("LinkedInPosts.PowerShell.Cmdlets", cmdlet.Type.Namespace);
            Assert.StartsWith("LinkedIn", cmdlet.Noun, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryCmdletDeclaresItsOutputType()
    {
        foreach (var cmdlet in _module.Cmdlets)
        {
            Assert.True(cmdlet.OutputTypes.Count > 0, $"{cmdlet.CommandName} has no [OutputType].");
        }
    }

    [Fact]
    public void CmdletsThatChangeStateSupportShouldProcessAndOthersDoNot()
    {
        foreach (var cmdlet in _module.Cmdlets)
        {
            if (StateChangingVerbs.Contains(cmdlet.Verb))
            {
                Assert.True(cmdlet.SupportsShouldProcess, $"{cmdlet.CommandName} changes state: it needs SupportsShouldProcess = true (-WhatIf/-Confirm).");
            }
            else if (SessionOrReadVerbs.Contains(cmdlet.Verb))
            {
                Assert.False(cmdlet.SupportsShouldProcess, $"{cmdlet.CommandName} only reads or changes this session: it must not offer -WhatIf/-Confirm.");
            }
            else
            {
                Assert.Fail($"{cmdlet.CommandName}: decide whether '{cmdlet.Verb}' changes state and add it to StateChangingVerbs or SessionOrReadVerbs in this test.");
            }
        }
    }

    [Fact]
    public void RemoveCmdletsHaveHighConfirmImpact()
    {
        var removers = _module.Cmdlets.Where(c => c.Verb == "Remove").ToList();
        Assert.NotEmpty(removers);
        foreach (var cmdlet in removers)
        {
            Assert.Equal(ConfirmImpact.High, cmdlet.ConfirmImpact);
        }
        foreach (var cmdlet in _module.Cmdlets.Where(c => c.Verb != "Remove"))
        {
            Assert.NotEqual(ConfirmImpact.High, cmdlet.ConfirmImpact);
        }
    }

    [Fact]
    public void ParameterSetsAreNamedByConstantsOfTheCmdlet()
    {
        foreach (var cmdlet in _module.Cmdlets)
        {
            var constants = cmdlet.StringConstants;
            Assert.False(cmdlet.DefaultParameterSetName is null, $"{cmdlet.CommandName} must name its DefaultParameterSetName.");
            foreach (var set in cmdlet.ParameterSetNames)
            {
                Assert.True(constants.Values.Contains(set, StringComparer.Ordinal),
                    $"{cmdlet.CommandName}: parameter set '{set}' is a literal; declare it as a public const string on {cmdlet.Type.Name} and use the constant.");
            }
            foreach (var constant in constants.Where(c => c.Key.EndsWith("Set", StringComparison.Ordinal)))
            {
                Assert.True(cmdlet.ParameterSetNames.Contains(constant.Value),
                    $"{cmdlet.CommandName}: constant {constant.Key} = '{constant.Value}' names a parameter set no parameter uses.");
            }
        }
    }

    [Fact]
    public void EveryParameterSetIsReachable()
    {
        foreach (var cmdlet in _module.Cmdlets)
        {
            var sets = cmdlet.ParameterSetNames;
            foreach (var set in sets.Where(s => s != cmdlet.DefaultParameterSetName))
            {
                // A non-default set is chosen only when some parameter in it exists in no other set.
                var distinguishing = cmdlet.Parameters.Where(p =>
                    p.Sets.Any(s => s.Name == set) && sets.Where(o => o != set).All(o => !p.Sets.Any(s => s.Name == o))
                    && p.Sets.All(s => s.Name != ParameterAttribute.AllParameterSets)).ToList();
                Assert.True(distinguishing.Count > 0, $"{cmdlet.CommandName}: nothing selects parameter set '{set}'; give it a parameter of its own.");
            }
            if (sets.Count > 1)
            {
                // The default set must not need a parameter that only makes sense in another set.
                Assert.Contains(cmdlet.DefaultParameterSetName!, sets);
            }
        }
    }

    [Fact]
    public void PipelineBindingsAreExactlyTheSpecifiedOnes()
    {
        var actual = new Dictionary<string, (bool, bool)>(StringComparer.Ordinal);
        foreach (var cmdlet in _module.Cmdlets)
        {
            foreach (var parameter in cmdlet.Parameters.Where(p => p.ValueFromPipeline || p.ValueFromPipelineByPropertyName))
            {
                actual[$"{cmdlet.CommandName} -{parameter.Name}"] = (parameter.ValueFromPipeline, parameter.ValueFromPipelineByPropertyName);
            }
        }
        Assert.Equal(PipelineBindings.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }

    [Fact]
    public void AtMostOneParameterPerSetTakesPipelineInputByValue()
    {
        foreach (var cmdlet in _module.Cmdlets)
        {
            foreach (var set in cmdlet.ParameterSetNames)
            {
                var byValue = cmdlet.Parameters.Where(p => p.InSet(set) && p.Sets.Any(s => (s.Name == set || s.Name == ParameterAttribute.AllParameterSets) && s.ValueFromPipeline)).ToList();
                Assert.True(byValue.Count <= 1, $"{cmdlet.CommandName} set '{set}': several parameters take pipeline input by value ({string.Join(", ", byValue.Select(p => p.Name))}).");
            }
        }
    }

    [Fact]
    public void TextTakesCommentaryAsAliasSoPostsAndCsvRowsBind()
    {
        Assert.Contains("Commentary", _module.Cmdlet("New-LinkedInPost").Parameters.Single(p => p.Name == "Text").Aliases);
        Assert.Contains("Commentary", _module.Cmdlet("Set-LinkedInPost").Parameters.Single(p => p.Name == "Text").Aliases);
    }

    [Theory]
    [InlineData("Register-LinkedInScheduledPost")]
    [InlineData("Get-LinkedInScheduledPost")]
    [InlineData("Set-LinkedInScheduledPost")]
    [InlineData("Unregister-LinkedInScheduledPost")]
    [InlineData("Export-LinkedInScheduledPost")]
    [InlineData("Invoke-LinkedInPostQueue")]
    [InlineData("Test-LinkedInPostQueue")]
    [InlineData("Register-LinkedInPostQueueTask")]
    public void EveryCmdletOfTheQueueTakesItsFileAsQueuePath(string cmdlet)
    {
        // One name for one thing: -QueuePath works everywhere (Export's -Path is its output file, so there it is the name).
        var parameters = _module.Cmdlet(cmdlet).Parameters;
        var queue = parameters.SingleOrDefault(p => p.Name == "QueuePath" || p.Aliases.Contains("QueuePath"));
        Assert.True(queue != null, cmdlet + " has no -QueuePath.");
        // An empty or $null path ($typo) is refused, not taken as the default queue.
        Assert.True(queue!.Property.GetCustomAttributesData().Any(a => a.AttributeType.FullName == typeof(ValidateNotNullOrEmptyAttribute).FullName),
            cmdlet + " -" + queue.Name + " takes an empty path as the default queue: add [ValidateNotNullOrEmpty].");
    }

    [Fact]
    public void PostUrnIsAnAliasOfUrnSoPublishedScheduledPostsPipeIntoGetSetAndRemoveLinkedInPost()
    {
        Assert.Contains("PostUrn", _module.Cmdlet("Get-LinkedInPost").Parameters.Single(p => p.Name == "Urn").Aliases);
        Assert.Contains("PostUrn", _module.Cmdlet("Set-LinkedInPost").Parameters.Single(p => p.Name == "Urn").Aliases);
        Assert.Contains("PostUrn", _module.Cmdlet("Remove-LinkedInPost").Parameters.Single(p => p.Name == "Urn").Aliases);
    }

    [Theory]
    [InlineData("Get-LinkedInScheduledPost")]
    [InlineData("Set-LinkedInScheduledPost")]
    [InlineData("Unregister-LinkedInScheduledPost")]
    [InlineData("Export-LinkedInScheduledPost")]
    public void PostIdIsAnAliasOfIdSoPreflightFindingsPipeIntoTheScheduledPostCmdlets(string cmdlet) =>
        Assert.Contains("PostId", _module.Cmdlet(cmdlet).Parameters.Single(p => p.Name == "Id").Aliases);

    [Theory]
    [InlineData("Connect-LinkedIn")]
    [InlineData("Disconnect-LinkedIn")]
    [InlineData("Get-LinkedInConnection")]
    [InlineData("Test-LinkedInConnection")]
    public void TheConnectionCmdletsTakeTheirNameAsConnectionToo(string cmdlet) =>
        Assert.Contains("Connection", _module.Cmdlet(cmdlet).Parameters.Single(p => p.Name == "Name").Aliases);

    [Fact]
    public void EveryParameterHasXmlDocumentation()
    {
        var documented = _module.XmlDoc.Descendants("member")
            .Where(m => !string.IsNullOrWhiteSpace((string?)m.Element("summary")))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);
        var missing = _module.Cmdlets
            .SelectMany(c => c.Parameters.Select(p => (c.CommandName, p)))
            .Where(x => !documented.Contains(x.p.XmlDocId))
            .Select(x => $"{x.CommandName} -{x.p.Name}")
            .ToList();
        Assert.True(missing.Count == 0, "Parameters without an XML <summary>: " + string.Join(", ", missing));
        foreach (var cmdlet in _module.Cmdlets)
        {
            Assert.Contains("T:" + cmdlet.Type.FullName, documented);
        }
    }

    [Fact]
    public void ConnectionParametersCompleteConnectionNames()
    {
        var connectionCmdlets = _module.Cmdlets.Where(c => c.Parameters.Any(p => p.Name == "Connection")
            || c.Noun == "LinkedInConnection" || c.CommandName is "Connect-LinkedIn" or "Disconnect-LinkedIn").ToList();
        Assert.Equal(12, connectionCmdlets.Count);
        foreach (var cmdlet in connectionCmdlets)
        {
            var connection = cmdlet.Parameters.SingleOrDefault(p => p.Name == "Connection") ?? cmdlet.Parameters.Single(p => p.Name == "Name");
            var completer = connection.Property.GetCustomAttributesData()
                .SingleOrDefault(a => a.AttributeType.FullName == typeof(ArgumentCompleterAttribute).FullName);
            Assert.True(completer != null, $"{cmdlet.CommandName} -Connection has no argument completer.");
            Assert.Equal("ConnectionNameCompleter", ((Type)completer!.ConstructorArguments[0].Value!).Name);
        }
    }
}
