using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;
using LinkedInPosts.Core.Tests.Auth;

namespace LinkedInPosts.SecretService.Tests;

/// <summary>
/// The protected store on Linux, for real: libsecret talking to gnome-keyring over a private session bus
/// (see run-in-keyring-session.sh). Every test uses its own data folder, so its own keyring item.
/// </summary>
public sealed class LibsecretConnectionStoreTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose()
    {
        Keyring.SecretTool("clear", "LinkedInPosts", "connections", "DataFolder", _folder.Path);
        _folder.Dispose();
    }

    [Fact]
    public void The_factory_opens_the_libsecret_store_which_is_protected_and_has_no_warning()
    {
        var store = Keyring.Open(_folder.Path);

        Assert.True(store.IsProtected);
        Assert.Equal("libsecret (Secret Service)", store.Description);
        Assert.Contains("DataFolder=" + _folder.Path, store.Location);
        Assert.Null(store.Warning);
        Assert.Empty(store.Load());
    }

    [Fact]
    public async Task A_connection_is_stored_read_updated_and_deleted_through_libsecret()
    {
        var writer = Keyring.Open(_folder.Path);
        writer.Save(TestConnections.Make("work", "libsecret"));
        writer.Save(TestConnections.Make("alpha"));

        var reader = Keyring.Open(_folder.Path);
        var read = reader.Find("WORK");
        Assert.NotNull(read);
        Assert.Equal("AT-SECRET-libsecret", read!.AccessToken);
        Assert.Equal("RT-SECRET-libsecret", read.RefreshToken);
        Assert.Equal("CS-SECRET-libsecret", read.ClientSecret);
        Assert.Equal(OsAccount.Current, read.ConnectedBy);
        Assert.Equal(new[] { "alpha", "work" }, reader.Load().Select(c => c.Name));
        Assert.Contains("AT-SECRET-libsecret", Keyring.LookupDocument(_folder.Path));

        var updated = await reader.UpdateAsync("work", async (c, ct) =>
        {
            await Task.Delay(5, ct);
            c.AccessToken = "AT-SECRET-refreshed";
            return c;
        }, CancellationToken.None);
        Assert.Equal("AT-SECRET-refreshed", updated.AccessToken);
        Assert.Equal("AT-SECRET-refreshed", writer.Find("work")!.AccessToken);
        Assert.DoesNotContain("AT-SECRET-libsecret", Keyring.LookupDocument(_folder.Path));

        Assert.True(writer.Delete("Work"));
        Assert.False(reader.Delete("work"));
        Assert.Null(reader.Find("work"));
        Assert.Equal("alpha", Assert.Single(Keyring.Open(_folder.Path).Load()).Name);
        Assert.DoesNotContain("AT-SECRET-refreshed", Keyring.LookupDocument(_folder.Path));
    }

    [Fact]
    public void No_secret_is_in_any_file_of_the_data_folder()
    {
        var store = Keyring.Open(_folder.Path);
        store.Save(TestConnections.Make("work", "nofile"));
        store.Save(TestConnections.Make("home", "nofile2"));
        var stored = Keyring.Lookup(_folder.Path)!.Trim();

        Assert.NotEmpty(Directory.GetFiles(_folder.Path)); // MSAL's marker file, at least
        foreach (var secret in new[] { "AT-SECRET-nofile", "RT-SECRET-nofile", "CS-SECRET-nofile", "AT-SECRET-nofile2", stored })
        {
            Assert.Empty(Keyring.FilesContaining(_folder.Path, secret));
        }
        Assert.False(File.Exists(Path.Combine(_folder.Path, PlainFileConnectionStore.FileName)));
    }

    [Fact]
    public void Two_data_folders_keep_separate_secrets()
    {
        using var other = new TempDataFolder();
        try
        {
            Keyring.Open(_folder.Path).Save(TestConnections.Make("work", "first-folder"));
            Keyring.Open(other.Path).Save(TestConnections.Make("work", "second-folder"));

            Assert.Equal("AT-SECRET-first-folder", Keyring.Open(_folder.Path).Find("work")!.AccessToken);
            Assert.Equal("AT-SECRET-second-folder", Keyring.Open(other.Path).Find("work")!.AccessToken);
        }
        finally
        {
            Keyring.SecretTool("clear", "LinkedInPosts", "connections", "DataFolder", other.Path);
        }
    }

    [Theory]
    [InlineData("not base64 at all: AT-SECRET-damaged")]
    [InlineData("eyJmb3JtYXRWZXJzaW9uIjoxLCJjb25uZWN0aW9ucyI6W3sibmFtZSI6IndvcmsiLCJhY2Nlc3NUb2tlbiI6IkFULVNFQ1JFVC1kYW1hZ2VkIg==")] // base64 of truncated JSON with a token
    [InlineData("eyJmb3JtYXRWZXJzaW9uIjo3LCJjb25uZWN0aW9ucyI6W119")] // base64 of {"formatVersion":7,"connections":[]}
    public void A_damaged_secret_is_Unreadable_naming_the_item_and_both_resets_without_the_secret(string secret)
    {
        var store = Keyring.Open(_folder.Path);
        store.Save(TestConnections.Make("work"));
        Keyring.Overwrite(_folder.Path, secret);

        var error = Assert.Throws<LinkedInTokenStoreException>(() => store.Load());

        Assert.Equal(TokenStoreFailure.Unreadable, error.Failure);
        Assert.Contains("libsecret (Secret Service)", error.Message);
        Assert.Contains("DataFolder=" + _folder.Path, error.Message);
        Assert.Contains("Disconnect-LinkedIn -All -Force", error.Message);
        Assert.Contains("secret-tool clear LinkedInPosts connections DataFolder '" + _folder.Path + "'", error.Message);
        for (var e = (Exception?)error; e != null; e = e.InnerException)
        {
            Assert.DoesNotContain("AT-SECRET-damaged", e.ToString());
        }
    }

    [Fact]
    public void Reset_removes_a_damaged_secret_and_the_store_works_again()
    {
        var store = Keyring.Open(_folder.Path);
        store.Save(TestConnections.Make("work"));
        Keyring.Overwrite(_folder.Path, "garbage");

        store.Reset();

        Assert.Null(Keyring.Lookup(_folder.Path));
        Assert.Empty(store.Load());
        store.Save(TestConnections.Make("work", "after-reset"));
        Assert.Equal("AT-SECRET-after-reset", Keyring.Open(_folder.Path).Find("work")!.AccessToken);
    }

    [Fact]
    public void The_manual_reset_command_in_the_message_removes_the_secret()
    {
        var store = Keyring.Open(_folder.Path);
        store.Save(TestConnections.Make("work"));
        Keyring.Overwrite(_folder.Path, "garbage");
        var message = Assert.Throws<LinkedInTokenStoreException>(() => store.Load()).Message;

        var (exit, output) = Keyring.SecretTool("clear", "LinkedInPosts", "connections", "DataFolder", _folder.Path);
        File.Delete(store.FilePath);

        Assert.Contains("secret-tool clear LinkedInPosts connections DataFolder '" + _folder.Path + "' and delete the file " + store.FilePath, message);
        Assert.True(exit == 0, output);
        Assert.Empty(store.Load());
    }

    [Fact]
    public void An_item_removed_behind_the_stores_back_is_Unreadable_not_an_empty_store()
    {
        var store = Keyring.Open(_folder.Path);
        store.Save(TestConnections.Make("work"));

        Keyring.SecretTool("clear", "LinkedInPosts", "connections", "DataFolder", _folder.Path);
        var error = Assert.Throws<LinkedInTokenStoreException>(() => store.Load());

        Assert.Equal(TokenStoreFailure.Unreadable, error.Failure);
        Assert.Contains("gave nothing back although connections were saved here", error.Message);
        Assert.Contains("locked", error.Message);
        Assert.Contains("Disconnect-LinkedIn -All -Force", error.Message);
        store.Reset();
        Assert.Empty(store.Load());
    }

    [Fact]
    public async Task A_keyring_locked_after_the_store_was_opened_is_Unreadable_not_an_empty_store()
    {
        // Locking needs a keyring of its own: the shared one must stay unlocked for the other tests.
        var keyringHome = Path.Combine(Path.GetDirectoryName(_folder.Path)!, "own-keyring");
        Directory.CreateDirectory(keyringHome);
        var probe = Path.Combine(AppContext.BaseDirectory, "LinkedInPosts.StoreProbe.dll");
        var info = new System.Diagnostics.ProcessStartInfo("dbus-run-session")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--", "bash", "-c",
            "printf %s own-password | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null && exec dotnet \"$0\" lock-then-get work AT-SECRET-locked",
            probe,
        })
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["XDG_DATA_HOME"] = keyringHome;
        info.Environment["LINKEDINPOSTS_HOME"] = _folder.Path;
        info.Environment.Remove("DISPLAY");
        info.Environment.Remove("LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS");

        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        var text = await output;

        Assert.True(process.ExitCode == 3, "exit " + process.ExitCode + ": " + text + await errors);
        Assert.Contains("locked: 0", text);
        Assert.Contains("error: LinkedInTokenStoreUnreadable", text);
        Assert.Contains("the keyring is locked", text);
        Assert.DoesNotContain("AT-SECRET-locked", text);
    }

    [Fact]
    public async Task Updates_from_another_process_and_this_one_at_once_lose_nothing_in_the_keyring()
    {
        var store = Keyring.Open(_folder.Path);
        var counter = TestConnections.Make("counter");
        counter.AccessToken = "0";
        store.Save(counter);
        const int there = 25;
        const int here = 25;

        // The probe inherits this session's bus, so it opens the same libsecret item.
        var probe = StoreProbe.RunAsync(_folder.Path, new Dictionary<string, string?>(), "increment", "counter", there.ToString());
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
        var result = await probe;

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal((there + here).ToString(), store.Find("counter")!.AccessToken);
    }

    [Fact]
    public async Task The_probe_process_sees_what_this_process_stored_in_the_keyring()
    {
        Keyring.Open(_folder.Path).Save(TestConnections.Make("shared", "across"));

        var opened = await StoreProbe.RunAsync(_folder.Path, new Dictionary<string, string?>(), "open");
        var read = await StoreProbe.RunAsync(_folder.Path, new Dictionary<string, string?>(), "get", "shared");

        Assert.Contains("store: protected | libsecret (Secret Service)", opened.Output);
        Assert.Equal("AT-SECRET-across", read.Output.Trim());
    }

    [Fact]
    public async Task A_run_with_crons_environment_reaches_the_keyring_only_through_the_session_bus_its_line_names()
    {
        // What Register-LinkedInPostQueueTask relies on when it puts DBUS_SESSION_BUS_ADDRESS on a crontab line
        // (CronTokenStoreAccess): cron's environment has no bus, no XDG_RUNTIME_DIR and no display, and that one
        // variable is enough for libsecret to find the keyring again.
        Keyring.Open(_folder.Path).Save(TestConnections.Make("cron", "via-bus"));
        var bus = Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
        Assert.False(string.IsNullOrEmpty(bus), "the Secret Service tests run inside a session bus");
        var cron = new Dictionary<string, string?>();
        foreach (string name in Environment.GetEnvironmentVariables().Keys)
        {
            var keep = name == "PATH" || name == "HOME" || name.StartsWith("DOTNET_", StringComparison.Ordinal);
            if (!keep)
            {
                cron[name] = null;
            }
        }

        var without = await StoreProbe.RunAsync(_folder.Path, cron, "get", "cron");
        // As the line writes it: without the bus instance's guid.
        cron["DBUS_SESSION_BUS_ADDRESS"] = System.Text.RegularExpressions.Regex.Replace(bus!, ",guid=[0-9a-fA-F]+", "");
        var with = await StoreProbe.RunAsync(_folder.Path, cron, "get", "cron");

        Assert.True(without.ExitCode == 3, "exit " + without.ExitCode + ": " + without.Output + without.Error);
        Assert.Contains("error: LinkedInTokenStoreUnavailable", without.Output);
        Assert.True(with.ExitCode == 0, "exit " + with.ExitCode + ": " + with.Output + with.Error);
        Assert.Equal("AT-SECRET-via-bus", with.Output.Trim());
    }

    [Fact]
    public void A_plain_file_from_an_earlier_opt_in_is_neither_read_nor_migrated_and_the_store_warns_about_it()
    {
        var plain = new PlainFileConnectionStore(_folder.Path);
        plain.Save(TestConnections.Make("cron", "plain-era"));
        var before = File.ReadAllBytes(plain.FilePath);

        var store = Keyring.Open(_folder.Path, allowPlain: true);

        Assert.True(store.IsProtected);
        Assert.Null(store.Find("cron"));
        Assert.Null(Keyring.Lookup(_folder.Path));
        Assert.NotNull(store.Warning);
        Assert.Contains(plain.FilePath, store.Warning);
        Assert.Contains("NOT used", store.Warning);
        Assert.DoesNotContain("SECRET-plain-era", store.Warning);
        Assert.Equal(before, File.ReadAllBytes(plain.FilePath));
    }
}
