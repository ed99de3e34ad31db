using System.Runtime.CompilerServices;

namespace LinkedInPosts.PowerShell.Tests.Hosting;

/// <summary>
/// The process environment every runspace of this test run shares, set once before any test runs
/// (xunit runs test classes in parallel, and environment variables are process-wide):
/// <list type="bullet">
/// <item><c>LINKEDINPOSTS_HOME</c> is a temporary folder of this run, deleted at exit, so no test reads
/// or writes the user's own token store.</item>
/// <item>The session bus is pointed at nothing, as under cron: libsecret cannot answer, so no test writes
/// into the desktop keyring of whoever runs the tests, and the store is the same on every Linux machine.</item>
/// <item>The plain-text token file is opted in (<c>LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS=1</c>), so the
/// runspaces have a store; tests that need another environment change it inside
/// the environment collection, which never runs beside another test.</item>
/// </list>
/// Only the behaviour tests (one serial collection) touch the store; each starts with it empty.
/// </summary>
public static class TestEnvironment
{
    public const string HomeVariable = "LINKEDINPOSTS_HOME";
    public const string AllowPlainTextVariable = "LINKEDINPOSTS_ALLOW_PLAINTEXT_TOKENS";
    public const string PlainTextFileName = "connections.plaintext.json";
    public const string NoSessionBus = "unix:path=/nonexistent/linkedinposts-tests-no-bus";

    public static string Home { get; private set; } = string.Empty;

    /// <summary>The opted-in plain-text token file of this run.</summary>
    public static string PlainTextFile => Path.Combine(Home, PlainTextFileName);

    /// <summary>True where the store the runspaces get is the plain-text file (Linux: no session bus).</summary>
    public static bool UsesPlainTextStore => OperatingSystem.IsLinux();

#pragma warning disable CA2255 // A module initializer is the one place that runs before xunit starts any test class.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        Home = Path.Combine(Path.GetTempPath(), "linkedinposts-pstests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Home);
        Environment.SetEnvironmentVariable(HomeVariable, Home);
        Environment.SetEnvironmentVariable(AllowPlainTextVariable, "1");
        if (OperatingSystem.IsLinux())
        {
            Environment.SetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS", NoSessionBus);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Home, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
    }

    /// <summary>Empties the token store, so a behaviour test never sees another's connections.</summary>
    public static void ResetTokenStore()
    {
        foreach (var file in Directory.GetFiles(Home, "connections.*"))
        {
            if (!file.EndsWith(".lock", StringComparison.Ordinal))
            {
                File.Delete(file);
            }
        }
    }
}
