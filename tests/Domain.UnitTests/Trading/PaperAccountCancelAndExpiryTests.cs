using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Trading.Paper.Events;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;
using static RiskPlatform.Domain.UnitTests.Trading.PaperTestData;

namespace RiskPlatform.Domain.UnitTests.Trading;

public sealed class PaperAccountCancelAndExpiryTests
{
    private static readonly DateTime EndOfDay = new(2026, 11, 24, 21, 0, 0, DateTimeKind.Utc);

    public enum ClosedBy
    {
        Fill,
        Cancel,
        Reject,
        Expiry,
    }

    [Fact]
    public void CancelOrder_WhenOpen_CancelsAndRaisesOrderCancelled()
    {
        var account = NewAccount();
        var order = account.Limit("AAPL", OrderSide.Sell, 7m, 250m);
        var at = T0.AddMinutes(3);

        var cancelled = account.CancelOrder(order.Id, at);

        Assert.Same(order, cancelled);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(at, order.CancelledAt);
        Assert.Empty(account.OpenOrders);
        Assert.Equal(at, account.UpdatedAt);
        Assert.Equal([new OrderCancelled(account.UserId, order.Id, "AAPL", OrderSide.Sell, 7m, at)], account.DomainEvents);
    }

    [Theory]
    [InlineData(ClosedBy.Fill, OrderStatus.Filled)]
    [InlineData(ClosedBy.Cancel, OrderStatus.Cancelled)]
    [InlineData(ClosedBy.Reject, OrderStatus.Rejected)]
    [InlineData(ClosedBy.Expiry, OrderStatus.Expired)]
    public void CancelOrder_WhenNotOpen_ThrowsConflictAndChangesNothing(ClosedBy closedBy, OrderStatus status)
    {
        var account = NewAccount();
        var order = closedBy switch
        {
            ClosedBy.Fill => account.MarketBuy("AAPL", 1m, 100m),
            ClosedBy.Reject => account.PlaceOrder("AAPL", OrderSide.Buy, 1m, OrderType.Market, null, TimeInForce.Day, null, null, T0),
            _ => account.Limit("AAPL", OrderSide.Buy, 1m, 90m, TimeInForce.Day),
        };
        if (closedBy == ClosedBy.Cancel)
        {
            account.CancelOrder(order.Id, T0);
        }
        else if (closedBy == ClosedBy.Expiry)
        {
            account.ExpireDayOrders(EndOfDay);
        }

        account.ClearDomainEvents();

        var ex = Assert.Throws<ConflictException>(() => account.CancelOrder(order.Id, EndOfDay.AddHours(1)));

        Assert.Equal(PaperTradingErrors.OrderNotOpen, ex.Code);
        Assert.Equal(status, order.Status);
        Assert.Empty(account.DomainEvents);
    }

    [Fact]
    public void CancelOrder_WhenOrderUnknown_ThrowsNotFound()
    {
        var account = NewAccount();
        account.Limit("AAPL", OrderSide.Buy, 1m, 90m);

        var ex = Assert.Throws<DomainException>(() => account.CancelOrder(Guid.CreateVersion7(), T0));

        Assert.Equal(PaperTradingErrors.OrderNotFound, ex.Code);
    }

    [Fact]
    public void ExpireDayOrders_ExpiresOnlyOpenDayOrdersPlacedBeforeTheBoundary()
    {
        var account = NewAccount();
        var dayOrder = account.Limit("AAPL", OrderSide.Buy, 1m, 90m, TimeInForce.Day, at: T0);
        var gtcOrder = account.Limit("AAPL", OrderSide.Buy, 1m, 90m, TimeInForce.Gtc, at: T0);
        var filledDayOrder = account.MarketBuy("AAPL", 1m, 100m, T0);
        var cancelledDayOrder = account.Limit("MSFT", OrderSide.Sell, 2m, 500m, TimeInForce.Day, at: T0);
        account.CancelOrder(cancelledDayOrder.Id, T0.AddMinutes(1));
        var atBoundary = account.Limit("MSFT", OrderSide.Sell, 3m, 500m, TimeInForce.Day, at: EndOfDay);
        var afterBoundary = account.Limit("MSFT", OrderSide.Sell, 4m, 500m, TimeInForce.Day, at: EndOfDay.AddMinutes(5));
        account.ClearDomainEvents();

        var expired = account.ExpireDayOrders(EndOfDay);

        Assert.Same(dayOrder, Assert.Single(expired));
        Assert.Equal(OrderStatus.Expired, dayOrder.Status);
        Assert.Equal(EndOfDay, dayOrder.ExpiredAt);
        Assert.Null(dayOrder.CancelledAt);
        Assert.Equal(OrderStatus.New, gtcOrder.Status);
        Assert.Equal(OrderStatus.Filled, filledDayOrder.Status);
        Assert.Equal(OrderStatus.Cancelled, cancelledDayOrder.Status);
        Assert.Equal(OrderStatus.New, atBoundary.Status);
        Assert.Equal(OrderStatus.New, afterBoundary.Status);
        Assert.Equal([gtcOrder, atBoundary, afterBoundary], account.OpenOrders);
        Assert.Equal([new OrderExpired(account.UserId, dayOrder.Id, "AAPL", OrderSide.Buy, 1m, EndOfDay)], account.DomainEvents);
    }

    [Fact]
    public void ExpireDayOrders_WhenNothingToExpire_ReturnsEmptyAndRaisesNothing()
    {
        var account = NewAccount();
        account.Limit("AAPL", OrderSide.Buy, 1m, 90m, TimeInForce.Gtc);
        account.ClearDomainEvents();

        var expired = account.ExpireDayOrders(EndOfDay);

        Assert.Empty(expired);
        Assert.Empty(account.DomainEvents);
        Assert.Equal(T0, account.UpdatedAt);
    }

    [Fact]
    public void ApplyQuote_AfterDayOrderExpired_DoesNotFillIt()
    {
        var account = NewAccount();
        var order = account.Limit("AAPL", OrderSide.Buy, 1m, 90m, TimeInForce.Day);
        account.ExpireDayOrders(EndOfDay);

        var filled = account.ApplyQuote(Price("AAPL", 80m), EndOfDay.AddHours(12));

        Assert.Empty(filled);
        Assert.Equal(OrderStatus.Expired, order.Status);
        Assert.Empty(account.Positions);
    }
}
