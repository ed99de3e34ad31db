using System.Diagnostics;
using LinkedInPosts.Core.Auth;

namespace LinkedInPosts.Core.Tests.Auth;

public sealed class OsAccountTests
{
    [Fact]
    public void On_Unix_the_account_is_user_at_host_as_id_and_hostname_say()
    {
        var user = Run("id", "-un");
        var host = Run("hostname");

        Assert.Equal(user + "@" + host.Split('.')[0], OsAccount.Current);
    }

    [Fact]
    public void The_current_account_and_an_unknown_one_count_as_current_and_another_does_not()
    {
        Assert.True(OsAccount.IsCurrent(OsAccount.Current.ToUpperInvariant()));
        Assert.True(OsAccount.IsCurrent(""));
        Assert.False(OsAccount.IsCurrent("someone-else@elsewhere"));
    }

    [Fact]
    public void A_connection_made_by_another_account_is_described_as_connected_as_X_this_process_runs_as_Y()
    {
        var mine = new StoredConnection { Name = "work", ConnectedBy = OsAccount.Current, AccessToken = "AT-SECRET-mine" };
        var theirs = new StoredConnection { Name = "work", ConnectedBy = "ops@buildhost", AccessToken = "AT-SECRET-theirs" };

        Assert.Null(OsAccount.DescribeMismatch(mine));
        var text = OsAccount.DescribeMismatch(theirs);

        Assert.NotNull(text);
        Assert.Contains("was made as ops@buildhost; this process runs as " + OsAccount.Current, text);
        Assert.Contains("Connect-LinkedIn", text);
        Assert.DoesNotContain("SECRET", text);
    }

    private static string Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
