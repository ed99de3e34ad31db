using LinkedInPosts.Core.Auth;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>Read-modify-write across real processes: the lock file serialises them and no update is lost.</summary>
public sealed class CrossProcessUpdateTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Two_processes_and_this_one_incrementing_at_once_lose_no_update()
    {
        var store = new PlainFileConnectionStore(_folder.Path);
        var counter = TestConnections.Make("counter");
        counter.AccessToken = "0";
        store.Save(counter);
        const int perProcess = 50;
        const int here = 50;

        var first = StoreProbe.RunAsync(_folder.Path, StoreProbe.WithoutSessionBus(optIn: "1"), "increment", "counter", perProcess.ToString());
        var second = StoreProbe.RunAsync(_folder.Path, StoreProbe.WithoutSessionBus(optIn: "1"), "increment", "COUNTER", perProcess.ToString());
        var local = Task.Run(async () =>
        {
            for (var i = 0; i < here; i++)
            {
                await store.UpdateAsync("counter", async (c, ct) =>
                {
                    var value = int.Parse(c.AccessToken);
                    await Task.Delay(2, ct);
                    c.AccessToken = (value + 1).ToString();
                    return c;
                }, CancellationToken.None);
            }
        });
        var results = await Task.WhenAll(first, second);
        await local;

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output + r.Error));
        Assert.Equal((2 * perProcess + here).ToString(), store.Find("counter")!.AccessToken);
        Assert.False(File.Exists(store.LockFilePath), "the lock file is removed when the last holder releases it");
    }
}
