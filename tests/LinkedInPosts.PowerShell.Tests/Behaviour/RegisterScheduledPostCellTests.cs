using System.Management.Automation;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// Register-LinkedInScheduledPost reading cells as people fill them in: URNs and paths mixed in one media
/// cell, paths pasted with Explorer's quotes, blank first comments, and warnings and errors naming the
/// column the value came from.
/// </summary>
public sealed class RegisterScheduledPostCellTests : ScheduledPostTestBase
{
    public RegisterScheduledPostCellTests(SandboxFixture sandbox)
        : base(sandbox)
    {
    }

    /// <summary>The Media cells of the queue's posts, by key, as Export-LinkedInScheduledPost writes them.</summary>
    private IReadOnlyDictionary<string, string> ExportedMedia()
    {
        var export = Path.Combine(Files.Folder, "export", "posts.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(export)!);
        var run = PowerShell.Run("Export-LinkedInScheduledPost -Path $args[0]; Import-Csv -LiteralPath $args[0]", export);
        run.AssertNoErrors();
        return run.Output.ToDictionary(p => (string)p.Properties["Key"].Value, p => (string)p.Properties["Media"].Value);
    }

    [Fact]
    public void AMediaCellSplitsOnSemicolonsBeforeEachPartIsReadAsAUrnOrAPath()
    {
        Connect();
        Files.Png("in/b.png");
        var csv = Csv("in/rows.csv", new[] { "Key", "Text", "When", "Image" }, new[]
        {
            new[] { "urn-then-file", "A URN, then a file", Future(1), "urn:li:image:C4D;b.png" },
            new[] { "two-urns", "Two URNs", Future(2), "urn:li:image:A ; urn:li:image:B" },
            new[] { "file-then-urn", "A file, then a URN", Future(3), "b.png;urn:li:image:C4D" },
        });

        var run = Import(csv);

        run.AssertNoErrors();
        Assert.All(run.Output, p => Assert.Equal("MultiImage", Property(p, "Kind")));
        Assert.All(run.Output, p => Assert.Equal(2, Property(p, "MediaCount")));
        var media = ExportedMedia();
        Assert.Equal("urn:li:image:A;urn:li:image:B", media["two-urns"]);
        Assert.StartsWith("urn:li:image:C4D;", media["urn-then-file"]);
        Assert.EndsWith("-b.png", media["urn-then-file"]);
        Assert.EndsWith(";urn:li:image:C4D", media["file-then-urn"]);
    }
}
