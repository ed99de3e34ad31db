using LinkedInPosts.Core.Queue;

namespace LinkedInPosts.Core.Tests.Queue;

/// <summary>
/// What a crontab line must carry, and what registering must say, so its runs find the connections the
/// registering session made. The libsecret half (that the carried bus is enough) is in the Secret Service tests.
/// </summary>
public sealed class CronTokenStoreAccessTests
{
    private const string PlainFile = "/home/ada/.local/share/LinkedInPosts/connections.plaintext.json";

    [Theory]
    [InlineData("unix:path=/run/user/1000/bus")]
    [InlineData("unix:path=/run/user/1000/bus,guid=0123456789abcdef0123456789abcdef")]
    [InlineData("  unix:path=/run/user/1000/bus\n")]
    public void A_keyring_reached_through_the_per_user_bus_is_carried_without_the_bus_instance_guid(string bus)
    {
        var access = CronTokenStoreAccess.For(SessionTokenStore.Keyring, runsAllowPlainText: false, bus, PlainFile, plainFileExists: false);

        Assert.Equal("unix:path=/run/user/1000/bus", access.SessionBusAddress);
        var warning = Assert.Single(access.Warnings);
        Assert.Contains("DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus", warning);
        Assert.Contains("while you are logged in", warning);
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
        var access = CronTokenStoreAccess.For(SessionTokenStore.Keyring, runsAllowPlainText: false, bus, PlainFile, plainFileExists: false);

        Assert.Null(access.SessionBusAddress);
        var warning = Assert.Single(access.Warnings);
        Assert.Contains("cannot reach the keyring", warning);
        Assert.Contains("-AllowPlainTextTokenFile", warning);
        Assert.Contains(string.IsNullOrEmpty(bus) ? "none named" : bus, warning);
    }

    [Fact]
    public void Opting_the_runs_in_to_a_plain_file_that_does_not_exist_says_the_keyring_connections_are_not_in_it()
    {
        var access = CronTokenStoreAccess.For(SessionTokenStore.Keyring, runsAllowPlainText: true, "unix:path=/run/user/1000/bus", PlainFile, plainFileExists: false);

        Assert.Equal("unix:path=/run/user/1000/bus", access.SessionBusAddress);
        Assert.Equal(2, access.Warnings.Count);
        Assert.Contains(PlainFile + ", which does not exist", access.Warnings[1]);

        var withFile = CronTokenStoreAccess.For(SessionTokenStore.Keyring, runsAllowPlainText: true, "unix:path=/run/user/1000/bus", PlainFile, plainFileExists: true);
        Assert.Single(withFile.Warnings);
    }

    [Fact]
    public void A_session_on_the_plain_file_is_told_to_opt_the_runs_in_and_is_quiet_once_it_does()
    {
        var without = CronTokenStoreAccess.For(SessionTokenStore.PlainFile, runsAllowPlainText: false, null, PlainFile, plainFileExists: true);
        var with = CronTokenStoreAccess.For(SessionTokenStore.PlainFile, runsAllowPlainText: true, null, PlainFile, plainFileExists: true);

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
        var without = CronTokenStoreAccess.For(SessionTokenStore.Unavailable, runsAllowPlainText: false, null, PlainFile, plainFileExists: false);
        var with = CronTokenStoreAccess.For(SessionTokenStore.Unavailable, runsAllowPlainText: true, null, PlainFile, plainFileExists: false);

        Assert.Contains("Connect-LinkedIn -AllowPlainTextTokenFile", Assert.Single(without.Warnings));
        Assert.Empty(with.Warnings);
    }

    [Fact]
    public void Another_protected_store_is_left_as_it_is()
    {
        var access = CronTokenStoreAccess.For(SessionTokenStore.OtherProtected, runsAllowPlainText: false, "unix:path=/run/user/501/bus", PlainFile, plainFileExists: false);

        Assert.Null(access.SessionBusAddress);
        Assert.Empty(access.Warnings);
        Assert.Empty(CronTokenStoreAccess.Unknown.Warnings);
    }
}
