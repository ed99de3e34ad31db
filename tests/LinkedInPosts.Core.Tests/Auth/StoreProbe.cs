using System.Diagnostics;

namespace LinkedInPosts.Core.Tests.Auth;

/// <summary>Runs tests/LinkedInPosts.StoreProbe as a real second process with an environment the test chooses.</summary>
internal static class StoreProbe
{
    /// <summary>A session-bus address where nothing listens: libsecret fails as it does under cron.</summary>
    public const string NoBus = "unix:path=/nonexistent/linkedinposts-no-bus";

    public sealed record Result(int ExitCode, string Output, string Error);

    public static Process Start(string dataFolder, IDictionary<string, string?> environment, params string[] arguments)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "LinkedInPosts.StoreProbe.dll");
        if (!File.Exists(probe))
        {
            throw new FileNotFoundException("The store probe was not built next to the tests.", probe);
        }
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(probe);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // Nothing of the caller's own setup leaks in: the child sees exactly the folder and opt-in chosen here.
        info.Environment.Remove("LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS");
        info.Environment.Remove("DISPLAY");
        info.Environment["LINKEDINPOSTS_HOME"] = dataFolder;
        foreach (var (name, value) in environment)
        {
            if (value == null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }
        return Process.Start(info)!;
    }

    public static async Task<Result> RunAsync(string dataFolder, IDictionary<string, string?> environment, params string[] arguments)
    {
        using var process = Start(dataFolder, environment, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>An environment without a usable session bus, optionally opted in through the variable.</summary>
    public static Dictionary<string, string?> WithoutSessionBus(string? optIn = null) => new()
    {
        ["DBUS_SESSION_BUS_ADDRESS"] = NoBus,
        ["LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS"] = optIn,
    };
}
