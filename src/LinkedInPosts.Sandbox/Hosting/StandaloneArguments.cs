using System.Globalization;

namespace LinkedInPosts.Sandbox.Hosting;

/// <summary>Command line of the standalone sandbox: <c>--port N</c>, <c>--member-daily-limit N</c>, <c>--help</c>.</summary>
internal sealed record StandaloneArguments(int Port, int MemberDailyLimit, bool Help)
{
    public const int DefaultPort = 5155;

    public const string Usage =
        "Usage: dotnet run --project src/LinkedInPosts.Sandbox [-- --port 5155] [--member-daily-limit 150]\n" +
        "  --port N                 loopback port to listen on (default 5155)\n" +
        "  --member-daily-limit N   /rest calls per member per day before 429 (default 150)";

    /// <summary>Parses the arguments; the error text is meant for the console.</summary>
    public static (StandaloneArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        var port = DefaultPort;
        var limit = new SandboxOptions().MemberDailyLimit;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h" or "-?":
                    return (new StandaloneArguments(port, limit, Help: true), null);
                case "--port" when i + 1 < args.Count && TryNumber(args[i + 1], 1, 65535, out port):
                case "--member-daily-limit" when i + 1 < args.Count && TryNumber(args[i + 1], 0, int.MaxValue, out limit):
                    i++;
                    break;
                default:
                    return (null, $"Unexpected or invalid argument '{args[i]}'.");
            }
        }
        return (new StandaloneArguments(port, limit, Help: false), null);
    }

    private static bool TryNumber(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
