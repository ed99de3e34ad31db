namespace LinkedInPosts.Sandbox.State;

/// <summary>
/// The emulated browser a client sends to LinkedIn's authorization page: who is signed in there and
/// what they click. Nobody is signed in at start. Call only under <see cref="SandboxState.Sync"/>.
/// </summary>
internal sealed class BrowserSession
{
    public string? MemberUrn { get; set; }

    public SandboxConsent Decision { get; set; } = SandboxConsent.Approve;

    public void Clear()
    {
        MemberUrn = null;
        Decision = SandboxConsent.Approve;
    }
}
