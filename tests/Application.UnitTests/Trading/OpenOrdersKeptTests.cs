using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.UnitTests.Support;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.UnitTests.Trading;

/// <summary>
/// An order hands its account's open orders, as it leaves them, to the account's actor: the next order refreshes exactly those
/// without reading them, and a list that may have been cut at its limit is read again.
/// </summary>
public sealed class OpenOrdersKeptTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 15, 0, 0, DateTimeKind.Utc);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly AccountMemory _memory = new(Guid.NewGuid());
    private readonly List<Order> _stored = [];
    private readonly IRepository<Order> _orders;
    private readonly IBrokerGateway _broker = Substitute.For<IBrokerGateway>();

    public OpenOrdersKeptTests()
    {
        _orders = InMemoryRepository.Of(_stored);
        _orders.Track(Arg.Any<Order>()).Returns(call => call.Arg<Order>());
        _orders.IsSaved(Arg.Any<Order>()).Returns(true);
    }

    [Fact]
    public async Task NextOrder_RefreshesTheRestingOrderTheLastOnePlaced_WithoutReadingTheOpenOrders()
    {
        var resting = await PlaceAsync(Limit(OrderStatus.New));
        await PlaceAsync(Limit(OrderStatus.Filled));
        var (changes, afterCommit) = InCommand();

        var open = await OpenOrderRefresh.RefreshAsync(_orders, _broker, _memory.AccountUserId, Now, TimeSpan.FromMinutes(1), Token, changes);

        Assert.Equal([resting.Id], open.Select(o => o.Id));
        Assert.NotSame(resting, open[0]);
        await _orders.Received(1).ListAsync(Arg.Any<Ardalis.Specification.ISpecification<Order>>(), Arg.Any<CancellationToken>());
        afterCommit.Discard();
    }

    [Fact]
    public async Task OpenOrders_AtTheReadLimit_AreReadAgainByTheNextOrder()
    {
        for (var i = 0; i < OpenOrderRefresh.MaxOrders; i++)
        {
            _stored.Add(Limit(OrderStatus.New));
        }

        await PlaceAsync(Limit(OrderStatus.New));
        Assert.False(_memory.TryRecall<List<Order>>(AccountMemoryPart.OpenOrders, out _));

        var (changes, _) = InCommand();
        var open = await OpenOrderRefresh.RefreshAsync(_orders, _broker, _memory.AccountUserId, Now, TimeSpan.FromMinutes(1), Token, changes);
        Assert.Equal(OpenOrderRefresh.MaxOrders, open.Count);
        await _orders.Received(2).ListAsync(Arg.Any<Ardalis.Specification.ISpecification<Order>>(), Arg.Any<CancellationToken>());
    }

    /// <summary>One order command as the actor runs it: refresh, place, commit (the order stored), end.</summary>
    private async Task<Order> PlaceAsync(Order placed)
    {
        var (changes, afterCommit) = InCommand();
        var open = await OpenOrderRefresh.RefreshAsync(_orders, _broker, _memory.AccountUserId, Now, TimeSpan.FromMinutes(1), Token, changes);
        OpenOrderRefresh.Keep(changes, _orders, _memory.AccountUserId, open, placed);
        _stored.Add(placed);
        await afterCommit.RunAsync(Token);
        _memory.CommandEnded(AccountMemory.PartsLeftUnchangedBy(null));
        return placed;
    }

    private (AccountChanges Changes, AfterCommitActions AfterCommit) InCommand()
    {
        var call = new AccountActorCall();
        call.EnterCommand(new AccountCallOrigin(null, null, null, null), _memory, typeof(object));
        var afterCommit = new AfterCommitActions(NullLogger<AfterCommitActions>.Instance);
        return (new AccountChanges(call, afterCommit), afterCommit);
    }

    private Order Limit(OrderStatus status)
    {
        var order = Order.Accept(
            _memory.AccountUserId, null, "AAPL", OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 10m, 10m, 101m, null,
            RiskDecisionOutcome.Accepted, null, null, Now.AddSeconds(_stored.Count));
        order.MirrorBroker($"paper-{order.Id}", status, status == OrderStatus.Filled ? 10m : 0m, status == OrderStatus.Filled ? 101m : null, null, Now);
        return order;
    }
}
