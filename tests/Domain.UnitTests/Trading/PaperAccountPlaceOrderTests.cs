using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading.Paper.Events;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;
using static RiskPlatform.Domain.UnitTests.Trading.PaperTestData;

namespace RiskPlatform.Domain.UnitTests.Trading;

public sealed class PaperAccountPlaceOrderTests
{
    [Theory]
    [InlineData(OrderSide.Buy, "100", "100.05", null, "100.05")]
    [InlineData(OrderSide.Sell, "100", "100.05", null, "100")]
    [InlineData(OrderSide.Buy, "99.5", "100.5", "105", "100.5")]
    [InlineData(OrderSide.Sell, "99.5", "100.5", "95", "99.5")]
    [InlineData(OrderSide.Buy, "42.42", "42.42", "42.42", "42.42")]
    public void PlaceOrder_WhenMarketOrderHasQuote_FillsAtAskForBuysAndBidForSells(
        OrderSide side, string bid, string ask, string? last, string expectedPrice)
    {
        var account = NewAccount();
        var quote = Quote("AAPL", D(bid), D(ask), OptionalD(last));

        var order = account.PlaceOrder("AAPL", side, 10m, OrderType.Market, null, TimeInForce.Day, null, quote, T0);

        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(10m, order.FilledQuantity);
        Assert.Equal(0m, order.RemainingQuantity);
        Assert.Equal(D(expectedPrice), order.AverageFillPrice);
        Assert.Equal(T0, order.FilledAt);
        Assert.False(order.IsOpen);
    }

    [Theory]
    [InlineData(OrderSide.Buy)]
    [InlineData(OrderSide.Sell)]
    public void PlaceOrder_WhenQuoteIsPriceOnly_FillsAtThatPrice(OrderSide side)
    {
        var account = NewAccount();

        var order = account.PlaceOrder("AAPL", side, 3m, OrderType.Market, null, TimeInForce.Gtc, null, Price("AAPL", 187.5m), T0);

        Assert.Equal(187.5m, order.AverageFillPrice);
    }

    [Theory]
    [InlineData(OrderSide.Buy, "10", "150.25", "98497.5")]
    [InlineData(OrderSide.Sell, "10", "150.25", "101502.5")]
    [InlineData(OrderSide.Buy, "0.5", "3000.01", "98499.995")]
    [InlineData(OrderSide.Sell, "0.00000001", "60000", "100000.0006")]
    public void PlaceOrder_WhenFilled_MovesCashByNotional(OrderSide side, string quantity, string price, string expectedCash)
    {
        var account = NewAccount();

        account.PlaceOrder("AAPL", side, D(quantity), OrderType.Market, null, TimeInForce.Day, null, Price("AAPL", D(price)), T0);

        Assert.Equal(D(expectedCash), account.Cash);
    }

    [Fact]
    public void PlaceOrder_WhenMarketOrderHasNoQuote_ReturnsRejectedOrderWithReasonAndEvent()
    {
        var account = NewAccount();

        var order = account.PlaceOrder("tsla", OrderSide.Buy, 5m, OrderType.Market, null, TimeInForce.Day, null, null, T0);

        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Contains("TSLA", order.RejectReason, StringComparison.Ordinal);
        Assert.Equal(0m, order.FilledQuantity);
        Assert.Null(order.AverageFillPrice);
        Assert.False(order.IsOpen);
        Assert.Equal(100_000m, account.Cash);
        Assert.Empty(account.Positions);
        Assert.Same(order, Assert.Single(account.Orders));
        var rejected = Assert.IsType<OrderRejected>(Assert.Single(account.DomainEvents));
        Assert.Equal(new OrderRejected(account.UserId, order.Id, "TSLA", OrderSide.Buy, 5m, order.RejectReason!, T0), rejected);
    }

    [Theory]
    [InlineData(OrderSide.Buy, "101", "101")]
    [InlineData(OrderSide.Buy, "105", "101")]
    [InlineData(OrderSide.Sell, "100", "100")]
    [InlineData(OrderSide.Sell, "95", "100")]
    public void PlaceOrder_WhenLimitOrderIsMarketable_FillsAtQuotePriceNoWorseThanLimit(OrderSide side, string limit, string expectedPrice)
    {
        var account = NewAccount();

        var order = account.Limit("AAPL", side, 10m, D(limit), quote: Quote("AAPL", 100m, 101m, 100.5m));

        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(D(expectedPrice), order.AverageFillPrice);
        Assert.Equal(D(limit), order.LimitPrice);
    }

    [Theory]
    [InlineData(OrderSide.Buy, "100.99")]
    [InlineData(OrderSide.Buy, "100")]
    [InlineData(OrderSide.Sell, "100.01")]
    [InlineData(OrderSide.Sell, "101")]
    public void PlaceOrder_WhenLimitOrderIsNotMarketable_RestsAsNew(OrderSide side, string limit)
    {
        var account = NewAccount();

        var order = account.Limit("AAPL", side, 10m, D(limit), quote: Quote("AAPL", 100m, 101m));

        Assert.Equal(OrderStatus.New, order.Status);
        Assert.True(order.IsOpen);
        Assert.Equal(10m, order.RemainingQuantity);
        Assert.Null(order.FilledAt);
        Assert.Equal(100_000m, account.Cash);
        Assert.Empty(account.Positions);
        Assert.Same(order, Assert.Single(account.OpenOrders));
        Assert.Empty(account.DomainEvents);
    }

    [Fact]
    public void PlaceOrder_WhenLimitOrderHasNoQuote_RestsAsNew()
    {
        var account = NewAccount();

        var order = account.Limit("AAPL", OrderSide.Buy, 10m, 100m);

        Assert.Equal(OrderStatus.New, order.Status);
        Assert.Null(order.RejectReason);
        Assert.Empty(account.DomainEvents);
    }

    [Fact]
    public void PlaceOrder_WhenPlaced_RecordsTheOrderTerms()
    {
        var account = NewAccount();

        var order = account.PlaceOrder(" aapl ", OrderSide.Sell, 2.5m, OrderType.Limit, 250m, TimeInForce.Gtc, " my-id-1 ", null, T0);

        Assert.Equal(7, order.Id.Version);
        Assert.Equal(account.Id, order.PaperAccountId);
        Assert.Equal("my-id-1", order.ClientOrderId);
        Assert.Equal("AAPL", order.Symbol);
        Assert.Equal(OrderSide.Sell, order.Side);
        Assert.Equal(OrderType.Limit, order.Type);
        Assert.Equal(TimeInForce.Gtc, order.TimeInForce);
        Assert.Equal(2.5m, order.Quantity);
        Assert.Equal(0m, order.FilledQuantity);
        Assert.Equal(250m, order.LimitPrice);
        Assert.Equal(T0, order.CreatedAt);
        Assert.Null(order.CancelledAt);
        Assert.Null(order.ExpiredAt);
        Assert.Same(order, account.FindOrder(order.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void PlaceOrder_WhenClientOrderIdBlank_StoresNone(string? clientOrderId)
    {
        var account = NewAccount();

        var order = account.PlaceOrder("AAPL", OrderSide.Buy, 1m, OrderType.Limit, 1m, TimeInForce.Day, clientOrderId, null, T0);

        Assert.Null(order.ClientOrderId);
    }

    [Theory]
    [InlineData(OrderSide.Buy, "0", OrderType.Market, null, PaperTradingErrors.InvalidQuantity)]
    [InlineData(OrderSide.Buy, "-1", OrderType.Market, null, PaperTradingErrors.InvalidQuantity)]
    [InlineData(OrderSide.Sell, "0.000000001", OrderType.Market, null, PaperTradingErrors.InvalidQuantity)]
    [InlineData(OrderSide.Buy, "1", OrderType.Market, "100", PaperTradingErrors.LimitPriceNotAllowed)]
    [InlineData(OrderSide.Buy, "1", OrderType.Limit, null, PaperTradingErrors.LimitPriceRequired)]
    [InlineData(OrderSide.Sell, "1", OrderType.Limit, "0", PaperTradingErrors.InvalidLimitPrice)]
    [InlineData(OrderSide.Sell, "1", OrderType.Limit, "-2", PaperTradingErrors.InvalidLimitPrice)]
    [InlineData(OrderSide.Buy, "1", OrderType.Limit, "100.000000001", PaperTradingErrors.InvalidLimitPrice)]
    [InlineData((OrderSide)7, "1", OrderType.Market, null, PaperTradingErrors.InvalidSide)]
    [InlineData(OrderSide.Buy, "1", (OrderType)7, null, PaperTradingErrors.InvalidType)]
    public void PlaceOrder_WhenTermsInvalid_ThrowsWithStableCodeAndAddsNoOrder(
        OrderSide side, string quantity, OrderType type, string? limitPrice, string code)
    {
        var account = NewAccount();

        var ex = Assert.Throws<DomainException>(() =>
            account.PlaceOrder("AAPL", side, D(quantity), type, OptionalD(limitPrice), TimeInForce.Day, null, Price("AAPL", 100m), T0));

        Assert.Equal(code, ex.Code);
        Assert.Empty(account.Orders);
        Assert.Empty(account.DomainEvents);
        Assert.Equal(100_000m, account.Cash);
    }

    [Fact]
    public void PlaceOrder_WhenTimeInForceUndefined_ThrowsInvalidTimeInForce()
    {
        var account = NewAccount();

        var ex = Assert.Throws<DomainException>(() =>
            account.PlaceOrder("AAPL", OrderSide.Buy, 1m, OrderType.Market, null, (TimeInForce)9, null, Price("AAPL", 1m), T0));

        Assert.Equal(PaperTradingErrors.InvalidTimeInForce, ex.Code);
    }

    [Fact]
    public void PlaceOrder_WhenSymbolInvalid_ThrowsInvalidSymbol()
    {
        var account = NewAccount();

        var ex = Assert.Throws<DomainException>(() => account.Limit("NOT A SYMBOL", OrderSide.Buy, 1m, 1m));

        Assert.Equal(MarketDataErrors.InvalidSymbol, ex.Code);
    }

    [Fact]
    public void PlaceOrder_WhenClientOrderIdTooLong_ThrowsInvalidClientOrderId()
    {
        var account = NewAccount();
        var clientOrderId = new string('x', PaperOrder.ClientOrderIdMaxLength + 1);

        var ex = Assert.Throws<DomainException>(() =>
            account.PlaceOrder("AAPL", OrderSide.Buy, 1m, OrderType.Limit, 1m, TimeInForce.Day, clientOrderId, null, T0));

        Assert.Equal(PaperTradingErrors.InvalidClientOrderId, ex.Code);
    }

    [Fact]
    public void PlaceOrder_WhenQuoteIsForAnotherSymbol_ThrowsQuoteSymbolMismatch()
    {
        var account = NewAccount();

        var ex = Assert.Throws<DomainException>(() =>
            account.PlaceOrder("AAPL", OrderSide.Buy, 1m, OrderType.Market, null, TimeInForce.Day, null, Price("MSFT", 300m), T0));

        Assert.Equal(PaperTradingErrors.QuoteSymbolMismatch, ex.Code);
        Assert.Empty(account.Orders);
    }

    [Fact]
    public void PlaceOrder_WhenClientOrderIdRepeatedWithSameTerms_ReturnsExistingOrderWithoutNewEffects()
    {
        var account = NewAccount();
        var first = account.PlaceOrder("AAPL", OrderSide.Buy, 10m, OrderType.Market, null, TimeInForce.Day, "retry-1", Price("AAPL", 100m), T0);
        var cashAfterFirst = account.Cash;
        var eventsAfterFirst = account.DomainEvents.Count;

        var second = account.PlaceOrder("aapl", OrderSide.Buy, 10m, OrderType.Market, null, TimeInForce.Day, "retry-1", Price("AAPL", 120m), T0.AddSeconds(1));

        Assert.Same(first, second);
        Assert.Single(account.Orders);
        Assert.Equal(cashAfterFirst, account.Cash);
        Assert.Equal(10m, Assert.Single(account.Positions).Quantity);
        Assert.Equal(eventsAfterFirst, account.DomainEvents.Count);
    }

    [Theory]
    [InlineData("MSFT", OrderSide.Buy, "10", OrderType.Limit, "100", TimeInForce.Day)]
    [InlineData("AAPL", OrderSide.Sell, "10", OrderType.Limit, "100", TimeInForce.Day)]
    [InlineData("AAPL", OrderSide.Buy, "11", OrderType.Limit, "100", TimeInForce.Day)]
    [InlineData("AAPL", OrderSide.Buy, "10", OrderType.Market, null, TimeInForce.Day)]
    [InlineData("AAPL", OrderSide.Buy, "10", OrderType.Limit, "99", TimeInForce.Day)]
    [InlineData("AAPL", OrderSide.Buy, "10", OrderType.Limit, "100", TimeInForce.Gtc)]
    public void PlaceOrder_WhenClientOrderIdReusedWithDifferentTerms_ThrowsConflict(
        string symbol, OrderSide side, string quantity, OrderType type, string? limitPrice, TimeInForce timeInForce)
    {
        var account = NewAccount();
        account.PlaceOrder("AAPL", OrderSide.Buy, 10m, OrderType.Limit, 100m, TimeInForce.Day, "abc", null, T0);

        var ex = Assert.Throws<ConflictException>(() =>
            account.PlaceOrder(symbol, side, D(quantity), type, OptionalD(limitPrice), timeInForce, "abc", null, T0));

        Assert.Equal(PaperTradingErrors.ClientOrderIdReused, ex.Code);
        Assert.Single(account.Orders);
    }

    [Fact]
    public void PlaceOrder_WhenFilled_RaisesOrderFilledThenPositionOpened()
    {
        var account = NewAccount();

        var order = account.MarketBuy("AAPL", 10m, 100m);

        var position = Assert.Single(account.Positions);
        Assert.Equal(
            [
                new OrderFilled(account.UserId, order.Id, "AAPL", OrderSide.Buy, 10m, 100m, T0) { OnPlacement = true },
                new PositionOpened(account.UserId, position.Id, "AAPL", 10m, 100m, T0),
            ],
            account.DomainEvents);
    }
}
