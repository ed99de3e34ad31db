namespace LinkedInPosts.Sandbox.Admin;

/// <summary>
/// The admin/test API under <c>/sandbox/</c>, a path LinkedIn does not use. No auth: the sandbox listens
/// on loopback only and holds nothing real.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/sandbox");
        admin.MapPost("/members", IdentityAdmin.CreateMemberAsync);
        admin.MapGet("/members/{id}/picture", IdentityAdmin.Picture);
        admin.MapPost("/tokens", IdentityAdmin.CreateTokenAsync);
        admin.MapPost("/tokens/revoke", IdentityAdmin.RevokeTokenAsync);
        admin.MapPost("/apps", OAuthAdmin.CreateAppAsync);
        admin.MapPut("/authorization", OAuthAdmin.SetAuthorizationAsync);

        admin.MapGet("/posts", InspectionAdmin.Posts);
        admin.MapGet("/posts/{urn}", InspectionAdmin.Post);
        admin.MapGet("/posts/{urn}/comments", MediaAdmin.Comments);
        admin.MapGet("/requests", InspectionAdmin.Requests);
        admin.MapGet("/held", InspectionAdmin.Held);

        admin.MapGet("/media", MediaAdmin.List);
        admin.MapGet("/media/{urn}", MediaAdmin.Get);
        admin.MapPost("/media/fail-processing", MediaAdmin.FailProcessingAsync);

        admin.MapGet("/clock", ControlAdmin.GetClock);
        admin.MapPut("/clock", ControlAdmin.SetClockAsync);
        admin.MapPost("/clock/advance", ControlAdmin.AdvanceClockAsync);
        admin.MapPost("/faults", ControlAdmin.AddFaultAsync);
        admin.MapDelete("/faults", ControlAdmin.ClearFaults);
        admin.MapGet("/config", ControlAdmin.GetConfig);
        admin.MapPut("/config", ControlAdmin.SetConfigAsync);
        admin.MapPost("/reset", ControlAdmin.Reset);
    }
}
