using System.Net.Sockets;
using System.Runtime.InteropServices;
using LinkedInPosts.Sandbox.Hosting;

namespace LinkedInPosts.Sandbox;

/// <summary>
/// The standalone sandbox: users dry-run their scripts and scheduled tasks against it instead of
/// their real feed. It seeds one member (administrator of one organization), one all-scopes token,
/// and one OAuth app with refresh tokens whose sign-in the member approves, prints how to connect
/// either way, and runs until Ctrl+C.
/// </summary>
internal static class Program
{
    private static readonly string[] AllScopes =
    [
        "w_member_social", "r_member_social", "w_organization_social", "r_organization_social", "openid", "profile", "email",
    ];

    // The app may also be asked for the page-admin scopes some tools request to list a member's pages.
    private static readonly string[] AppScopes = [.. AllScopes, "rw_organization_admin", "r_organization_admin"];

    private const string RedirectUri = "http://127.0.0.1:8400/callback";

    public static async Task<int> Main(string[] args)
    {
        var (arguments, error) = StandaloneArguments.Parse(args);
        if (arguments is null || arguments.Help)
        {
            if (error is not null)
            {
                Console.Error.WriteLine(error);
            }
            Console.WriteLine(StandaloneArguments.Usage);
            return error is null ? 0 : 2;
        }

        using var stop = new CancellationTokenSource();
        // Ctrl+C (SIGINT) and a service manager's SIGTERM both stop the server cleanly instead of killing the process.
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }

        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(new SandboxOptions
            {
                Port = arguments.Port,
                MemberDailyLimit = arguments.MemberDailyLimit,
                Quiet = false,
            }, stop.Token);
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"Port {arguments.Port} on 127.0.0.1 is taken ({e.Message}). Use --port to pick another.");
            return 1;
        }

        await using (server)
        {
            var organization = new SandboxOrganizationRole("urn:li:organization:100001", "Sandbox Organization", "ADMINISTRATOR");
            var member = await server.Admin.CreateMemberAsync("Sandbox User", [organization], stop.Token);
            var token = await server.Admin.CreateTokenAsync(member.Urn, AllScopes, lifetime: null, stop.Token);
            var app = await server.Admin.CreateAppAsync(new SandboxAppOptions
            {
                Name = "Sandbox App",
                RedirectUris = [RedirectUri],
                Scopes = AppScopes,
                RefreshTokens = true,
            }, stop.Token);
            await server.Admin.SetAuthorizationAsync(member.Urn, SandboxConsent.Approve, stop.Token);

            Console.WriteLine("LinkedInPosts sandbox (a local emulator of LinkedIn's API; nothing leaves this machine)");
            Console.WriteLine($"  Base URL:      {server.BaseUri}");
            Console.WriteLine($"  Member:        {member.Urn} ({member.Name})");
            Console.WriteLine($"  Organization:  {organization.Urn} ({organization.Name}, ADMINISTRATOR)");
            Console.WriteLine($"  Access token:  {token}");
            Console.WriteLine($"  Daily limit:   {arguments.MemberDailyLimit} calls per member");
            Console.WriteLine($"  OAuth app:     client id {app.ClientId}, client secret {app.ClientSecret}");
            Console.WriteLine($"                 redirect {RedirectUri}; refresh tokens on; {member.Name} is signed in and approves");
            Console.WriteLine();
            Console.WriteLine("In PowerShell:");
            Console.WriteLine($"  Connect-LinkedIn -AccessToken {token} -ApiBaseUri {server.BaseUri}");
            Console.WriteLine("or sign in through OAuth (paste the client secret when asked):");
            Console.WriteLine($"  Connect-LinkedIn -ClientId {app.ClientId} -ClientSecret (Read-Host -AsSecureString) -ApiBaseUri {server.BaseUri}");
            Console.WriteLine();
            Console.WriteLine("Uploaded images, documents and videos are kept in a temporary folder, deleted when the sandbox stops.");
            Console.WriteLine("Admin API under /sandbox/ (see src/LinkedInPosts.Sandbox/README.md). Press Ctrl+C to stop.");

            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping.");
            }
        }
        return 0;
    }
}
