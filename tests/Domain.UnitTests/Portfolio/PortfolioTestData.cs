using RiskPlatform.Domain.Portfolio.Calendar;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Domain.UnitTests.Portfolio;

/// <summary>
/// Test data: <see cref="Now"/> is Tuesday 2026-03-03 15:30 UTC (10:30 New York, EST), quotes at 100 for AAPL/MSFT/GOOG/TSLA
/// (valid 5 seconds), an account of 100,000 equity with buying power 200,000.
/// </summary>
internal static class PortfolioTestData
{
    public static readonly DateTime Now = new(2026, 3, 3, 15, 30, 0, DateTimeKind.Utc);
    public static readonly Guid UserId = Guid.CreateVersion7();

    public static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    public static DateTime Utc(string iso) =>
        DateTime.SpecifyKind(DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    public static Dictionary<string, QuoteSnapshot> Quotes(decimal price = 100m, DateTime? at = null, params string[] symbols)
    {
        var quotes = new Dictionary<string, QuoteSnapshot>(StringComparer.OrdinalIgnoreCase);
        foreach (var symbol in symbols.Length == 0 ? ["AAPL", "MSFT", "GOOG", "TSLA"] : symbols)
        {
            quotes[symbol] = new QuoteSnapshot(price, price, price, at ?? Now);
        }

        return quotes;
    }

    public static PortfolioSnapshot Snapshot(
        decimal equity = 100_000m,
        decimal? dayStartEquity = null,
        decimal? highWaterMark = null,
        decimal? cash = null,
        decimal? buyingPower = null,
        IReadOnlyList<PositionSnapshot>? positions = null,
        IReadOnlyList<OpenOrderSnapshot>? openOrders = null,
        IReadOnlyDictionary<string, QuoteSnapshot>? quotes = null,
        IReadOnlyList<DateTime>? recentOrders = null,
        DateTime? now = null) => new()
        {
            Equity = equity,
            Cash = cash ?? equity,
            BuyingPower = buyingPower ?? equity * 2,
            DayStartEquity = dayStartEquity ?? equity,
            EquityHighWaterMark = highWaterMark ?? Math.Max(equity, dayStartEquity ?? equity),
            Positions = positions ?? [],
            OpenOrders = openOrders ?? [],
            Quotes = quotes ?? Quotes(),
            RecentOrderTimes = recentOrders ?? [],
            Now = now ?? Now,
            MaxQuoteAge = TimeSpan.FromSeconds(5),
        };

    /// <summary>The snapshot of <paramref name="state"/> at its last mark: equity, day-start equity and high-water mark from the state.</summary>
    public static PortfolioSnapshot SnapshotOf(PortfolioState state, IReadOnlyList<PositionSnapshot>? positions = null, DateTime? now = null) =>
        Snapshot(state.LastEquity, state.DayStartEquity, state.HighWaterMark, positions: positions, now: now ?? state.LastMarkedAt);

    public static PositionSnapshot Long(string symbol, decimal quantity, decimal price = 100m, decimal? entry = null) =>
        new(symbol, quantity, entry ?? price, price);

    public static PositionSnapshot Short(string symbol, decimal quantity, decimal price = 100m, decimal? entry = null) =>
        new(symbol, -quantity, entry ?? price, price);

    public static RiskRule Rule(
        RiskRuleType type,
        decimal threshold,
        ThresholdUnit unit,
        RiskAction action = RiskAction.Block,
        string[]? symbols = null,
        bool isActive = true,
        int? windowSeconds = null) =>
        RiskRule.Create(
            UserId,
            $"{type} {threshold} {unit} {action}",
            null,
            type,
            threshold,
            unit,
            action,
            isActive,
            null,
            symbols,
            windowSeconds ?? (type == RiskRuleType.OrderRateLimit ? 60 : null));

    /// <summary>A state created at <paramref name="at"/> (default <see cref="Now"/>) with <paramref name="equity"/>, US-equities day.</summary>
    public static PortfolioState State(decimal equity = 100_000m, DateTime? at = null, TradingDayConvention? convention = null) =>
        PortfolioState.Create(UserId, equity, at ?? Now, convention);
}
