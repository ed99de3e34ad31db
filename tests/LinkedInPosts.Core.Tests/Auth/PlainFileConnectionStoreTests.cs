using System.Runtime.Versioning;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>The opt-in plain file, on real files: contents, permissions, names, corruption and reset.</summary>
public sealed class PlainFileConnectionStoreTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_saved_connection_reads_back_with_every_field()
    {
        var store = new PlainFileConnectionStore(_folder.Path);
        var saved = TestConnections.Make("work");

        store.Save(saved);
        var read = new PlainFileConnectionStore(_folder.Path).Find("work");

        Assert.NotNull(read);
        Assert.Equal(saved.MemberUrn, read!.MemberUrn);
        Assert.Equal(saved.MemberName, read.MemberName);
        Assert.Equal(saved.AccessToken, read.AccessToken);
        Assert.Equal(saved.AccessTokenExpiresAt, read.AccessTokenExpiresAt);
        Assert.Equal(saved.RefreshToken, read.RefreshToken);
        Assert.Equal(saved.RefreshTokenExpiresAt, read.RefreshTokenExpiresAt);
        Assert.Equal(saved.ClientId, read.ClientId);
        Assert.Equal(saved.ClientSecret, read.ClientSecret);
        Assert.Equal(saved.ApiBase, read.ApiBase);
        Assert.Equal(saved.OAuthBase, read.OAuthBase);
        Assert.Equal(saved.ApiVersion, read.ApiVersion);
        Assert.Equal(saved.Scopes, read.Scopes);
        Assert.Equal(saved.ConnectedAt, read.ConnectedAt);
        var organization = Assert.Single(read.Organizations);
        Assert.Equal("urn:li:organization:2414183", organization.Urn);
        Assert.Equal("ADMINISTRATOR", organization.Role);
        Assert.Equal(OsAccount.Current, read.ConnectedBy);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_file_is_mode_0600_and_a_folder_it_creates_is_0700()
    {
        var store = new PlainFileConnectionStore(_folder.Path);
        store.Save(TestConnections.Make("work"));
        store.Save(TestConnections.Make("home"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.FilePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder.Path));
        Assert.Equal("600", Stat(store.FilePath));
        Assert.Equal("700", Stat(_folder.Path));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void A_file_someone_widened_is_made_owner_only_again_on_the_next_read()
    {
        var store = new PlainFileConnectionStore(_folder.Path);
        store.Save(TestConnections.Make("work"));
        File.SetUnixFileMode(store.FilePath, (UnixFileMode)0x1A4); // 0644

        store.Load();

        Assert.Equal("600", Stat(store.FilePath));
    }

    [Fact]
    public void Save_replaces_by_name_case_insensitively_and_Load_sorts_by_name()
    {
        var store = new PlainFileConnectionStore(_folder.Path);
        store.Save(TestConnections.Make("Work", "first"));
        store.Save(TestConnections.Make("alpha"));
        store.Save(TestConnections.Make("WORK", "second"));

        var all = store.Load();

        Assert.Equal(new[] { "alpha", "WORK" }, all.Select(c => c.Name));
        Assert.Equal("AT-SECRET-second", store.Find("work")!.AccessToken);
        Assert.Equal("AT-SECRET-second", store.Find("wOrK")!.AccessToken);
    }

    [Fact]
    public void Delete_removes_one_connection_and_says_whether_there_was_one()
    {
        var store = new PlainFileConnectionStore(_folder.Path);
        store.Save(TestConnections.Make("work"));
        store.Save(TestConnections.Make("home"));

        Assert.True(store.Delete("WORK"));
        Assert.False(store.Delete("work"));
        Assert.Null(store.Find("work"));
        Assert.Equal("home", Assert.Single(store.Load()).Name);
    }

    [Fact]
    public void An_empty_folder_is_an_empty_store_and_reading_it_creates_no_file()
    {
        var store = new PlainFileConnectionStore(_folder.Path);

        Assert.Empty(store.Load());
        Assert.Null(store.Find("default"));
        Assert.False(File.Exists(store.FilePath));
    }

    [Fact]
    public void A_stored_copy_does_not_change_when_the_caller_changes_its_object()
    {
        var store = new PlainFileConnectionStore(_folder.Path);
        var connection = TestConnections.Make("work");
        store.Save(connection);

        connection.AccessToken = "changed";
        store.Find("work")!.Scopes.Add("extra");

        var read = store.Find("work")!;
        Assert.NotEqual("changed", read.AccessToken);
        Assert.DoesNotContain("extra", read.Scopes);
    }

    [Theory]
    [InlineData("{\"formatVersion\":1,\"connections\":[{\"name\":\"work\",\"accessToken\":\"AT-SECRET-corrupt\"")]
    [InlineData("not json at all AT-SECRET-corrupt")]
    [InlineData("")]
    [InlineData("{\"formatVersion\":99,\"connections\":[{\"name\":\"work\",\"accessToken\":\"AT-SECRET-corrupt\"}]}")]
    [InlineData("{\"formatVersion\":1,\"connections\":[{\"name\":\"work\",\"accessToken\":\"AT-SECRET-corrupt\",\"apiBase\":\"AT-SECRET-corrupt not a uri\"}]}")]
    [InlineData("{\"formatVersion\":1,\"connections\":[{\"name\":\"a\",\"accessToken\":\"AT-SECRET-corrupt\"},{\"name\":\"A\"}]}")]
    [InlineData("{\"formatVersion\":1}")]
    [InlineData("[\"AT-SECRET-corrupt\"]")]
    public void A_corrupt_file_is_Unreadable_naming_the_path_and_the_reset_and_never_a_secret(string content)
    {
        var store = new PlainFileConnectionStore(_folder.Path);
        File.WriteAllText(store.FilePath, content);

        var error = Assert.Throws<LinkedInTokenStoreException>(() => store.Load());

        Assert.Equal(TokenStoreFailure.Unreadable, error.Failure);
        Assert.Equal("LinkedInTokenStoreUnreadable", error.ErrorId);
        Assert.Contains(store.FilePath, error.Message);
        Assert.Contains("Disconnect-LinkedIn -All -Force", error.Message);
        Assert.Contains(OsAccount.Current, error.Message);
        AssertNoSecret(error, "AT-SECRET-corrupt");
        Assert.Throws<LinkedInTokenStoreException>(() => store.Find("work"));
        Assert.Throws<LinkedInTokenStoreException>(() => store.Save(TestConnections.Make("other")));
        Assert.Equal(content, File.ReadAllText(store.FilePath));
    }

    [Fact]
    public void Reset_deletes_even_a_corrupt_file_and_leaves_an_empty_usable_store()
    {
        var store = new PlainFileConnectionStore(_folder.Path);
        File.WriteAllText(store.FilePath, "{ broken");

        store.Reset();

        Assert.False(File.Exists(store.FilePath));
        Assert.Empty(store.Load());
        store.Save(TestConnections.Make("work"));
        Assert.NotNull(store.Find("work"));
    }

    [Fact]
    public void Writing_leaves_no_temporary_file_behind()
    {
        var store = new PlainFileConnectionStore(_folder.Path);
        store.Save(TestConnections.Make("work"));
        store.Save(TestConnections.Make("home"));
        store.Delete("home");

        var files = Directory.GetFiles(_folder.Path).Select(Path.GetFileName).ToArray();
        Assert.Equal(new[] { PlainFileConnectionStore.FileName }, files);
    }

    [Fact]
    public void A_write_that_fails_is_a_token_store_error_naming_the_store_and_leaves_no_temporary_file()
    {
        var store = new PlainFileConnectionStore(_folder.Path);
        Directory.CreateDirectory(store.FilePath); // something in the way that no rename can replace

        var error = Assert.Throws<LinkedInTokenStoreException>(() => store.Save(TestConnections.Make("work", "unwritten")));

        Assert.Equal(TokenStoreFailure.Unavailable, error.Failure);
        Assert.Contains("could not be written", error.Message);
        Assert.Contains(store.FilePath, error.Message);
        AssertNoSecret(error, "SECRET-unwritten");
        Assert.Equal(new[] { PlainFileConnectionStore.FileName }, Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void The_store_says_it_is_not_protected_and_warns()
    {
        var store = new PlainFileConnectionStore(_folder.Path);

        Assert.False(store.IsProtected);
        Assert.Contains("NOT protected", store.Description);
        Assert.Contains(store.FilePath, store.Warning);
        Assert.Contains("0600", store.Warning);
    }

    [Fact]
    public void No_secret_in_ToString_of_the_store_or_the_connection()
    {
        var store = new PlainFileConnectionStore(_folder.Path);
        var connection = TestConnections.Make("work", "tostring");
        store.Save(connection);

        var text = store.ToString() + " " + store.Find("work");

        Assert.DoesNotContain("SECRET-tostring", text);
        Assert.Contains(store.FilePath, text);
    }

    [Fact]
    public async Task UpdateAsync_rereads_under_the_lock_and_writes_what_the_update_returns()
    {
        var store = new PlainFileConnectionStore(_folder.Path);
        store.Save(TestConnections.Make("work", "old"));
        new PlainFileConnectionStore(_folder.Path).Save(TestConnections.Make("work", "newer"));

        var updated = await store.UpdateAsync("WORK", async (current, ct) =>
        {
            Assert.Equal("AT-SECRET-newer", current.AccessToken);
            Assert.Equal("AT-SECRET-newer", store.Find("work")!.AccessToken); // re-entrant read under the held lock
            await Task.Delay(10, ct);
            current.AccessToken = "AT-SECRET-refreshed";
            return current;
        }, CancellationToken.None);

        Assert.Equal("AT-SECRET-refreshed", updated.AccessToken);
        Assert.Equal("AT-SECRET-refreshed", new PlainFileConnectionStore(_folder.Path).Find("work")!.AccessToken);
    }

    [Fact]
    public async Task UpdateAsync_of_a_missing_connection_is_LinkedInAuthMissing_naming_the_account()
    {
        var store = new PlainFileConnectionStore(_folder.Path);

        var error = await Assert.ThrowsAsync<LinkedInAuthException>(() =>
            store.UpdateAsync("nowhere", (c, ct) => Task.FromResult(c), CancellationToken.None));

        Assert.Equal("LinkedInAuthMissing", error.ErrorId);
        Assert.Contains("nowhere", error.Message);
        Assert.Contains(OsAccount.Current, error.Message);
    }

    [Fact]
    public async Task A_failing_update_writes_nothing_and_releases_the_lock()
    {
        var store = new PlainFileConnectionStore(_folder.Path, TimeSpan.FromSeconds(2));
        store.Save(TestConnections.Make("work", "kept"));

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            store.UpdateAsync("work", (c, ct) => throw new HttpRequestException("refresh failed"), CancellationToken.None));

        Assert.Equal("AT-SECRET-kept", store.Find("work")!.AccessToken);
    }

    [Fact]
    public async Task A_held_lock_makes_another_store_fail_with_Locked_after_its_timeout()
    {
        var holder = new PlainFileConnectionStore(_folder.Path);
        holder.Save(TestConnections.Make("work"));
        var waiter = new PlainFileConnectionStore(_folder.Path, TimeSpan.FromMilliseconds(300));
        var release = new TaskCompletionSource();
        var holding = new TaskCompletionSource();

        var update = holder.UpdateAsync("work", async (c, ct) =>
        {
            holding.SetResult();
            await release.Task;
            return c;
        }, CancellationToken.None);
        await holding.Task;

        var error = await Task.Run(() => Assert.Throws<LinkedInTokenStoreException>(() => waiter.Load()));
        release.SetResult();
        await update;

        Assert.Equal(TokenStoreFailure.Locked, error.Failure);
        Assert.Equal("LinkedInTokenStoreLocked", error.ErrorId);
        Assert.Contains(waiter.LockFilePath, error.Message);
        Assert.Contains("nothing to delete", error.Message);
        Assert.Single(waiter.Load());
    }

    [Fact]
    public async Task Concurrent_updates_from_two_store_instances_lose_nothing()
    {
        var seed = new PlainFileConnectionStore(_folder.Path);
        var connection = TestConnections.Make("counter");
        connection.AccessToken = "0";
        seed.Save(connection);
        const int perWorker = 25;

        async Task Increment(PlainFileConnectionStore store)
        {
            for (var i = 0; i < perWorker; i++)
            {
                await store.UpdateAsync("counter", async (c, ct) =>
                {
                    var value = int.Parse(c.AccessToken);
                    await Task.Yield();
                    c.AccessToken = (value + 1).ToString();
                    return c;
                }, CancellationToken.None);
            }
        }

        await Task.WhenAll(
            Task.Run(() => Increment(new PlainFileConnectionStore(_folder.Path))),
            Task.Run(() => Increment(new PlainFileConnectionStore(_folder.Path))));

        Assert.Equal((2 * perWorker).ToString(), seed.Find("counter")!.AccessToken);
    }

    internal static void AssertNoSecret(Exception error, string secret)
    {
        for (var e = error; e != null; e = e.InnerException)
        {
            Assert.DoesNotContain(secret, e.Message);
            Assert.DoesNotContain(secret, e.ToString());
        }
    }

    internal static string Stat(string path)
    {
        var info = new System.Diagnostics.ProcessStartInfo("stat", new[] { "-c", "%a", path }) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
