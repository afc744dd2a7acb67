using System.Diagnostics;
using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Telemetry;

/// <summary>The order the telemetry tests follow: an admin quotes AAPL at 100, then a trader buys one, in the given trace.</summary>
internal static class TracedOrder
{
    public static async Task PlaceAsync(RiskPlatformApiFactory host, ActivityTraceId traceId)
    {
        using var feed = new ApiClient(host.CreateClient());
        await feed.SignInAsNewAdminAsync(host.Services, "feed@example.com", "Correct-Horse-42");
        (await feed.PutAsync("/api/v1/market/quotes/AAPL", new { price = 100m })).EnsureStatus(HttpStatusCode.OK);
        using var trader = new ApiClient(host.CreateDefaultClient(new TraceParentHandler(traceId)));
        await trader.SignInAsNewUserAsync("trader@example.com", "Correct-Horse-42");

        (await trader.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 1m, type = "market", time_in_force = "day" }))
            .EnsureStatus(HttpStatusCode.Created);
    }
}
