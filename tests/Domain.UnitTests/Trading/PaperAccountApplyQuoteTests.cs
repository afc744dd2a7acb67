using RiskPlatform.Domain.Trading.Paper.Events;
using RiskPlatform.Domain.Trading;
using static RiskPlatform.Domain.UnitTests.Trading.PaperTestData;

namespace RiskPlatform.Domain.UnitTests.Trading;

public sealed class PaperAccountApplyQuoteTests
{
    private static readonly DateTime Later = T0.AddMinutes(5);

    [Theory]
    [InlineData(OrderSide.Buy, "100", "99", "100", "100")]
    [InlineData(OrderSide.Buy, "100", "98", "99.5", "99.5")]
    [InlineData(OrderSide.Sell, "110", "110", "110.1", "110")]
    [InlineData(OrderSide.Sell, "110", "111", "112", "111")]
    public void ApplyQuote_WhenQuoteCrossesRestingLimit_FillsAtQuotePrice(
        OrderSide side, string limit, string bid, string ask, string expectedPrice)
    {
        var account = NewAccount();
        var order = account.Limit("AAPL", side, 10m, D(limit), quote: Quote("AAPL", 104m, 105m));
        Assert.Equal(OrderStatus.New, order.Status);

        var filled = account.ApplyQuote(Quote("AAPL", D(bid), D(ask), at: Later), Later);

        Assert.Same(order, Assert.Single(filled));
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(D(expectedPrice), order.AverageFillPrice);
        Assert.Equal(Later, order.FilledAt);
        Assert.Empty(account.OpenOrders);
        Assert.Equal(side == OrderSide.Buy ? 10m : -10m, Assert.Single(account.Positions).Quantity);
    }

    [Theory]
    [InlineData(OrderSide.Buy, "100", "100", "100.01")]
    [InlineData(OrderSide.Sell, "110", "109.99", "110")]
    public void ApplyQuote_WhenQuoteDoesNotCross_LeavesOrderResting(OrderSide side, string limit, string bid, string ask)
    {
        var account = NewAccount();
        var order = account.Limit("AAPL", side, 10m, D(limit));

        var filled = account.ApplyQuote(Quote("AAPL", D(bid), D(ask)), Later);

        Assert.Empty(filled);
        Assert.Equal(OrderStatus.New, order.Status);
        Assert.Equal(100_000m, account.Cash);
        Assert.Empty(account.DomainEvents);
    }

    [Fact]
    public void ApplyQuote_WhenOrdersInOtherSymbols_FillsOnlyTheQuotedSymbol()
    {
        var account = NewAccount();
        var aapl = account.Limit("AAPL", OrderSide.Buy, 1m, 200m);
        var msft = account.Limit("MSFT", OrderSide.Buy, 1m, 500m);

        var filled = account.ApplyQuote(Price("AAPL", 150m), Later);

        Assert.Same(aapl, Assert.Single(filled));
        Assert.Equal(OrderStatus.New, msft.Status);
    }

    [Fact]
    public void ApplyQuote_WhenSeveralOrdersCross_FillsThemInPlacementOrder()
    {
        var account = NewAccount();
        var first = account.Limit("AAPL", OrderSide.Buy, 10m, 100m);
        var notCrossed = account.Limit("AAPL", OrderSide.Buy, 10m, 90m);
        var second = account.Limit("AAPL", OrderSide.Sell, 4m, 95m);

        var filled = account.ApplyQuote(Quote("AAPL", 96m, 97m), Later);

        Assert.Equal([first, second], filled);
        Assert.Equal(OrderStatus.New, notCrossed.Status);
        Assert.Equal(100_000m - (10m * 97m) + (4m * 96m), account.Cash);
        var position = Assert.Single(account.Positions);
        Assert.Equal((6m, 97m, -4m), (position.Quantity, position.AverageEntryPrice, position.RealizedPnl));
        Assert.Equal(
            [
                new OrderFilled(account.UserId, first.Id, "AAPL", OrderSide.Buy, 10m, 97m, Later),
                new PositionOpened(account.UserId, position.Id, "AAPL", 10m, 97m, Later),
                new OrderFilled(account.UserId, second.Id, "AAPL", OrderSide.Sell, 4m, 96m, Later),
            ],
            account.DomainEvents);
    }

    [Fact]
    public void ApplyQuote_WhenOrderAlreadyFilled_DoesNotFillItAgain()
    {
        var account = NewAccount();
        account.Limit("AAPL", OrderSide.Buy, 10m, 100m);
        account.ApplyQuote(Price("AAPL", 99m), Later);
        var cash = account.Cash;

        var filled = account.ApplyQuote(Price("AAPL", 98m), Later.AddMinutes(1));

        Assert.Empty(filled);
        Assert.Equal(cash, account.Cash);
        Assert.Equal(10m, Assert.Single(account.Positions).Quantity);
    }

    [Fact]
    public void ApplyQuote_WhenOrderCancelled_DoesNotFillIt()
    {
        var account = NewAccount();
        var order = account.Limit("AAPL", OrderSide.Buy, 10m, 100m);
        account.CancelOrder(order.Id, Later);

        var filled = account.ApplyQuote(Price("AAPL", 90m), Later.AddMinutes(1));

        Assert.Empty(filled);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Empty(account.Positions);
    }
}
