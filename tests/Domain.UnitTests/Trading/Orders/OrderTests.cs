using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Events;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Domain.UnitTests.Trading.Orders;

public sealed class OrderTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc);

    private static Order Accept(
        decimal requested = 10m,
        decimal quantity = 10m,
        RiskDecisionOutcome outcome = RiskDecisionOutcome.Accepted,
        string? clientOrderId = null,
        RiskRule? binding = null) =>
        Order.Accept(
            Guid.NewGuid(), clientOrderId, " aapl ", OrderSide.Buy, OrderType.Market, TimeInForce.Day, requested, quantity, null, null,
            outcome, binding, null, Now);

    [Fact]
    public void Accept_WithoutClientOrderId_UsesItsOwnIdAndNormalizesTheSymbol()
    {
        var order = Accept();

        Assert.Equal(order.Id.ToString("N"), order.ClientOrderId);
        Assert.Equal("AAPL", order.Symbol);
        Assert.Equal(OrderStatus.New, order.Status);
        Assert.True(order.IsOpen);
    }

    [Fact]
    public void Accept_WhenReduced_KeepsTheBindingRule()
    {
        var rule = RiskRule.Create(Guid.NewGuid(), "size", null, RiskRuleType.MaxOrderValue, 1_000m, ThresholdUnit.Dollars, RiskAction.ReduceSize);

        var order = Accept(requested: 40m, quantity: 15m, outcome: RiskDecisionOutcome.Reduced, binding: rule);

        Assert.Equal(rule.Id, order.BindingRuleId);
        Assert.Equal(RiskRuleType.MaxOrderValue, order.BindingRuleType);
        Assert.Equal(40m, order.RequestedQuantity);
        Assert.Equal(15m, order.Quantity);
    }

    [Theory]
    [InlineData(10, 0, RiskDecisionOutcome.Accepted, OrderErrors.InvalidQuantity)]
    [InlineData(10, 11, RiskDecisionOutcome.Accepted, OrderErrors.InvalidQuantity)]
    [InlineData(10, 10, RiskDecisionOutcome.Blocked, OrderErrors.Blocked)]
    public void Accept_WhenTheDecisionOrQuantityIsWrong_Throws(decimal requested, decimal quantity, RiskDecisionOutcome outcome, string code)
    {
        var error = Assert.ThrowsAny<DomainException>(() => Accept(requested, quantity, outcome));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void MirrorBroker_WhenFilled_RecordsTheFillAndStaysFilledOnALateReport()
    {
        var order = Accept();

        order.MirrorBroker("b-1", OrderStatus.Filled, 10m, 101m, null, Now);
        order.MirrorBroker("b-1", OrderStatus.New, 0m, null, null, Now.AddSeconds(1));

        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(10m, order.FilledQuantity);
        Assert.Equal(101m, order.AverageFillPrice);
        Assert.Equal(Now, order.FilledAt);
        Assert.Throws<ConflictException>(order.EnsureCancellable);
    }

    [Fact]
    public void AwaitBroker_ThenTheBrokersAnswer_MirrorsItLikeAnOpenOrder()
    {
        var order = Accept();

        order.AwaitBroker();
        Assert.True(order.AwaitsBroker);
        Assert.False(order.IsOpen);
        Assert.Throws<ConflictException>(order.EnsureCancellable);
        order.MirrorBroker("b-1", OrderStatus.Filled, 10m, 101m, null, Now);

        Assert.Equal((OrderStatus.Filled, "b-1", 10m), (order.Status, order.BrokerOrderId, order.FilledQuantity));
        Assert.IsType<BrokerOrderFilled>(Assert.Single(order.DomainEvents));
    }

    [Fact]
    public void AwaitBroker_WhenTheOrderIsNoLongerNew_Throws()
    {
        var order = Accept();
        order.MirrorBroker("b-1", OrderStatus.New, 0m, null, null, Now);

        Assert.Throws<DomainException>(order.AwaitBroker);
    }

    [Fact]
    public void RecordNotTakenByBroker_EndsAnAwaitingOrderRejectedWithTheReason_AndNothingElse()
    {
        var order = Accept();
        order.AwaitBroker();

        order.RecordNotTakenByBroker("insufficient buying power", Now.AddSeconds(1));

        Assert.Equal((OrderStatus.Rejected, "insufficient buying power", null), (order.Status, order.RejectReason, order.BrokerOrderId));
        Assert.False(order.AwaitsBroker);
        Assert.Throws<DomainException>(() => order.RecordNotTakenByBroker("again", Now.AddSeconds(2)));
    }

    [Fact]
    public void MirrorBroker_WhenTheStatusBecomesFilled_RaisesBrokerOrderFilledOnce()
    {
        var order = Accept();
        order.MirrorBroker("b-1", OrderStatus.New, 0m, null, null, Now);
        order.MirrorBroker("b-1", OrderStatus.PartiallyFilled, 4m, 100m, null, Now.AddSeconds(1));

        order.MirrorBroker("b-1", OrderStatus.Filled, 10m, 101m, null, Now.AddSeconds(2));
        order.MirrorBroker("b-1", OrderStatus.Filled, 10m, 101m, null, Now.AddSeconds(3));

        var filled = Assert.IsType<BrokerOrderFilled>(Assert.Single(order.DomainEvents));
        Assert.Equal(
            new BrokerOrderFilled(order.UserId, order.Id, "b-1", "AAPL", OrderSide.Buy, 10m, 101m, Now.AddSeconds(2)),
            filled);
    }

    [Fact]
    public void MirrorBroker_WhenTheStatusBecomesRejected_RaisesBrokerOrderRejectedWithTheReason()
    {
        var order = Accept();

        order.MirrorBroker("b-1", OrderStatus.Rejected, 0m, null, "insufficient buying power", Now);
        order.MirrorBroker("b-1", OrderStatus.Rejected, 0m, null, "insufficient buying power", Now.AddSeconds(1));

        var rejected = Assert.IsType<BrokerOrderRejected>(Assert.Single(order.DomainEvents));
        Assert.Equal(
            new BrokerOrderRejected(order.UserId, order.Id, "b-1", "AAPL", OrderSide.Buy, 10m, "insufficient buying power", Now),
            rejected);
    }

    [Theory]
    [InlineData(OrderStatus.New)]
    [InlineData(OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Expired)]
    public void MirrorBroker_WhenTheStatusIsNotFilledOrRejected_RaisesNothing(OrderStatus status)
    {
        var order = Accept();

        order.MirrorBroker("b-1", status, 0m, null, null, Now);

        Assert.Empty(order.DomainEvents);
    }

    [Fact]
    public void MirrorBroker_WhenALateReportArrivesForATerminalOrder_RaisesNothingMore()
    {
        var order = Accept();
        order.MirrorBroker("b-1", OrderStatus.Cancelled, 0m, null, null, Now);

        order.MirrorBroker("b-1", OrderStatus.Filled, 10m, 101m, null, Now.AddSeconds(1));

        Assert.Empty(order.DomainEvents);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void MirrorBroker_WithAnotherBrokerId_Throws()
    {
        var order = Accept();
        order.MirrorBroker("b-1", OrderStatus.New, 0m, null, null, Now);

        Assert.Throws<DomainException>(() => order.MirrorBroker("b-2", OrderStatus.Cancelled, 0m, null, null, Now));
    }

    [Theory]
    [InlineData("AAPL", OrderSide.Buy, 10, true)]
    [InlineData("MSFT", OrderSide.Buy, 10, false)]
    [InlineData("AAPL", OrderSide.Sell, 10, false)]
    [InlineData("AAPL", OrderSide.Buy, 11, false)]
    public void HasSameTerms_WhenAnyTermDiffers_IsFalse(string symbol, OrderSide side, decimal requested, bool expected)
    {
        var order = Accept();

        Assert.Equal(expected, order.HasSameTerms(symbol, side, OrderType.Market, TimeInForce.Day, requested, null, null));
    }

    /// <summary>An order brought to <paramref name="status"/> with <paramref name="filled"/> at 100 by the broker (awaiting: never answered).</summary>
    private static Order At(OrderStatus status, decimal filled)
    {
        var order = Accept();
        if (status == OrderStatus.PendingNew)
        {
            order.AwaitBroker();
            return order;
        }

        order.MirrorBroker("b-1", status, filled, filled > 0 ? 100m : null, null, Now);
        return order;
    }

    [Theory]
    [InlineData(OrderStatus.PendingNew, 0, OrderStatus.New, 0, BrokerUpdateOutcome.Applied)]
    [InlineData(OrderStatus.PendingNew, 0, OrderStatus.Filled, 10, BrokerUpdateOutcome.Applied)]
    [InlineData(OrderStatus.New, 0, OrderStatus.PartiallyFilled, 4, BrokerUpdateOutcome.Applied)]
    [InlineData(OrderStatus.PartiallyFilled, 4, OrderStatus.PartiallyFilled, 6, BrokerUpdateOutcome.Applied)]
    [InlineData(OrderStatus.PartiallyFilled, 4, OrderStatus.Filled, 10, BrokerUpdateOutcome.Applied)]
    [InlineData(OrderStatus.New, 0, OrderStatus.Cancelled, 0, BrokerUpdateOutcome.Applied)]
    [InlineData(OrderStatus.New, 0, OrderStatus.New, 0, BrokerUpdateOutcome.Unchanged)]
    [InlineData(OrderStatus.Filled, 10, OrderStatus.Filled, 10, BrokerUpdateOutcome.Unchanged)]
    [InlineData(OrderStatus.Filled, 10, OrderStatus.Filled, 11, BrokerUpdateOutcome.Stale)]
    [InlineData(OrderStatus.Filled, 10, OrderStatus.New, 0, BrokerUpdateOutcome.Stale)]
    [InlineData(OrderStatus.Filled, 10, OrderStatus.PartiallyFilled, 4, BrokerUpdateOutcome.Stale)]
    [InlineData(OrderStatus.Cancelled, 0, OrderStatus.Filled, 10, BrokerUpdateOutcome.Stale)]
    [InlineData(OrderStatus.PartiallyFilled, 6, OrderStatus.PartiallyFilled, 4, BrokerUpdateOutcome.Stale)]
    [InlineData(OrderStatus.PartiallyFilled, 4, OrderStatus.New, 4, BrokerUpdateOutcome.Stale)]
    [InlineData(OrderStatus.New, 0, OrderStatus.PendingNew, 0, BrokerUpdateOutcome.Stale)]
    public void MirrorBrokerUpdate_WhenTheUpdateIsAheadEqualOrBehind_AppliesOnlyWhatMovesTheOrderForward(
        OrderStatus current, int filled, OrderStatus reported, int reportedFilled, BrokerUpdateOutcome expected)
    {
        var order = At(current, filled);
        var before = (order.Status, order.FilledQuantity, order.AverageFillPrice);
        order.ClearDomainEvents();

        var outcome = order.MirrorBrokerUpdate("b-1", reported, reportedFilled, reportedFilled > 0 ? 100m : null, null, Now.AddSeconds(1));

        Assert.Equal(expected, outcome);
        if (expected == BrokerUpdateOutcome.Applied)
        {
            Assert.Equal((reported, (decimal)reportedFilled), (order.Status, order.FilledQuantity));
        }
        else
        {
            Assert.Equal(before, (order.Status, order.FilledQuantity, order.AverageFillPrice));
            Assert.Empty(order.DomainEvents);
        }
    }

    [Fact]
    public void MirrorBrokerUpdate_WhenTheSameFillArrivesTwice_RaisesBrokerOrderFilledOnce()
    {
        var order = At(OrderStatus.New, 0);
        order.ClearDomainEvents();

        order.MirrorBrokerUpdate("b-1", OrderStatus.Filled, 10m, 101m, null, Now);
        order.MirrorBrokerUpdate("b-1", OrderStatus.Filled, 10m, 101m, null, Now.AddSeconds(1));

        Assert.Single(order.DomainEvents.OfType<BrokerOrderFilled>());
        Assert.Equal(Now, order.FilledAt);
    }
}
