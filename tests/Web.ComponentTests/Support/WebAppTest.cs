using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Web.Browser;
using RiskPlatform.Web.Client;
using RiskPlatform.Web.Session;

namespace RiskPlatform.Web.ComponentTests.Support;

/// <summary>
/// A bUnit context with the web app's services: the typed API client over <see cref="StubApi"/>, the session in memory (signed
/// in unless a test says otherwise) and a notification feed without a hub.
/// </summary>
public abstract class WebAppTest : BunitContext
{
    internal const string AccessToken = "access-1";

    protected WebAppTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Store.Stored = new StoredSession("ann@example.com", AccessToken, "refresh-1", DateTimeOffset.UtcNow.AddMinutes(15));
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ISessionStore>(Store);
        Services.AddScoped<ApiSession>();
        Services.AddScoped<MfaStepUpPrompt>();
        Services.AddTransient(services => new RiskPlatformClient(
            new HttpClient(Api) { BaseAddress = new Uri("http://riskplatform.test/") },
            services.GetRequiredService<ApiSession>(),
            services.GetRequiredService<MfaStepUpPrompt>(),
            TimeProvider.System));
        Services.AddScoped<BrowserPush>();
        Services.AddScoped<OfflineNotificationFeed>();
        Services.AddScoped<NotificationFeed>(services => services.GetRequiredService<OfflineNotificationFeed>());
    }

    internal StubApi Api { get; } = new();

    internal MemorySessionStore Store { get; } = new();

    /// <summary>Loads the stored session into the circuit's <see cref="ApiSession"/>, as the layout does on its first render.</summary>
    protected async Task SignedInAsync() => await Services.GetRequiredService<RiskPlatformClient>().RestoreSessionAsync();
}
