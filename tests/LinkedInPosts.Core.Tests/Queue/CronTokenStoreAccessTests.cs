using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// What a crontab line must carry, and what registering must say, so its runs find the connections the
/// registering session made. The libsecret half (that the carried bus is enough) is in the Secret Service tests.
/// </summary>
public sealed class CronTokenStoreAccessTests
{
    private const string PlainFile = "/home/ada/.local/share/LinkedInPosts/connections.plaintext.json";
    private const string Uid = "1000";

    [Theory]
    [InlineData("unix:path=/run/user/1000/bus")]
    [InlineData("unix:path=/run/user/1000/bus,guid=0123456789abcdef0123456789abcdef")]
    [InlineData("  unix:path=/run/user/1000/bus\n")]
    public void A_keyring_reached_through_the_per_user_bus_is_carried_without_the_bus_instance_guid(string bus)
    {
        var access = CronTokenStoreAccess.For(SessionTokenStore.Keyring, runsAllowPlainText: false, bus, Uid, PlainFile, plainFileExists: false);

        Assert.Equal("unix:path=/run/user/1000/bus", access.SessionBusAddress);
        var warning = Assert.Single(access.Warnings);
        Assert.Contains("DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus", warning);
        Assert.Contains("while you are logged in, or with lingering", warning);
        Assert.Contains("LinkedInTokenStoreUnavailable", warning);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("unix:path=/tmp/dbus-AbCdEf1234,guid=0123456789abcdef0123456789abcdef")]
    [InlineData("unix:abstract=/tmp/dbus-AbCdEf1234")]
    [InlineData("unix:path=/run/user/1000/bus;unix:path=/tmp/other")]
    [InlineData("unix:path=/run/user/../../tmp/bus")]
    public void A_bus_of_one_session_is_not_carried_and_registering_says_the_runs_cannot_reach_the_keyring(string? bus)
    {
        var access = CronTokenStoreAccess.For(SessionTokenStore.Keyring, runsAllowPlainText: false, bus, Uid, PlainFile, plainFileExists: false);

        Assert.Null(access.SessionBusAddress);
        var warning = Assert.Single(access.Warnings);
        Assert.Contains("cannot reach the keyring", warning);
        Assert.Contains("-AllowPlainTextTokenFile", warning);
        Assert.Contains(string.IsNullOrEmpty(bus) ? "none named" : bus, warning);
    }

    [Theory]
    [InlineData("1001", false)]   // another user's bus, kept in the environment across su: not ours to carry
    [InlineData(null, true)]      // uid not known: the address alone decides
    public void Only_this_users_own_per_user_bus_is_carried(string? currentUid, bool carried)
    {
        var access = CronTokenStoreAccess.For(SessionTokenStore.Keyring, runsAllowPlainText: false, "unix:path=/run/user/1000/bus", currentUid, PlainFile, plainFileExists: false);

        Assert.Equal(carried ? "unix:path=/run/user/1000/bus" : null, access.SessionBusAddress);
        Assert.Contains(carried ? "the line sets" : "cannot reach the keyring", Assert.Single(access.Warnings));
    }

    [Fact]
    public void The_bus_is_the_variable_else_GLibs_fallback_in_the_runtime_folder_when_its_socket_is_there()
    {
        var runtime = Path.Combine(Path.GetTempPath(), "linkedinposts-runtime-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(runtime);
        try
        {
            var environment = new Dictionary<string, string?> { ["XDG_RUNTIME_DIR"] = runtime + "/" };
            string? Read(string name) => environment.TryGetValue(name, out var value) ? value : null;

            Assert.Null(SessionBus.Address(Read));
            File.WriteAllText(Path.Combine(runtime, "bus"), "");
            Assert.Equal("unix:path=" + runtime + "/bus", SessionBus.Address(Read));
            environment["DBUS_SESSION_BUS_ADDRESS"] = " unix:path=/run/user/1000/bus ";
            Assert.Equal("unix:path=/run/user/1000/bus", SessionBus.Address(Read));
        }
        finally
        {
            Directory.Delete(runtime, recursive: true);
        }
    }

    [Fact]
    public void This_process_uid_is_read_from_proc_on_linux()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(SessionBus.CurrentUid());
            return;
        }
        var uid = SessionBus.CurrentUid();
        Assert.NotNull(uid);
        Assert.True(uint.TryParse(uid, out _), uid);
        // The owner of a file this process creates is its effective uid.
        var file = Path.GetTempFileName();
        try
        {
            var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", new[] { "-c", "%u", file }) { RedirectStandardOutput = true })!;
            var owner = stat.StandardOutput.ReadToEnd().Trim();
            stat.WaitForExit();
            Assert.Equal(owner, uid);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Opting_the_runs_in_to_a_plain_file_that_does_not_exist_says_the_keyring_connections_are_not_in_it()
    {
        var access = CronTokenStoreAccess.For(SessionTokenStore.Keyring, runsAllowPlainText: true, "unix:path=/run/user/1000/bus", Uid, PlainFile, plainFileExists: false);

        Assert.Equal("unix:path=/run/user/1000/bus", access.SessionBusAddress);
        Assert.Equal(2, access.Warnings.Count);
        Assert.Contains(PlainFile + ", which does not exist", access.Warnings[1]);

        var withFile = CronTokenStoreAccess.For(SessionTokenStore.Keyring, runsAllowPlainText: true, "unix:path=/run/user/1000/bus", Uid, PlainFile, plainFileExists: true);
        Assert.Single(withFile.Warnings);
    }

    [Fact]
    public void A_session_on_the_plain_file_is_told_to_opt_the_runs_in_and_is_quiet_once_it_does()
    {
        var without = CronTokenStoreAccess.For(SessionTokenStore.PlainFile, runsAllowPlainText: false, null, Uid, PlainFile, plainFileExists: true);
        var with = CronTokenStoreAccess.For(SessionTokenStore.PlainFile, runsAllowPlainText: true, null, Uid, PlainFile, plainFileExists: true);

        var warning = Assert.Single(without.Warnings);
        Assert.Contains(PlainFile, warning);
        Assert.Contains("-AllowPlainTextTokenFile", warning);
        Assert.Contains("LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS=1", warning);
        Assert.Empty(with.Warnings);
        Assert.Null(without.SessionBusAddress);
        Assert.Null(with.SessionBusAddress);
    }

    [Fact]
    public void A_session_with_no_store_at_all_is_told_to_use_the_plain_file_and_is_quiet_once_the_runs_opt_in()
    {
        var without = CronTokenStoreAccess.For(SessionTokenStore.Unavailable, runsAllowPlainText: false, null, Uid, PlainFile, plainFileExists: false);
        var with = CronTokenStoreAccess.For(SessionTokenStore.Unavailable, runsAllowPlainText: true, null, Uid, PlainFile, plainFileExists: false);

        Assert.Contains("Connect-LinkedIn -AllowPlainTextTokenFile", Assert.Single(without.Warnings));
        Assert.Empty(with.Warnings);
    }

    [Fact]
    public void The_macOS_Keychain_gets_a_warning_that_cron_runs_usually_cannot_read_it_and_no_bus()
    {
        // cron on macOS runs outside the login session; registering said nothing and every run could fail (review S13-D, 6).
        var access = CronTokenStoreAccess.For(SessionTokenStore.OtherProtected, runsAllowPlainText: false, "unix:path=/run/user/501/bus", Uid, PlainFile, plainFileExists: false);
        var opted = CronTokenStoreAccess.For(SessionTokenStore.OtherProtected, runsAllowPlainText: true, null, Uid, PlainFile, plainFileExists: true);

        Assert.Null(access.SessionBusAddress);
        var warning = Assert.Single(access.Warnings);
        Assert.Contains("macOS Keychain", warning);
        Assert.Contains("-AllowPlainTextTokenFile", warning);
        Assert.Contains("Full Disk Access", warning);
        Assert.Empty(opted.Warnings);
        Assert.Empty(CronTokenStoreAccess.Unknown.Warnings);
    }
}
