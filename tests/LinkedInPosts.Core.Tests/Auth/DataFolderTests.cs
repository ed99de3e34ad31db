using System.Runtime.Versioning;
using LinkedInPosts.Core.Auth;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>Where the data folder is on this (Unix, non-macOS) machine, and how it is created.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataFolderTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    [Fact]
    public void LINKEDINPOSTS_HOME_wins_over_everything()
    {
        var folder = DataFolder.Resolve(Env(("LINKEDINPOSTS_HOME", "/srv/posts"), ("XDG_DATA_HOME", "/x"), ("HOME", "/home/ops")));

        Assert.Equal("/srv/posts", folder);
    }

    [Fact]
    public void XDG_DATA_HOME_is_used_on_Linux()
    {
        Assert.Equal("/x/data/LinkedInPosts", DataFolder.Resolve(Env(("XDG_DATA_HOME", "/x/data"), ("HOME", "/home/ops"))));
    }

    [Fact]
    public void Without_XDG_DATA_HOME_or_with_a_relative_one_it_is_under_dot_local_share()
    {
        Assert.Equal("/home/ops/.local/share/LinkedInPosts", DataFolder.Resolve(Env(("HOME", "/home/ops"))));
        Assert.Equal("/home/ops/.local/share/LinkedInPosts", DataFolder.Resolve(Env(("XDG_DATA_HOME", "relative/path"), ("HOME", "/home/ops"))));
    }

    [Fact]
    public void Ensure_creates_the_folder_private_to_the_account()
    {
        var created = DataFolder.Ensure(_folder.Path);

        Assert.Equal(_folder.Path, created);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(created));
    }

    [Fact]
    public void Ensure_leaves_the_mode_of_a_folder_the_user_chose()
    {
        Directory.CreateDirectory(_folder.Path);
        File.SetUnixFileMode(_folder.Path, (UnixFileMode)0x1ED); // 0755

        DataFolder.Ensure(_folder.Path);

        Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(_folder.Path));
    }
}
