using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Api.FunctionalTests.Trading;

/// <summary>The port's close methods on the paper broker (the Alpaca side is in Brokers/AlpacaGatewayTests).</summary>
public abstract class PaperCloseTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private async Task<T> InScopeAsync<T>(Func<IBrokerGateway, Task<T>> call)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var result = await call(scope.ServiceProvider.GetRequiredService<IBrokerGateway>());
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        return result;
    }

    private static async Task BuyAsync(ApiClient client, string symbol, decimal qty) =>
        (await client.PostAsync("/api/v1/orders", new { symbol, side = "buy", qty, type = "market", time_in_force = "day" })).EnsureStatus(HttpStatusCode.Created);

    [Fact]
    public async Task ClosePosition_SellsTheWholePositionAtTheBid()
    {
        using var client = await SignedInAsync();
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { bid = 99m, ask = 101m })).EnsureStatus(HttpStatusCode.OK);
        await BuyAsync(client, "AAPL", 10m);

        var order = await InScopeAsync(g => g.ClosePositionAsync(client.UserId, "aapl", CancellationToken.None));

        Assert.Equal((OrderSide.Sell, 10m, OrderStatus.Filled, (decimal?)99m), (order.Side, order.Quantity, order.Status, order.AverageFillPrice));
        var account = await TradingTestData.PaperAccountAsync(Fixture, client.UserId);
        Assert.Empty(account!.Positions);
        Assert.Equal(100_000m - 20m, account.Cash);
        await Assert.ThrowsAsync<NotFoundException>(() => InScopeAsync(g => g.ClosePositionAsync(client.UserId, "AAPL", CancellationToken.None)));
    }

    [Fact]
    public async Task CloseAllPositions_CancelsOpenOrdersThenClosesEveryPosition()
    {
        using var client = await SignedInAsync();
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { bid = 99m, ask = 101m })).EnsureStatus(HttpStatusCode.OK);
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/MSFT", new { bid = 199m, ask = 201m })).EnsureStatus(HttpStatusCode.OK);
        await BuyAsync(client, "AAPL", 10m);
        await BuyAsync(client, "MSFT", 5m);
        (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 1m, type = "limit", limit_price = 50m, time_in_force = "gtc" }))
            .EnsureStatus(HttpStatusCode.Created);

        var results = await InScopeAsync(g => g.CloseAllPositionsAsync(client.UserId, CancellationToken.None));

        Assert.Equal(["AAPL", "MSFT"], results.Select(r => r.Symbol));
        Assert.All(results, r => Assert.Equal((OrderStatus.Filled, OrderSide.Sell, (string?)null), (r.Order!.Status, r.Order.Side, r.Error)));
        var account = await TradingTestData.PaperAccountAsync(Fixture, client.UserId);
        Assert.Empty(account!.Positions);
        Assert.DoesNotContain(account.Orders, o => o.IsOpen);
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class PaperCloseTestsOnSqlite(SqliteApiFixture fixture) : PaperCloseTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class PaperCloseTestsOnPostgres(PostgresApiFixture fixture) : PaperCloseTests(fixture);
