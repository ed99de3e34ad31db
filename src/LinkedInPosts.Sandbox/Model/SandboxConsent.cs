namespace LinkedInPosts.Sandbox;

/// <summary>
/// What the member signed in to the sandbox's emulated browser does on LinkedIn's sign-in and consent
/// pages when a client sends them to <c>/oauth/v2/authorization</c>.
/// </summary>
public enum SandboxConsent
{
    /// <summary>Allows the app: the browser is redirected back with <c>code</c> and <c>state</c>.</summary>
    Approve,

    /// <summary>Declines on the consent page: <c>error=user_cancelled_authorize</c>.</summary>
    Cancel,

    /// <summary>Cancels on the sign-in page: <c>error=user_cancelled_login</c>.</summary>
    CancelLogin,
}
