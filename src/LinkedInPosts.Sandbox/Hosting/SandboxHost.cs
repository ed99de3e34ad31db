using System.Net;
using LinkedInPosts.Sandbox.Admin;
using LinkedInPosts.Sandbox.Errors;
using LinkedInPosts.Sandbox.Media;
using LinkedInPosts.Sandbox.OAuth;
using LinkedInPosts.Sandbox.Pipeline;
using LinkedInPosts.Sandbox.Rest;
using LinkedInPosts.Sandbox.State;

namespace LinkedInPosts.Sandbox.Hosting;

/// <summary>Builds the web application: Kestrel on 127.0.0.1 only, the pipeline, and every route.</summary>
internal static class SandboxHost
{
    public static WebApplication Build(SandboxOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = Array.Empty<string>(),
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // Loopback only, never any other interface: the sandbox holds tokens and must not be reachable.
        // The empty configuration drops Kestrel endpoints that environment variables such as
        // Kestrel__Endpoints__X__Url would otherwise add next to ours (the web builder reads them).
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Configure(new ConfigurationBuilder().Build());
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddSingleton<IHostLifetime, NoOpHostLifetime>();
        builder.Services.AddSingleton(new SandboxState(options, TimeProvider.System));
        builder.Services.ConfigureHttpJsonOptions(json => SandboxJson.Apply(json.SerializerOptions));
        builder.Logging.ClearProviders();
        if (!options.Quiet)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter(typeof(RequestLogMiddleware).FullName, LogLevel.Information);
        }

        var app = builder.Build();
        app.UseWhen(IsApiCall, api =>
        {
            api.UseMiddleware<RequestLogMiddleware>();
            api.UseMiddleware<FaultMiddleware>();
            api.UseWhen(context => context.Request.Path.StartsWithSegments("/rest"), rest => rest.UseMiddleware<RestGateMiddleware>());
        });
        MapApi(app);
        AdminEndpoints.Map(app);
        return app;
    }

    // Everything LinkedIn would serve; the admin API is neither logged nor faulted.
    private static bool IsApiCall(HttpContext context) => !context.Request.Path.StartsWithSegments("/sandbox");

    private static void MapApi(WebApplication app)
    {
        app.MapPost("/rest/posts", PostCreateEndpoint.HandleAsync);
        app.MapGet("/rest/posts", PostCollectionEndpoint.Handle);
        app.MapGet("/rest/posts/{urn}", PostGetEndpoint.Handle);
        app.MapPost("/rest/posts/{urn}", PostUpdateEndpoint.HandleAsync);
        app.MapDelete("/rest/posts/{urn}", PostDeleteEndpoint.Handle);
        app.MapPost("/rest/images", MediaActionEndpoint.ImagesAsync);
        app.MapPost("/rest/documents", MediaActionEndpoint.DocumentsAsync);
        app.MapPost("/rest/videos", MediaActionEndpoint.VideosAsync);
        app.MapGet("/rest/images/{urn}", MediaGetEndpoint.Image);
        app.MapGet("/rest/documents/{urn}", MediaGetEndpoint.Document);
        app.MapGet("/rest/videos/{urn}", MediaGetEndpoint.Video);
        app.MapPost("/rest/socialActions/{urn}/comments", CommentCreateEndpoint.HandleAsync);
        // LinkedIn uploads to pre-signed www.linkedin.com/dms-uploads URLs; the sandbox serves them itself.
        app.MapPut(MediaUrls.UploadPrefix + "/{id}", UploadEndpoint.HandleAsync);
        app.MapGet(MediaUrls.DownloadPrefix + "/{id}", DownloadEndpoint.Handle);
        app.MapGet("/rest/organizationAcls", OrganizationAclsEndpoint.Handle);
        app.MapGet("/rest/organizations/{id}", OrganizationGetEndpoint.Handle);
        app.MapGet("/v2/userinfo", UserInfoEndpoint.Handle);
        // LinkedIn serves OAuth from www.linkedin.com/oauth/v2; the sandbox serves both hosts from one base URL.
        app.MapGet("/oauth/v2/authorization", AuthorizationEndpoint.Handle);
        app.MapPost("/oauth/v2/accessToken", AccessTokenEndpoint.HandleAsync);
        app.MapPost("/oauth/v2/introspectToken", IntrospectionEndpoint.HandleAsync);
        app.MapPost("/oauth/v2/revoke", RevocationEndpoint.HandleAsync);
        // LinkedIn's answer for a path or method it has no resource for.
        app.MapFallback(() => LinkedInErrors.NoVirtualResource());
    }
}
