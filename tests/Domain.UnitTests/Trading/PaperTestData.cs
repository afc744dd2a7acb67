using System.Globalization;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Domain.UnitTests.Trading;

/// <summary>Builders for the paper-broker tests. Decimals in [InlineData] are written as strings and parsed with <see cref="D"/>.</summary>
internal static class PaperTestData
{
    public static readonly DateTime T0 = new(2026, 11, 24, 14, 30, 0, DateTimeKind.Utc);

    public static decimal D(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static decimal? OptionalD(string? value) => value is null ? null : D(value);

    public static PaperAccount NewAccount(decimal startingCash = PaperAccount.DefaultStartingCash) =>
        PaperAccount.Open(Guid.CreateVersion7(), T0, startingCash);

    public static MarketQuote Quote(string symbol, decimal bid, decimal ask, decimal? last = null, DateTime? at = null) =>
        MarketQuote.FromBidAskLast(symbol, bid, ask, last, at ?? T0);

    public static MarketQuote Price(string symbol, decimal price, DateTime? at = null) => MarketQuote.FromPrice(symbol, price, at ?? T0);

    public static PaperOrder MarketBuy(this PaperAccount account, string symbol, decimal quantity, decimal price, DateTime? at = null) =>
        account.PlaceOrder(symbol, OrderSide.Buy, quantity, OrderType.Market, null, TimeInForce.Day, null, Price(symbol, price), at ?? T0);

    public static PaperOrder MarketSell(this PaperAccount account, string symbol, decimal quantity, decimal price, DateTime? at = null) =>
        account.PlaceOrder(symbol, OrderSide.Sell, quantity, OrderType.Market, null, TimeInForce.Day, null, Price(symbol, price), at ?? T0);

    public static PaperOrder Limit(
        this PaperAccount account,
        string symbol,
        OrderSide side,
        decimal quantity,
        decimal limitPrice,
        TimeInForce timeInForce = TimeInForce.Gtc,
        MarketQuote? quote = null,
        DateTime? at = null) =>
        account.PlaceOrder(symbol, side, quantity, OrderType.Limit, limitPrice, timeInForce, null, quote, at ?? T0);

    public static Dictionary<string, decimal> Marks(params (string Symbol, decimal Price)[] marks) =>
        marks.ToDictionary(m => m.Symbol, m => m.Price, StringComparer.Ordinal);
}
