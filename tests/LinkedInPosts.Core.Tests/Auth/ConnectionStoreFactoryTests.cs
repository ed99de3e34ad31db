using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>
/// Which store the factory picks, with the protected store replaced through the factory's seam (the real
/// one is proved by NoSessionBusTests here and by tests/LinkedInPosts.SecretService.Tests in a keyring).
/// </summary>
public sealed class ConnectionStoreFactoryTests : IDisposable
{
    private const string Failure = "no Secret Service on the session bus (libsecret): test says so";
    private readonly TempDataFolder _folder = new();
    private readonly Dictionary<string, string?> _environment = new();

    public void Dispose() => _folder.Dispose();

    private ConnectionStoreOptions Options(bool allowPlain = false) => new() { DataFolder = _folder.Path, AllowPlainTextFile = allowPlain };

    private string? Environment(string name) => _environment.TryGetValue(name, out var value) ? value : null;

    private static LockedConnectionStore? Fails(string folder, TimeSpan timeout, out string? failure)
    {
        failure = Failure;
        return null;
    }

    [Fact]
    public void A_working_protected_store_is_used_even_with_the_opt_in()
    {
        LockedConnectionStore? opened = null;
        ConnectionStoreFactory.ProtectedOpener works = (string folder, TimeSpan timeout, out string? failure) =>
        {
            failure = null;
            return opened = new PlainFileConnectionStore(folder, timeout);
        };

        var store = ConnectionStoreFactory.Open(Options(allowPlain: true), Environment, works);

        Assert.Same(opened, store);
    }

    [Fact]
    public void Without_a_protected_store_or_an_opt_in_the_error_says_what_failed_whose_store_and_both_opt_ins()
    {
        var error = Assert.Throws<LinkedInTokenStoreException>(() => ConnectionStoreFactory.Open(Options(), Environment, Fails));

        Assert.Equal(TokenStoreFailure.Unavailable, error.Failure);
        Assert.Equal("LinkedInTokenStoreUnavailable", error.ErrorId);
        Assert.Contains(Failure, error.Message);
        Assert.Contains("OS account " + OsAccount.Current, error.Message);
        Assert.Contains("Connect-LinkedIn -AllowPlainTextTokenFile", error.Message);
        Assert.Contains("LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS=1", error.Message);
        Assert.Contains(Path.Combine(_folder.Path, PlainFileConnectionStore.FileName), error.Message);
        Assert.DoesNotContain("exists", error.Message);
    }

    [Theory]
    [InlineData("unix:path=/run/user/2147483646/bus", "2147483646", true)]
    [InlineData("unix:path=/run/user/2147483646/bus,guid=0123456789abcdef", "2147483646", true)]
    [InlineData("unix:path=/run/user/2147483646/bus", "1000", false)]   // another user's bus (su): not this process's login
    [InlineData("unix:path=/tmp/dbus-AbCdEf1234", "2147483646", false)]
    [InlineData(null, "2147483646", false)]
    public void A_run_given_its_per_user_bus_that_is_not_there_is_told_it_reaches_the_keyring_only_while_its_user_is_logged_in(string? bus, string uid, bool told)
    {
        // What a crontab line from Register-LinkedInPostQueueTask sets; nobody has uid 2147483646's bus.
        _environment[SessionBus.Variable] = bus;

        var error = Assert.Throws<LinkedInTokenStoreException>(() => ConnectionStoreFactory.Open(Options(), Environment, Fails, () => uid));

        Assert.Equal(TokenStoreFailure.Unavailable, error.Failure);
        Assert.Equal(told, error.Message.Contains("(/run/user/2147483646/bus) is not there, as when its user is not logged in"));
        Assert.Contains("Connect-LinkedIn -AllowPlainTextTokenFile", error.Message);
    }

    [Fact]
    public void The_opt_in_option_gives_the_plain_file_store()
    {
        var store = ConnectionStoreFactory.Open(Options(allowPlain: true), Environment, Fails);

        var plain = Assert.IsType<PlainFileConnectionStore>(store);
        Assert.False(plain.IsProtected);
        Assert.Equal(Path.Combine(_folder.Path, PlainFileConnectionStore.FileName), plain.FilePath);
        Assert.NotNull(plain.Warning);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData(" true ", true)]
    [InlineData("TRUE", true)]
    [InlineData("0", false)]
    [InlineData("yes", false)]
    [InlineData("", false)]
    public void The_environment_variable_opts_in_with_1_or_true_only(string value, bool optsIn)
    {
        _environment[ConnectionStoreOptions.AllowPlainTextVariable] = value;

        if (optsIn)
        {
            Assert.IsType<PlainFileConnectionStore>(ConnectionStoreFactory.Open(Options(), Environment, Fails));
        }
        else
        {
            Assert.Throws<LinkedInTokenStoreException>(() => ConnectionStoreFactory.Open(Options(), Environment, Fails));
        }
    }

    [Fact]
    public void An_existing_plain_file_without_an_opt_in_this_time_is_named_and_left_unread()
    {
        var earlier = new PlainFileConnectionStore(_folder.Path);
        earlier.Save(TestConnections.Make("cron", "earlier"));
        var before = File.ReadAllBytes(earlier.FilePath);

        var error = Assert.Throws<LinkedInTokenStoreException>(() => ConnectionStoreFactory.Open(Options(), Environment, Fails));

        Assert.Equal(TokenStoreFailure.Unavailable, error.Failure);
        Assert.Contains("A plain-text token file from an earlier opt-in exists (" + earlier.FilePath + ")", error.Message);
        Assert.Contains("opt in again", error.Message);
        Assert.Contains("LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS=1", error.Message);
        Assert.DoesNotContain("SECRET-earlier", error.Message);
        Assert.Equal(before, File.ReadAllBytes(earlier.FilePath));
    }

    [Fact]
    public void Without_a_folder_in_the_options_the_factory_uses_LINKEDINPOSTS_HOME_and_creates_it()
    {
        _environment[DataFolder.HomeVariable] = _folder.Path;

        var store = ConnectionStoreFactory.Open(new ConnectionStoreOptions { AllowPlainTextFile = true }, Environment, Fails);

        Assert.Equal(_folder.Path, store.DataFolder);
        Assert.True(Directory.Exists(_folder.Path));
    }

    [Fact]
    public void A_failure_text_from_the_protected_store_never_carries_a_secret_into_the_message_it_was_not_given()
    {
        var store = ConnectionStoreFactory.Open(Options(allowPlain: true), Environment, Fails);
        store.Save(TestConnections.Make("work", "factory"));

        var error = Assert.Throws<LinkedInTokenStoreException>(() => ConnectionStoreFactory.Open(Options(), Environment, Fails));

        PlainFileConnectionStoreTests.AssertNoSecret(error, "SECRET-factory");
    }
}
