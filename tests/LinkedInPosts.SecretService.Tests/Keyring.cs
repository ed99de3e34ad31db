using System.Diagnostics;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Errors;
using Xunit.Sdk;

namespace LinkedInPosts.SecretService.Tests;

/// <summary>Opens the real protected store and looks at the keyring from outside with secret-tool.</summary>
internal static class Keyring
{
    /// <summary>The libsecret store on <paramref name="folder"/>; a failing test (never a skip) when there is no Secret Service.</summary>
    public static MsalConnectionStore Open(string folder, bool allowPlain = false)
    {
        LockedConnectionStore store;
        try
        {
            store = ConnectionStoreFactory.Open(new ConnectionStoreOptions { DataFolder = folder, AllowPlainTextFile = allowPlain });
        }
        catch (LinkedInTokenStoreException e) when (e.Failure == TokenStoreFailure.Unavailable)
        {
            throw new XunitException(
                "These tests need a Secret Service with an unlocked default keyring on the session bus; run them with " +
                "tests/LinkedInPosts.SecretService.Tests/run-in-keyring-session.sh (as .ci/run does). The store said: " + e.Message);
        }
        if (store is not MsalConnectionStore protectedStore)
        {
            throw new XunitException("Expected the libsecret store, got " + store.Description + ".");
        }
        return protectedStore;
    }

    /// <summary>The payload as the Secret Service holds it for <paramref name="folder"/>, or null when there is no item.</summary>
    public static string? Lookup(string folder)
    {
        var (exit, output) = SecretTool("lookup", "LinkedInPosts", "connections", "DataFolder", folder);
        return exit == 0 ? output : null;
    }

    /// <summary>The connection document in the item (MSAL keeps it base64-encoded), or null when there is no item.</summary>
    public static string? LookupDocument(string folder)
    {
        var raw = Lookup(folder);
        return raw == null ? null : System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(raw.Trim()));
    }

    /// <summary>Replaces the item's secret from outside, as another program (or damage) could.</summary>
    public static void Overwrite(string folder, string secret)
    {
        var (exit, output) = SecretToolWithInput(secret, "store", "--label=" + MsalConnectionStore.KeyringLabel,
            "xdg:schema", MsalConnectionStore.KeyringSchema, "LinkedInPosts", "connections", "DataFolder", folder);
        Assert.True(exit == 0, "secret-tool store failed: " + output);
    }

    public static (int Exit, string Output) SecretTool(params string[] arguments) => SecretToolWithInput(null, arguments);

    public static (int Exit, string Output) SecretToolWithInput(string? input, params string[] arguments)
    {
        var info = new ProcessStartInfo("secret-tool")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        if (input != null)
        {
            process.StandardInput.Write(input);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error);
    }

    /// <summary>Every file under <paramref name="folder"/> whose bytes contain <paramref name="text"/> (UTF-8).</summary>
    public static IReadOnlyList<string> FilesContaining(string folder, string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0)
            .ToList();
    }
}
