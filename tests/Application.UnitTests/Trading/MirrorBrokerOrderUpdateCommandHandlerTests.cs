using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Trading.Commands.MirrorBrokerOrderUpdate;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Events;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.UnitTests.Trading;

public sealed class MirrorBrokerOrderUpdateCommandHandlerTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 15, 0, 0, DateTimeKind.Utc);
    private static readonly Guid UserId = Guid.NewGuid();

    private readonly List<Order> _orders = [];
    private readonly IAfterCommitActions _afterCommit = Substitute.For<IAfterCommitActions>();
    private readonly AuditScope _audit = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_WhenTheOrderStillAwaitsTheBroker_FindsItByClientOrderId_MirrorsTheFill_AndQueuesTheMonitor()
    {
        var order = AddOrder();
        order.AwaitBroker();

        var outcome = await HandleAsync(order.ClientOrderId, "b-1", OrderStatus.Filled, 10m, 101m);

        Assert.Equal(BrokerUpdateOutcome.Applied, outcome);
        Assert.Equal(("b-1", OrderStatus.Filled, 10m, 101m), (order.BrokerOrderId, order.Status, order.FilledQuantity, order.AverageFillPrice));
        Assert.Single(order.DomainEvents.OfType<BrokerOrderFilled>());
        _afterCommit.Received(1).Enqueue(Arg.Any<Func<CancellationToken, Task>>());
        Assert.False(_audit.IsUnremarkable);
    }

    [Fact]
    public async Task Handle_WhenTheBrokerHoldsTheClientOrderIdsOrderUnderAnotherId_TreatsTheUpdateAsUnknown()
    {
        var order = AddOrder();
        order.MirrorBroker("b-1", OrderStatus.New, 0m, null, null, Now);

        var outcome = await HandleAsync(order.ClientOrderId, "b-2", OrderStatus.Filled, 10m, 101m);

        Assert.Null(outcome);
        Assert.Equal(("b-1", OrderStatus.New, 0m), (order.BrokerOrderId, order.Status, order.FilledQuantity));
        Assert.True(_audit.IsUnremarkable);
    }

    [Fact]
    public async Task Handle_WhenTheUpdateIsBehindTheOrder_LeavesItAsItIs_QueuesNothing_AndWritesNoAuditRow()
    {
        var order = AddOrder();
        order.MirrorBroker("b-1", OrderStatus.Filled, 10m, 101m, null, Now);
        order.ClearDomainEvents();

        var outcome = await HandleAsync(null, "b-1", OrderStatus.PartiallyFilled, 4m, 100m);

        Assert.Equal(BrokerUpdateOutcome.Stale, outcome);
        Assert.Equal((OrderStatus.Filled, 10m, 101m), (order.Status, order.FilledQuantity, order.AverageFillPrice));
        Assert.Empty(order.DomainEvents);
        _afterCommit.DidNotReceiveWithAnyArgs().Enqueue(default!);
        Assert.True(_audit.IsUnremarkable);
    }

    private Order AddOrder()
    {
        var order = Order.Accept(
            UserId, null, "AAPL", OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 10m, 10m, 101m, null, RiskDecisionOutcome.Accepted, null, null, Now);
        _orders.Add(order);
        return order;
    }

    private Task<BrokerUpdateOutcome?> HandleAsync(string? clientOrderId, string brokerOrderId, OrderStatus status, decimal filled, decimal? price)
    {
        var handler = new MirrorBrokerOrderUpdateCommandHandler(
            InMemoryRepository.Of(_orders),
            Substitute.For<ITradingLock>(),
            new FillMonitoring(_afterCommit, Substitute.For<IMonitorQueue>(), Options.Create(new MonitoringOptions())),
            _audit,
            new FakeTimeProvider(new DateTimeOffset(Now)));
        return handler.Handle(
            new MirrorBrokerOrderUpdateCommand(UserId, "fill", brokerOrderId, clientOrderId, status, filled, price), Cancellation);
    }
}
