using LinkedInPosts.Core.Auth;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>
/// A real process whose session bus does not answer (as under cron): the real libsecret call fails, the
/// store refuses without an opt-in, and works as a plain file with one.
/// </summary>
public sealed class NoSessionBusTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Without_an_opt_in_the_store_is_Unavailable_saying_what_failed_whose_it_is_and_how_to_opt_in()
    {
        var result = await StoreProbe.RunAsync(_folder.Path, StoreProbe.WithoutSessionBus(), "open");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("error: LinkedInTokenStoreUnavailable", result.Output);
        Assert.Contains("libsecret", result.Output);
        Assert.Contains("Secret Service", result.Output);
        Assert.Contains("OS account " + OsAccount.Current, result.Output);
        Assert.Contains("Connect-LinkedIn -AllowPlainTextTokenFile", result.Output);
        Assert.Contains("LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS=1", result.Output);
        Assert.False(File.Exists(Path.Combine(_folder.Path, PlainFileConnectionStore.FileName)));
    }

    [Fact]
    public async Task The_opt_in_switch_gives_a_plain_file_store_that_warns_and_keeps_connections()
    {
        var opened = await StoreProbe.RunAsync(_folder.Path, StoreProbe.WithoutSessionBus(), "open", "--allow-plain");
        var saved = await StoreProbe.RunAsync(_folder.Path, StoreProbe.WithoutSessionBus(), "save", "cron", "AT-SECRET-cron", "--allow-plain");
        var read = await StoreProbe.RunAsync(_folder.Path, StoreProbe.WithoutSessionBus(), "get", "CRON", "--allow-plain");

        Assert.Equal(0, opened.ExitCode);
        Assert.Contains("store: plain", opened.Output);
        Assert.Contains("warning: ", opened.Output);
        Assert.Contains("NOT in a protected store", opened.Output);
        Assert.Equal(0, saved.ExitCode);
        Assert.Equal("AT-SECRET-cron", read.Output.Trim());
        Assert.Equal("600", PlainFileConnectionStoreTests.Stat(Path.Combine(_folder.Path, PlainFileConnectionStore.FileName)));
    }

    [Fact]
    public async Task The_environment_variable_opts_in_as_the_switch_does()
    {
        var saved = await StoreProbe.RunAsync(_folder.Path, StoreProbe.WithoutSessionBus(optIn: "1"), "save", "cron", "AT-SECRET-env");
        var read = await StoreProbe.RunAsync(_folder.Path, StoreProbe.WithoutSessionBus(optIn: "1"), "get", "cron");
        var refused = await StoreProbe.RunAsync(_folder.Path, StoreProbe.WithoutSessionBus(optIn: "0"), "get", "cron");

        Assert.Equal(0, saved.ExitCode);
        Assert.Equal("AT-SECRET-env", read.Output.Trim());
        Assert.Equal(3, refused.ExitCode);
        Assert.StartsWith("error: LinkedInTokenStoreUnavailable", refused.Output);
    }

    [Fact]
    public async Task An_existing_plain_file_is_not_read_without_an_opt_in_this_time_and_the_error_names_it()
    {
        await StoreProbe.RunAsync(_folder.Path, StoreProbe.WithoutSessionBus(), "save", "cron", "AT-SECRET-earlier", "--allow-plain");

        var result = await StoreProbe.RunAsync(_folder.Path, StoreProbe.WithoutSessionBus(), "get", "cron");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("error: LinkedInTokenStoreUnavailable", result.Output);
        Assert.Contains("A plain-text token file from an earlier opt-in exists (" + Path.Combine(_folder.Path, PlainFileConnectionStore.FileName) + ")", result.Output);
        Assert.Contains("opt in again", result.Output);
        Assert.DoesNotContain("AT-SECRET-earlier", result.Output + result.Error);
    }
}
