using System.Management.Automation.Language;

namespace LinkedInPosts.PowerShell.Tests.Scripts;

/// <summary>
/// Every PowerShell file in the repository, read by PowerShell's own parser (the tree-sitter check in
/// CI is the first gate; this is the authoritative one), and kept to syntax Windows PowerShell 5.1
/// also understands, since build.ps1 and the Pester suite must run there too.
/// </summary>
public sealed class PowerShellScriptTests
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", "node_modules", "bin", "obj", "out", "artifacts", "TestResults",
    };

    public static IEnumerable<object[]> PowerShellFiles()
    {
        var found = new List<string>();
        void Walk(string folder)
        {
            foreach (var directory in Directory.GetDirectories(folder))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(directory)))
                {
                    Walk(directory);
                }
            }
            found.AddRange(Directory.GetFiles(folder).Where(f =>
                f.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase)
                || f.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase)
                || f.EndsWith(".psm1", StringComparison.OrdinalIgnoreCase)));
        }
        Walk(RepoPaths.Root);
        return found
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { f });
    }

    [Fact]
    public void TheRepositoryHasTheExpectedScripts()
    {
        var files = PowerShellFiles().Select(f => (string)f[0]).ToList();
        Assert.Contains("build.ps1", files);
        Assert.Contains("LinkedInPosts.psd1", files);
        Assert.Contains(files, f => f.StartsWith("tests/pester/", StringComparison.Ordinal) && f.EndsWith(".Tests.ps1", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PowerShellFiles))]
    public void ParsesWithoutErrors(string file)
    {
        Parser.ParseFile(Path.Combine(RepoPaths.Root, file), out _, out var errors);
        Assert.True(errors.Length == 0,
            string.Join(Environment.NewLine, errors.Select(e => $"{file}:{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber}: {e.Message}")));
    }

    [Theory]
    [MemberData(nameof(PowerShellFiles))]
    public void UsesOnlySyntaxThatWindowsPowerShellUnderstands(string file)
    {
        var ast = Parser.ParseFile(Path.Combine(RepoPaths.Root, file), out _, out _);
        var problems = ast.FindAll(_ => true, searchNestedScriptBlocks: true)
            .Select(node => (node, reason: Pwsh7Only(node)))
            .Where(x => x.reason != null)
            .Select(x => $"{file}:{x.node.Extent.StartLineNumber}:{x.node.Extent.StartColumnNumber}: {x.reason} is PowerShell 7 only")
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string? Pwsh7Only(Ast node) =>
        node switch
        {
            TernaryExpressionAst => "the ternary operator (a ? b : c)",
            PipelineChainAst => "a pipeline chain (&& / ||)",
            BinaryExpressionAst { Operator: TokenKind.QuestionQuestion } => "the null-coalescing operator (??)",
            AssignmentStatementAst { Operator: TokenKind.QuestionQuestionEquals } => "the null-coalescing assignment (??=)",
            MemberExpressionAst { NullConditional: true } => "null-conditional member access (?.)",
            IndexExpressionAst { NullConditional: true } => "null-conditional indexing (?[])",
            NamedBlockAst { BlockKind: TokenKind.Clean } => "a clean block",
            _ => null,
        };

    [Fact]
    public void TheSyntaxRuleCatchesPowerShell7Constructs()
    {
        // Guards the rule above against passing vacuously.
        var ast = Parser.ParseInput("$a = $b ?? 1; $c = $d ? 1 : 2; Get-Item x && 'y'; ${e}?.Name", out _, out var errors);
        Assert.Empty(errors);
        var found = ast.FindAll(_ => true, true).Select(Pwsh7Only).Where(r => r != null).ToList();
        Assert.Equal(4, found.Count);
    }
}
