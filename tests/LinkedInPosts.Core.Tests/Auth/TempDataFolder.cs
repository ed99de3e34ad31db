namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>A fresh data folder under the temp folder, deleted afterwards; the folder itself is not created.</summary>
internal sealed class TempDataFolder : IDisposable
{
    private readonly string _root;

    public TempDataFolder()
    {
        _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "linkedinposts-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        Path = System.IO.Path.Combine(_root, "data");
    }

    /// <summary>The data folder (not created yet, so tests see what the store creates).</summary>
    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temp folder is cleaned by the system.
        }
    }
}
