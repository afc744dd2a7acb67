using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Commands.ExecuteMonitorAction;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.UnitTests.Portfolio;

public sealed class ExecuteMonitorActionCommandHandlerTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 15, 0, 0, DateTimeKind.Utc);
    private static readonly Guid UserId = Guid.NewGuid();
    private static readonly Guid EpisodeId = Guid.CreateVersion7();

    private readonly List<MonitorAction> _actions = [];
    private readonly List<Order> _orders = [];
    private readonly IBrokerGateway _broker = Substitute.For<IBrokerGateway>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string ClientOrderId => BreachEpisode.ClientOrderIdFor(EpisodeId, "AAPL");

    [Fact]
    public async Task Liquidate_SubmitsAMarketOrderForTheWholePositionNow_WithTheEpisodesClientOrderId()
    {
        var action = AddLiquidation();
        HoldPosition("AAPL", 25m);
        _broker.SubmitOrderAsync(UserId, Arg.Any<BrokerOrderRequest>(), Arg.Any<CancellationToken>())
            .Returns(call => Filled(call.Arg<BrokerOrderRequest>()));

        var status = await ExecuteAsync(action);

        Assert.Equal(MonitorActionStatus.Done, status);
        await _broker.Received(1).SubmitOrderAsync(
            UserId,
            Arg.Is<BrokerOrderRequest>(r => r.ClientOrderId == ClientOrderId && r.Side == OrderSide.Sell && r.Quantity == 25m && r.Type == OrderType.Market),
            Arg.Any<CancellationToken>());
        var order = Assert.Single(_orders);
        Assert.Equal((ClientOrderId, OrderStatus.Filled, 25m), (order.ClientOrderId, order.Status, order.Quantity));
        Assert.Equal(order.Id, action.OrderId);
    }

    [Fact]
    public async Task Liquidate_AtAnExternalBroker_CommitsTheOrderAwaitingTheBrokerBeforeCallingIt_ThenRecordsTheFill()
    {
        var action = AddLiquidation();
        HoldPosition("AAPL", 25m);
        _broker.IsExternalAsync(UserId, Arg.Any<CancellationToken>()).Returns(true);
        var committedBeforeTheCall = 0;
        OrderStatus? statusAtTheCall = null;
        _unitOfWork.When(u => u.CommitSoFarAsync(Arg.Any<CancellationToken>())).Do(_ => committedBeforeTheCall++);
        _broker.SubmitOrderAsync(UserId, Arg.Any<BrokerOrderRequest>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                statusAtTheCall = Assert.Single(_orders).Status;
                return Filled(call.Arg<BrokerOrderRequest>());
            });

        var status = await ExecuteAsync(action);

        Assert.Equal(MonitorActionStatus.Done, status);
        Assert.Equal(OrderStatus.PendingNew, statusAtTheCall);
        Assert.Equal(2, committedBeforeTheCall); // before the broker's positions are read, and the intent before the order is sent
        Assert.Equal(OrderStatus.Filled, Assert.Single(_orders).Status);
    }

    [Fact]
    public async Task Liquidate_WhenAnEarlierAttemptStillAwaitsTheBroker_SendsNothingAgain_AndLeavesTheActionUntouched()
    {
        var action = AddLiquidation();
        AddEarlierAttemptAwaitingAnExternalBroker();

        var status = await ExecuteAsync(action);

        Assert.Equal(MonitorActionStatus.Pending, status);
        Assert.Equal(0, action.Attempts);
        await _broker.Received(1).FindOrderByClientOrderIdAsync(UserId, ClientOrderId, Arg.Any<CancellationToken>());
        await _broker.DidNotReceiveWithAnyArgs().SubmitOrderAsync(default, default!, Cancellation);
        Assert.True(action.IsPending);
    }

    [Fact]
    public async Task Liquidate_WhenAnEarlierAttemptReachedTheBroker_RecordsItsFillAndSendsNothingAgain()
    {
        var action = AddLiquidation();
        var earlier = AddEarlierAttemptAwaitingAnExternalBroker();
        _broker.FindOrderByClientOrderIdAsync(UserId, ClientOrderId, Arg.Any<CancellationToken>())
            .Returns(Filled(new BrokerOrderRequest(ClientOrderId, "AAPL", OrderSide.Sell, 25m, OrderType.Market, null, TimeInForce.Day)));

        var status = await ExecuteAsync(action);

        Assert.Equal(MonitorActionStatus.Done, status);
        Assert.Equal(OrderStatus.Filled, earlier.Status);
        Assert.Equal(earlier.Id, action.OrderId);
        await _broker.DidNotReceiveWithAnyArgs().SubmitOrderAsync(default, default!, Cancellation);
    }

    [Fact]
    public async Task Liquidate_OfAShortPosition_Buys()
    {
        var action = AddLiquidation();
        HoldPosition("AAPL", -7m);
        _broker.SubmitOrderAsync(UserId, Arg.Any<BrokerOrderRequest>(), Arg.Any<CancellationToken>())
            .Returns(call => Filled(call.Arg<BrokerOrderRequest>()));

        await ExecuteAsync(action);

        await _broker.Received(1).SubmitOrderAsync(
            UserId, Arg.Is<BrokerOrderRequest>(r => r.Side == OrderSide.Buy && r.Quantity == 7m), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Liquidate_WhenThePositionIsAlreadyFlat_SendsNothing()
    {
        var action = AddLiquidation();
        HoldPosition("MSFT", 10m);

        var status = await ExecuteAsync(action);

        Assert.Equal(MonitorActionStatus.Skipped, status);
        await _broker.DidNotReceiveWithAnyArgs().SubmitOrderAsync(default, default!, Cancellation);
        Assert.Empty(_orders);
    }

    [Fact]
    public async Task Execute_Twice_SendsTheLiquidationOnce()
    {
        var action = AddLiquidation();
        HoldPosition("AAPL", 25m);
        _broker.SubmitOrderAsync(UserId, Arg.Any<BrokerOrderRequest>(), Arg.Any<CancellationToken>())
            .Returns(call => Filled(call.Arg<BrokerOrderRequest>()));

        await ExecuteAsync(action);
        var again = await ExecuteAsync(action);

        Assert.Equal(MonitorActionStatus.Done, again);
        await _broker.ReceivedWithAnyArgs(1).SubmitOrderAsync(default, default!, Cancellation);
        Assert.Single(_orders);
    }

    [Fact]
    public async Task Liquidate_WhenItsOrderIsAlreadyRecorded_CompletesWithoutSendingAgain()
    {
        var action = AddLiquidation();
        HoldPosition("AAPL", 25m);
        var recorded = Order.Accept(UserId, ClientOrderId, "AAPL", OrderSide.Sell, OrderType.Market, TimeInForce.Day, 25m, 25m, null, null,
            RiskDecisionOutcome.Accepted, null, null, Now);
        _orders.Add(recorded);

        var status = await ExecuteAsync(action);

        Assert.Equal(MonitorActionStatus.Done, status);
        Assert.Equal(recorded.Id, action.OrderId);
        await _broker.DidNotReceiveWithAnyArgs().SubmitOrderAsync(default, default!, Cancellation);
    }

    [Fact]
    public async Task Liquidate_WhenTheBrokerIsUnreachable_ThrowsAndLeavesTheActionPending()
    {
        var action = AddLiquidation();
        HoldPosition("AAPL", 25m);
        _broker.SubmitOrderAsync(UserId, Arg.Any<BrokerOrderRequest>(), Arg.Any<CancellationToken>())
            .Returns<BrokerOrder>(_ => throw new ServiceUnavailableException("broker_unavailable", "down"));

        await Assert.ThrowsAsync<ServiceUnavailableException>(() => ExecuteAsync(action));

        Assert.True(action.IsPending);
        Assert.Empty(_orders);
    }

    [Fact]
    public async Task Cancel_ForASymbol_CancelsItsOpenOrders_ButNotOtherSymbolsNorTheMonitorsOwnOrders()
    {
        var action = MonitorAction.Cancel(new CancelOrdersInstruction(EpisodeId, "AAPL"), UserId, 0);
        _actions.Add(action);
        _broker.GetOpenOrdersAsync(UserId, Arg.Any<CancellationToken>()).Returns(
        [
            Open("1", "AAPL", "user-1"),
            Open("2", "MSFT", "user-2"),
            Open("3", "AAPL", BreachEpisode.ClientOrderIdFor(Guid.CreateVersion7(), "AAPL")),
        ]);
        _broker.CancelOrderAsync(UserId, Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => Open(call.ArgAt<string>(1), "AAPL", "user-1") with { Status = OrderStatus.Cancelled });

        var status = await ExecuteAsync(action);

        Assert.Equal(MonitorActionStatus.Done, status);
        await _broker.Received(1).CancelOrderAsync(UserId, "1", Arg.Any<CancellationToken>());
        await _broker.ReceivedWithAnyArgs(1).CancelOrderAsync(default, default!, Cancellation);
        Assert.Contains("cancelled 1", action.Result, StringComparison.Ordinal);
    }

    private MonitorAction AddLiquidation()
    {
        var action = MonitorAction.Liquidate(new LiquidationInstruction(EpisodeId, "AAPL", OrderSide.Sell, 25m, ClientOrderId), UserId, 1);
        _actions.Add(action);
        return action;
    }

    /// <summary>An earlier attempt's liquidation order, committed awaiting an external broker whose answer was lost.</summary>
    private Order AddEarlierAttemptAwaitingAnExternalBroker()
    {
        var earlier = Order.Accept(
            UserId, ClientOrderId, "AAPL", OrderSide.Sell, OrderType.Market, TimeInForce.Day, 25m, 25m, null, null,
            RiskDecisionOutcome.Accepted, null, null, Now);
        earlier.AwaitBroker();
        _orders.Add(earlier);
        _broker.IsExternalAsync(UserId, Arg.Any<CancellationToken>()).Returns(true);
        return earlier;
    }

    private void HoldPosition(string symbol, decimal quantity) =>
        _broker.GetPositionsAsync(UserId, Arg.Any<CancellationToken>()).Returns([new BrokerPosition(symbol, quantity, 100m, 90m, 0m)]);

    private static BrokerOrder Filled(BrokerOrderRequest request) => new(
        "paper-1", request.ClientOrderId, request.Symbol, request.Side, request.Type, request.TimeInForce, request.Quantity, request.Quantity,
        null, 90m, OrderStatus.Filled, null, Now, Now);

    private static BrokerOrder Open(string id, string symbol, string clientOrderId) => new(
        id, clientOrderId, symbol, OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 1m, 0m, 50m, null, OrderStatus.New, null, Now, null);

    private Task<MonitorActionStatus> ExecuteAsync(MonitorAction action)
    {
        var handler = new ExecuteMonitorActionCommandHandler(
            InMemoryRepository.Of(_actions), InMemoryRepository.Of(_orders), _broker, Substitute.For<ITradingLock>(), _unitOfWork, new AuditScope(),
            Options.Create(new RiskCheckOptions()), new FakeTimeProvider(new DateTimeOffset(Now)));
        return handler.Handle(new ExecuteMonitorActionCommand(action.UserId, action.Id), Cancellation);
    }
}
