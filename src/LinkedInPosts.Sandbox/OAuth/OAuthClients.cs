using System.Security.Cryptography;
using System.Text;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.OAuth;

/// <summary>Client authentication by client_id and client_secret form fields.</summary>
internal static class OAuthClients
{
    /// <summary>Compares in constant time, as a real server must, so the sandbox sets no bad example.</summary>
    public static bool SecretMatches(OAuthApp app, string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(app.ClientSecret), Encoding.UTF8.GetBytes(secret));

    /// <summary>The app when the id is known and the secret is its own, else null. Call under the state lock.</summary>
    public static OAuthApp? Authenticate(SandboxState state, string clientId, string secret) =>
        state.Apps.Find(clientId) is { } app && SecretMatches(app, secret) ? app : null;
}
