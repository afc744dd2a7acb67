using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Users;
using RiskPlatform.Infrastructure.Brokers.Paper;
using RiskPlatform.Infrastructure.IntegrationTests.Persistence;

namespace RiskPlatform.Infrastructure.IntegrationTests.Brokers;

/// <summary>
/// The paper broker loads an account with its open orders only; these tests pin what must still hold over the history it no
/// longer loads: lookups and cancels of finished orders, and idempotency on the client order id.
/// </summary>
public abstract class PaperBrokerGatewayTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    public async ValueTask InitializeAsync() => await fixture.ResetAsync();

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task LoadingTheAccount_BringsItsPositionsAndOpenOrdersButNotItsHistory()
    {
        var userId = await SeedUserAndQuoteAsync();
        var filled = await InCommandAsync(broker => broker.SubmitOrderAsync(userId, Market(OrderSide.Buy, 2m, "first"), Ct));
        var resting = await InCommandAsync(broker => broker.SubmitOrderAsync(userId, Limit(OrderSide.Buy, 1m, 50m), Ct));

        await using var scope = fixture.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<IRepository<PaperAccount>>()
            .FirstOrDefaultAsync(new PaperAccountForUserSpec(userId), Ct);

        Assert.NotNull(account);
        Assert.Equal(OrderStatus.Filled, filled.Status);
        Assert.Equal(resting.BrokerOrderId, Assert.Single(account.Orders).Id.ToString());
        Assert.Equal(2m, Assert.Single(account.Positions).Quantity);
    }

    [Fact]
    public async Task GetOrder_WhenTheOrderIsFilled_ReturnsItFromTheHistory()
    {
        var userId = await SeedUserAndQuoteAsync();
        var filled = await InCommandAsync(broker => broker.SubmitOrderAsync(userId, Market(OrderSide.Buy, 2m, "first"), Ct));

        var found = await InCommandAsync(async broker =>
        {
            // The account is loaded (open orders only) before the lookup, as in the pre-trade path.
            await broker.GetOpenOrdersAsync(userId, Ct);
            return await broker.GetOrderAsync(userId, filled.BrokerOrderId, Ct);
        });

        Assert.NotNull(found);
        Assert.Equal((OrderStatus.Filled, 2m, 100.05m), (found.Status, found.FilledQuantity, found.AverageFillPrice));
    }

    [Fact]
    public async Task CancelOrder_WhenTheOrderIsFilled_ThrowsOrderNotOpen()
    {
        var userId = await SeedUserAndQuoteAsync();
        var filled = await InCommandAsync(broker => broker.SubmitOrderAsync(userId, Market(OrderSide.Buy, 2m, "first"), Ct));

        var conflict = await Assert.ThrowsAsync<ConflictException>(
            () => InCommandAsync(broker => broker.CancelOrderAsync(userId, filled.BrokerOrderId, Ct)));

        Assert.Equal(PaperTradingErrors.OrderNotOpen, conflict.Code);
    }

    [Fact]
    public async Task SubmitOrder_WithTheClientOrderIdOfAFilledOrderAndTheSameTerms_ReturnsThatOrderAndPlacesNothing()
    {
        var userId = await SeedUserAndQuoteAsync();
        var filled = await InCommandAsync(broker => broker.SubmitOrderAsync(userId, Market(OrderSide.Buy, 2m, "first"), Ct));

        var again = await InCommandAsync(async broker =>
        {
            await broker.GetAccountAsync(userId, Ct);
            return await broker.SubmitOrderAsync(userId, Market(OrderSide.Buy, 2m, "  first "), Ct);
        });

        Assert.Equal(filled.BrokerOrderId, again.BrokerOrderId);
        Assert.Equal(OrderStatus.Filled, again.Status);
        Assert.Equal(2m, Assert.Single(await PositionsAsync(userId)).Quantity);
    }

    [Fact]
    public async Task SubmitOrder_WithTheClientOrderIdOfAFilledOrderAndOtherTerms_ThrowsClientOrderIdReused()
    {
        var userId = await SeedUserAndQuoteAsync();
        await InCommandAsync(broker => broker.SubmitOrderAsync(userId, Market(OrderSide.Buy, 2m, "first"), Ct));

        var conflict = await Assert.ThrowsAsync<ConflictException>(
            () => InCommandAsync(broker => broker.SubmitOrderAsync(userId, Market(OrderSide.Buy, 3m, "first"), Ct)));

        Assert.Equal(PaperTradingErrors.ClientOrderIdReused, conflict.Code);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BrokerOrderRequest Market(OrderSide side, decimal quantity, string clientOrderId) =>
        new(clientOrderId, "AAPL", side, quantity, OrderType.Market, null, TimeInForce.Day);

    private static BrokerOrderRequest Limit(OrderSide side, decimal quantity, decimal limitPrice) =>
        new(Guid.NewGuid().ToString("N"), "AAPL", side, quantity, OrderType.Limit, limitPrice, TimeInForce.Gtc);

    private async Task<IReadOnlyList<PaperPosition>> PositionsAsync(Guid userId)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<IReadRepository<PaperAccount>>()
            .FirstOrDefaultAsync(new PaperAccountForUserSpec(userId), Ct);
        return [.. account!.Positions];
    }

    private async Task<Guid> SeedUserAndQuoteAsync()
    {
        // As the quote command would: in a transaction, since a quote dated before today moves its symbol's bar version.
        await using var scope = fixture.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await using var transaction = await unitOfWork.BeginTransactionAsync(Ct);
        var user = User.Register($"paper-{Guid.NewGuid():N}@example.com", "Paper", "hash", Now);
        scope.ServiceProvider.GetRequiredService<IRepository<User>>().Add(user);
        scope.ServiceProvider.GetRequiredService<IRepository<MarketQuote>>().Add(MarketQuote.FromBidAskLast("AAPL", 99.95m, 100.05m, 100m, Now));
        await unitOfWork.SaveChangesAsync(Ct);
        await transaction.CommitAsync(Ct);
        return user.Id;
    }

    /// <summary>Runs <paramref name="action"/> against the broker in a fresh scope and saves, as one command would.</summary>
    private async Task<T> InCommandAsync<T>(Func<PaperBrokerGateway, Task<T>> action)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var result = await action(scope.ServiceProvider.GetRequiredService<PaperBrokerGateway>());
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(Ct);
        return result;
    }
}

[Collection(nameof(SqliteDatabaseCollection))]
public sealed class PaperBrokerGatewayTestsOnSqlite(SqliteDatabaseFixture fixture) : PaperBrokerGatewayTests(fixture);

[Collection(nameof(PostgresDatabaseCollection))]
public sealed class PaperBrokerGatewayTestsOnPostgres(PostgresDatabaseFixture fixture) : PaperBrokerGatewayTests(fixture);
