using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.TestSupport;
using static RiskPlatform.Api.FunctionalTests.ApiKeys.ApiKeyTestData;

namespace RiskPlatform.Api.FunctionalTests.Brokers;

/// <summary>Steps shared by the Alpaca trading tests: a bound key, the gateway as the application sees it, the key's counters.</summary>
internal static class AlpacaTrading
{
    public const string AccountRoute = "/api/v1/trading/account";

    /// <summary>A user's Alpaca key (plaintext kept only to prove it never leaks) bound as their trading account.</summary>
    public sealed record BoundKey(Guid Id, string ApiKey, string ApiSecret);

    public static async Task<BoundKey> BindNewKeyAsync(ApiClient client, string keyPrefix = "PKTRADE")
    {
        var apiKey = $"{keyPrefix}{Guid.NewGuid():N}".ToUpperInvariant();
        var apiSecret = $"alpaca-secret-canary-{Guid.NewGuid():N}";
        var id = IdOf(await CreateAsync(client, $"alpaca {Guid.NewGuid():N}", apiKey, apiSecret));
        (await client.PutAsync(AccountRoute, new { source = "api_key", api_key_id = id })).EnsureStatus(HttpStatusCode.OK);
        return new BoundKey(id, apiKey, apiSecret);
    }

    /// <summary>Queues <paramref name="userId"/> for the monitor and waits until the monitor is idle (every run finished).</summary>
    public static async Task MonitorAsync(AlpacaHost host, Guid userId)
    {
        var queue = host.Factory.Services.GetRequiredService<IMonitorQueue>();
        queue.Enqueue(userId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await queue.WhenIdleAsync(timeout.Token);
    }

    /// <summary>Runs <paramref name="call"/> on the <see cref="IBrokerGateway"/> of a fresh request scope (the routing gateway).</summary>
    public static async Task<T> GatewayAsync<T>(AlpacaHost host, Func<IBrokerGateway, Task<T>> call)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<IBrokerGateway>());
    }

    public static async Task<JsonNode> KeyAsync(ApiClient client, Guid id) =>
        (await client.GetAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;

    /// <summary>The key once its counters satisfy <paramref name="condition"/> (they are written in the background).</summary>
    public static Task<JsonNode> KeyWhenAsync(ApiClient client, Guid id, Func<JsonNode, bool> condition, string because) =>
        Eventually.ReturnsAsync(() => KeyAsync(client, id), condition, TimeSpan.FromSeconds(15), because);

    public static Task<JsonNode> AccountWhenAsync(ApiClient client, string status) =>
        Eventually.ReturnsAsync(
            async () => (await client.GetAsync(AccountRoute)).EnsureStatus(HttpStatusCode.OK).Body!,
            a => a["status"]!.GetValue<string>() == status,
            TimeSpan.FromSeconds(15),
            $"the trading account becomes {status}");
}
