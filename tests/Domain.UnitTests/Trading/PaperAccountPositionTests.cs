using RiskPlatform.Domain.Trading.Paper.Events;
using RiskPlatform.Domain.Trading;
using static RiskPlatform.Domain.UnitTests.Trading.PaperTestData;

namespace RiskPlatform.Domain.UnitTests.Trading;

public sealed class PaperAccountPositionTests
{
    private static readonly DateTime T1 = T0.AddMinutes(1);
    private static readonly DateTime T2 = T0.AddMinutes(2);

    [Theory]
    [InlineData(OrderSide.Buy, "10")]
    [InlineData(OrderSide.Sell, "-10")]
    public void PlaceOrder_WhenFlat_OpensPositionAtFillPrice(OrderSide side, string expectedQuantity)
    {
        var account = NewAccount();

        account.PlaceOrder("AAPL", side, 10m, OrderType.Market, null, TimeInForce.Day, null, Price("AAPL", 100m), T0);

        var position = Assert.Single(account.Positions);
        Assert.Equal("AAPL", position.Symbol);
        Assert.Equal(account.Id, position.PaperAccountId);
        Assert.Equal(D(expectedQuantity), position.Quantity);
        Assert.Equal(100m, position.AverageEntryPrice);
        Assert.Equal(0m, position.RealizedPnl);
        Assert.Equal((T0, T0), (position.OpenedAt, position.UpdatedAt));
        Assert.Equal(side == OrderSide.Buy, position.IsLong);
        Assert.Equal(side == OrderSide.Sell, position.IsShort);
        Assert.Same(position, account.FindPosition("aapl"));
    }

    [Theory]
    // Averaging up and down on a long.
    [InlineData(OrderSide.Buy, "10", "100", "10", "110", "20", "105")]
    [InlineData(OrderSide.Buy, "10", "100", "30", "90", "40", "92.5")]
    [InlineData(OrderSide.Buy, "1", "100", "2", "100.01", "3", "100.00666667")]
    [InlineData(OrderSide.Buy, "0.5", "200", "1.5", "100", "2", "125")]
    // Averaging a short.
    [InlineData(OrderSide.Sell, "10", "100", "10", "90", "-20", "95")]
    [InlineData(OrderSide.Sell, "3", "10", "1", "20", "-4", "12.5")]
    // Midpoint rounds away from zero at the 8th decimal place: (0.00000002 + 0.00000003) / 2 = 0.000000025.
    [InlineData(OrderSide.Buy, "1", "0.00000002", "1", "0.00000003", "2", "0.00000003")]
    public void PlaceOrder_WhenAddingToPosition_AveragesEntryPriceByQuantity(
        OrderSide side, string firstQuantity, string firstPrice, string secondQuantity, string secondPrice, string expectedQuantity, string expectedAverage)
    {
        var account = NewAccount();
        account.PlaceOrder("AAPL", side, D(firstQuantity), OrderType.Market, null, TimeInForce.Day, null, Price("AAPL", D(firstPrice)), T0);

        account.PlaceOrder("AAPL", side, D(secondQuantity), OrderType.Market, null, TimeInForce.Day, null, Price("AAPL", D(secondPrice)), T1);

        var position = Assert.Single(account.Positions);
        Assert.Equal(D(expectedQuantity), position.Quantity);
        Assert.Equal(D(expectedAverage), position.AverageEntryPrice);
        Assert.Equal(0m, account.RealizedPnl);
        Assert.Equal((T0, T1), (position.OpenedAt, position.UpdatedAt));
    }

    [Theory]
    // Long 10 @ 100, partly sold.
    [InlineData(OrderSide.Buy, OrderSide.Sell, "4", "110", "6", "40")]
    [InlineData(OrderSide.Buy, OrderSide.Sell, "4", "90", "6", "-40")]
    [InlineData(OrderSide.Buy, OrderSide.Sell, "0.25", "101", "9.75", "0.25")]
    // Short 10 @ 100, partly covered.
    [InlineData(OrderSide.Sell, OrderSide.Buy, "4", "90", "-6", "40")]
    [InlineData(OrderSide.Sell, OrderSide.Buy, "4", "110", "-6", "-40")]
    public void PlaceOrder_WhenReducingPosition_RealizesPnlAndKeepsAverage(
        OrderSide openSide, OrderSide reduceSide, string quantity, string price, string expectedQuantity, string expectedRealized)
    {
        var account = NewAccount();
        account.PlaceOrder("AAPL", openSide, 10m, OrderType.Market, null, TimeInForce.Day, null, Price("AAPL", 100m), T0);
        account.ClearDomainEvents();

        account.PlaceOrder("AAPL", reduceSide, D(quantity), OrderType.Market, null, TimeInForce.Day, null, Price("AAPL", D(price)), T1);

        var position = Assert.Single(account.Positions);
        Assert.Equal(D(expectedQuantity), position.Quantity);
        Assert.Equal(100m, position.AverageEntryPrice);
        Assert.Equal(D(expectedRealized), position.RealizedPnl);
        Assert.Equal(D(expectedRealized), account.RealizedPnl);
        Assert.Equal(T0, position.OpenedAt);
        Assert.IsType<OrderFilled>(Assert.Single(account.DomainEvents));
    }

    [Fact]
    public void PlaceOrder_WhenClosingLongExactly_RemovesPositionAndRaisesPositionClosedWithLifetimePnl()
    {
        var account = NewAccount();
        account.MarketBuy("AAPL", 10m, 100m, T0);
        var positionId = Assert.Single(account.Positions).Id;
        account.MarketSell("AAPL", 4m, 110m, T1);
        account.ClearDomainEvents();

        var order = account.MarketSell("AAPL", 6m, 90m, T2);

        Assert.Empty(account.Positions);
        Assert.Null(account.FindPosition("AAPL"));
        Assert.Equal(40m - 60m, account.RealizedPnl);
        Assert.Equal(100_000m - 1000m + 440m + 540m, account.Cash);
        Assert.Equal(
            [
                new OrderFilled(account.UserId, order.Id, "AAPL", OrderSide.Sell, 6m, 90m, T2) { OnPlacement = true },
                new PositionClosed(account.UserId, positionId, "AAPL", 6m, 100m, 90m, -20m, T2),
            ],
            account.DomainEvents);
    }

    [Fact]
    public void PlaceOrder_WhenSellCrossesThroughZero_ClosesLongAndOpensShortAtFillPrice()
    {
        var account = NewAccount();
        account.MarketBuy("AAPL", 10m, 100m, T0);
        var longId = Assert.Single(account.Positions).Id;
        account.ClearDomainEvents();

        var order = account.MarketSell("AAPL", 25m, 110m, T1);

        var shortPosition = Assert.Single(account.Positions);
        Assert.NotEqual(longId, shortPosition.Id);
        Assert.Equal(-15m, shortPosition.Quantity);
        Assert.Equal(110m, shortPosition.AverageEntryPrice);
        Assert.Equal(0m, shortPosition.RealizedPnl);
        Assert.Equal(T1, shortPosition.OpenedAt);
        Assert.Equal(100m, account.RealizedPnl);
        Assert.Equal(100_000m - 1000m + 2750m, account.Cash);
        Assert.Equal(
            [
                new OrderFilled(account.UserId, order.Id, "AAPL", OrderSide.Sell, 25m, 110m, T1) { OnPlacement = true },
                new PositionClosed(account.UserId, longId, "AAPL", 10m, 100m, 110m, 100m, T1),
                new PositionOpened(account.UserId, shortPosition.Id, "AAPL", -15m, 110m, T1),
            ],
            account.DomainEvents);
    }

    [Fact]
    public void PlaceOrder_WhenBuyCrossesThroughZero_CoversShortAndOpensLongAtFillPrice()
    {
        var account = NewAccount();
        account.MarketSell("AAPL", 10m, 100m, T0);
        var shortId = Assert.Single(account.Positions).Id;
        account.ClearDomainEvents();

        var order = account.MarketBuy("AAPL", 25m, 90m, T1);

        var longPosition = Assert.Single(account.Positions);
        Assert.Equal((15m, 90m), (longPosition.Quantity, longPosition.AverageEntryPrice));
        Assert.Equal(100m, account.RealizedPnl);
        Assert.Equal(100_000m + 1000m - 2250m, account.Cash);
        Assert.Equal(
            [
                new OrderFilled(account.UserId, order.Id, "AAPL", OrderSide.Buy, 25m, 90m, T1) { OnPlacement = true },
                new PositionClosed(account.UserId, shortId, "AAPL", -10m, 100m, 90m, 100m, T1),
                new PositionOpened(account.UserId, longPosition.Id, "AAPL", 15m, 90m, T1),
            ],
            account.DomainEvents);
    }

    [Fact]
    public void PlaceOrder_WhenShortSoldAndCovered_RealizesPnlAndReturnsCash()
    {
        var account = NewAccount();

        account.MarketSell("TSLA", 10m, 250m, T0);
        Assert.Equal(102_500m, account.Cash);
        var shortPosition = Assert.Single(account.Positions);
        Assert.Equal(-10m, shortPosition.Quantity);
        Assert.Equal(100m, shortPosition.UnrealizedPnl(240m));

        account.MarketBuy("TSLA", 10m, 230m, T1);

        Assert.Empty(account.Positions);
        Assert.Equal(200m, account.RealizedPnl);
        Assert.Equal(100_200m, account.Cash);
        Assert.Equal(account.StartingCash + account.RealizedPnl, account.Cash);
    }

    [Fact]
    public void PlaceOrder_WhenReopeningAfterClose_StartsANewPosition()
    {
        var account = NewAccount();
        account.MarketBuy("AAPL", 10m, 100m, T0);
        var firstId = Assert.Single(account.Positions).Id;
        account.MarketSell("AAPL", 10m, 120m, T1);

        account.MarketBuy("AAPL", 5m, 130m, T2);

        var position = Assert.Single(account.Positions);
        Assert.NotEqual(firstId, position.Id);
        Assert.Equal((5m, 130m, 0m, T2), (position.Quantity, position.AverageEntryPrice, position.RealizedPnl, position.OpenedAt));
        Assert.Equal(200m, account.RealizedPnl);
    }

    [Fact]
    public void PlaceOrder_WhenTradingSeveralSymbols_KeepsOnePositionPerSymbol()
    {
        var account = NewAccount();

        account.MarketBuy("AAPL", 10m, 100m);
        account.MarketSell("MSFT", 2m, 400m);
        account.MarketBuy("aapl", 5m, 106m);

        Assert.Equal(2, account.Positions.Count);
        Assert.Equal((15m, 102m), (account.FindPosition("AAPL")!.Quantity, account.FindPosition("AAPL")!.AverageEntryPrice));
        Assert.Equal(-2m, account.FindPosition("MSFT")!.Quantity);
    }

    [Theory]
    [InlineData("10", "100", "110", "100")]
    [InlineData("10", "100", "95", "-50")]
    [InlineData("-10", "100", "95", "50")]
    [InlineData("-10", "100", "110", "-100")]
    [InlineData("0.5", "30000", "30000.02", "0.01")]
    public void UnrealizedPnl_IsMarkMinusAverageTimesSignedQuantity(string quantity, string average, string mark, string expected)
    {
        var account = NewAccount();
        var side = D(quantity) > 0 ? OrderSide.Buy : OrderSide.Sell;
        account.PlaceOrder("AAPL", side, Math.Abs(D(quantity)), OrderType.Market, null, TimeInForce.Day, null, Price("AAPL", D(average)), T0);
        var position = Assert.Single(account.Positions);

        Assert.Equal(D(expected), position.UnrealizedPnl(D(mark)));
        Assert.Equal(D(quantity) * D(mark), position.MarketValue(D(mark)));
        Assert.Equal(D(quantity) * D(average), position.CostBasis);
    }

    [Fact]
    public void UnrealizedPnl_WhenAverageIsRounded_UsesTheExactCostBasis()
    {
        var account = NewAccount();
        account.MarketBuy("AAPL", 1m, 100m);
        account.MarketBuy("AAPL", 2m, 100.01m);
        var position = Assert.Single(account.Positions);

        Assert.Equal(100.00666667m, position.AverageEntryPrice);
        Assert.Equal(300.02m, position.CostBasis);
        Assert.Equal(0.01m, position.UnrealizedPnl(100.01m));
    }
}
