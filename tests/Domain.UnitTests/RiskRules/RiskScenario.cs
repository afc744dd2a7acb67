using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Domain.UnitTests.RiskRules;

/// <summary>
/// Test data: an account with 100,000 equity (also day-start equity and high-water mark), AAPL quoted bid 99 / ask 100 / last 99.5
/// at <see cref="Now"/>, MSFT/GOOG/TSLA quoted at 100, quotes valid for 5 seconds.
/// </summary>
internal static class RiskScenario
{
    public static readonly DateTime Now = new(2026, 3, 2, 15, 30, 0, DateTimeKind.Utc);
    public static readonly Guid UserId = Guid.CreateVersion7();
    public static readonly Guid StrategyA = Guid.CreateVersion7();
    public static readonly Guid StrategyB = Guid.CreateVersion7();

    public static Dictionary<string, QuoteSnapshot> DefaultQuotes() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["AAPL"] = new QuoteSnapshot(99m, 100m, 99.5m, Now),
        ["MSFT"] = new QuoteSnapshot(100m, 100m, 100m, Now),
        ["GOOG"] = new QuoteSnapshot(100m, 100m, 100m, Now),
        ["TSLA"] = new QuoteSnapshot(100m, 100m, 100m, Now),
    };

    public static PortfolioSnapshot Snapshot(
        decimal equity = 100_000m,
        decimal? dayStartEquity = null,
        decimal? highWaterMark = null,
        IReadOnlyList<PositionSnapshot>? positions = null,
        IReadOnlyList<OpenOrderSnapshot>? openOrders = null,
        IReadOnlyDictionary<string, QuoteSnapshot>? quotes = null,
        IReadOnlyList<DateTime>? recentOrders = null) => new()
        {
            Equity = equity,
            Cash = equity,
            BuyingPower = equity * 2,
            DayStartEquity = dayStartEquity ?? equity,
            EquityHighWaterMark = highWaterMark ?? Math.Max(equity, dayStartEquity ?? equity),
            Positions = positions ?? [],
            OpenOrders = openOrders ?? [],
            Quotes = quotes ?? DefaultQuotes(),
            RecentOrderTimes = recentOrders ?? [],
            Now = Now,
            MaxQuoteAge = TimeSpan.FromSeconds(5),
        };

    public static PositionSnapshot Long(string symbol, decimal quantity, decimal price = 100m, decimal? entry = null) =>
        new(symbol, quantity, entry ?? price, price);

    public static PositionSnapshot Short(string symbol, decimal quantity, decimal price = 100m, decimal? entry = null) =>
        new(symbol, -quantity, entry ?? price, price);

    public static RiskRule Rule(
        RiskRuleType type,
        decimal threshold,
        ThresholdUnit unit,
        RiskAction action = RiskAction.Block,
        Guid? strategyId = null,
        string[]? symbols = null,
        int? windowSeconds = null,
        bool isActive = true) =>
        RiskRule.Create(
            UserId,
            $"{type} {threshold} {unit} {action}",
            null,
            type,
            threshold,
            unit,
            action,
            isActive,
            strategyId,
            symbols,
            windowSeconds ?? (type == RiskRuleType.OrderRateLimit ? 60 : null));

    public static ProposedOrder Buy(decimal quantity, string symbol = "AAPL", decimal? limit = null, Guid? strategyId = null) =>
        new(symbol, OrderSide.Buy, quantity, limit is null ? OrderType.Market : OrderType.Limit, limit, strategyId);

    public static ProposedOrder Sell(decimal quantity, string symbol = "AAPL", decimal? limit = null, Guid? strategyId = null) =>
        new(symbol, OrderSide.Sell, quantity, limit is null ? OrderType.Market : OrderType.Limit, limit, strategyId);

    public static RiskDecision Evaluate(PortfolioSnapshot snapshot, ProposedOrder order, params RiskRule[] rules) =>
        RiskEngine.Evaluate(snapshot, rules, order);
}
