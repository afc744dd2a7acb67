using NSubstitute;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Queries.GetWatchedSymbols;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.UnitTests.MarketData;

public sealed class GetWatchedSymbolsQueryHandlerTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 15, 0, 0, DateTimeKind.Utc);
    private static readonly Guid UserId = Guid.NewGuid();

    [Fact]
    public async Task Handle_WithPositionsAndOrders_WatchesWhatIsHeldOrOpen_OnceEach_InOrder()
    {
        var broker = Substitute.For<IBrokerGateway>();
        broker.GetPositionsAsync(UserId, Arg.Any<CancellationToken>()).Returns(
        [
            new BrokerPosition("AAPL", 10m, 100m, 101m, 10m),
            new BrokerPosition("MSFT", 0m, 0m, 50m, 0m),
            new BrokerPosition("tsla", -5m, 200m, 190m, 50m),
        ]);
        var filled = OrderOf(UserId, "AMD");
        filled.MirrorBroker("b-1", OrderStatus.Filled, 10m, 101m, null, Now);
        List<Order> orders = [OrderOf(UserId, "NVDA"), OrderOf(UserId, "AAPL"), filled, OrderOf(Guid.NewGuid(), "GOOG")];
        var handler = new GetWatchedSymbolsQueryHandler(broker, InMemoryRepository.Of(orders));

        var symbols = await handler.Handle(new GetWatchedSymbolsQuery(UserId), TestContext.Current.CancellationToken);

        Assert.Equal(["AAPL", "NVDA", "TSLA"], symbols);
    }

    private static Order OrderOf(Guid userId, string symbol) => Order.Accept(
        userId, null, symbol, OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 10m, 10m, 101m, null, RiskDecisionOutcome.Accepted, null, null, Now);
}
