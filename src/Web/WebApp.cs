using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Web.Browser;
using RiskPlatform.Web.Client;
using RiskPlatform.Web.Session;

namespace RiskPlatform.Web;

/// <summary>
/// Hosts the traders' web app in the service at <c>/</c>: Blazor with interactive server rendering. The components talk to
/// the service only through <see cref="RiskPlatformClient"/> (HTTP to <c>/api/v1</c>) and the notification hub.
/// </summary>
public static class WebApp
{
    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The app's own assets and blazor.web.js are static web assets; outside Development they are found through the
        // build's manifest only when asked to (a published app has none and serves them from wwwroot).
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddSingleton<ApiBaseAddress>();
        builder.Services.AddHttpClient<RiskPlatformClient>((services, http) => http.BaseAddress = services.GetRequiredService<ApiBaseAddress>().Value);
        builder.Services.AddScoped<ISessionStore, BrowserSessionStore>();
        builder.Services.AddScoped<ApiSession>();
        builder.Services.AddScoped<MfaStepUpPrompt>();
        builder.Services.AddScoped<NotificationFeed>();
        builder.Services.AddScoped<BrowserPush>();
        return builder;
    }

    public static IEndpointRouteBuilder MapWebApp(this IEndpointRouteBuilder app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
