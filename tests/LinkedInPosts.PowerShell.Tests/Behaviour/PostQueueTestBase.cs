using System.Management.Automation;
using LinkedInPosts.PowerShell.Tests.Hosting;

namespace LinkedInPosts.PowerShell.Tests.Behaviour;

/// <summary>
/// Queue cmdlet tests: a real queue file in a temporary folder of the test's own, with posts registered
/// through Core as loaded by the module (the tests do not compile against the module, so a small script
/// in the session builds them with ScheduledPostBuilder and IQueueStore.RegisterBatch), and connections
/// made by Connect-LinkedIn -AccessToken against the sandbox.
/// </summary>
public abstract class PostQueueTestBase : CmdletTestBase
{
    private const string RegisterScript = """
        param($QueuePath, $Connection, $Author, $Texts, $At, $Comment, $KeyPrefix)
        $store = [LinkedInPosts.Core.Queue.QueueStoreFactory]::Open([LinkedInPosts.Core.Queue.QueueStoreOptions]@{ Path = $QueuePath })
        try {
            $i = 0
            $posts = foreach ($text in $Texts) {
                $draft = [LinkedInPosts.Core.Content.PostDraft]::new([LinkedInPosts.Core.Content.LinkedInUrn]::Parse($Author), $text)
                $request = [LinkedInPosts.Core.Queue.ScheduleRequest]::new($draft, $Connection, [DateTimeOffset]$At, 'UTC')
                if ($Comment) { $request.FirstComment = $Comment }
                $request.Key = $KeyPrefix + ($i++)
                [LinkedInPosts.Core.Queue.ScheduledPostBuilder]::Build($request, $store.Media)
            }
            $store.RegisterBatch([LinkedInPosts.Core.Queue.NewScheduledPost[]]@($posts), [LinkedInPosts.Core.Queue.RegistrationMode]::AddOnly) | ForEach-Object { $_.Outcome.ToString() }
        }
        finally { $store.Dispose() }
        """;

    private const string StatesScript = """
        param($QueuePath)
        $store = [LinkedInPosts.Core.Queue.QueueStoreFactory]::Open([LinkedInPosts.Core.Queue.QueueStoreOptions]@{ Path = $QueuePath })
        try {
            $store.Query([LinkedInPosts.Core.Queue.QueueQuery]::new()) | ForEach-Object {
                [pscustomobject]@{ Key = $_.Key; State = $_.State.ToString(); Attempts = $_.Attempts; ClaimedBy = $_.ClaimedBy; PostUrn = $_.PostUrn }
            }
        }
        finally { $store.Dispose() }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("lip-queue-").FullName;

    protected PostQueueTestBase(SandboxFixture sandbox)
        : base(sandbox)
    {
        QueuePath = Path.Combine(_folder, "queue.db");
        PowerShell.SetVariable("Queue", QueuePath);
    }

    /// <summary>This test's queue file.</summary>
    protected string QueuePath { get; }

    /// <summary>The test's connection name (the token store is shared by the run).</summary>
    protected string ConnectionName => "q-" + TestName;

    /// <summary>Connects <see cref="ConnectionName"/> to the sandbox with the all-scopes token.</summary>
    protected PowerShellRun ConnectQueue(string extra = "")
    {
        var run = PowerShell.Run($"Connect-LinkedIn -Name {ConnectionName} -AccessToken $Token -ApiBaseUri $SandboxUri {extra}");
        run.AssertNoErrors();
        return run;
    }

    /// <summary>Registers one post per text, due at <paramref name="at"/>, keyed prefix0, prefix1, ...</summary>
    protected void Register(IEnumerable<string> texts, DateTimeOffset at, string? connection = null, string? author = null, string? comment = null, string keyPrefix = "p")
    {
        var run = PowerShell.Run(RegisterScript, QueuePath, connection ?? ConnectionName, author ?? Member.Urn, texts.ToArray(), at, comment, keyPrefix);
        run.AssertNoErrors();
        Assert.All(run.Output, o => Assert.Equal("Added", o.ToString()));
    }

    /// <summary>Every post in the queue: key, state, attempts, claim holder, URN.</summary>
    protected IReadOnlyDictionary<string, PSObject> States()
    {
        var run = PowerShell.Run(StatesScript, QueuePath);
        run.AssertNoErrors();
        return run.Output.ToDictionary(o => (string)Property(o, "Key")!);
    }

    /// <summary>The sandbox's posts by this test's member.</summary>
    protected async Task<IReadOnlyList<LinkedInPosts.Sandbox.SandboxStoredPost>> MemberPostsAsync() =>
        (await Sandbox.Admin.GetPostsAsync()).Where(p => p.Author == Member.Urn).ToList();

    protected static DateTimeOffset Now => DateTimeOffset.UtcNow;

    /// <summary>The output objects of one .NET type (by name: the tests do not compile against the module).</summary>
    protected static List<PSObject> OfType(PowerShellRun run, string typeName) =>
        run.Output.Where(o => o.BaseObject.GetType().Name == typeName).ToList();

    public override async Task DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
