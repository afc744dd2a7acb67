namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// Everything the engine knows about a user's account at one instant. The engine never reads a clock: <see cref="Now"/> is the
/// instant of evaluation (UTC). Symbols are compared case-insensitively in <see cref="Positions"/> and <see cref="OpenOrders"/>;
/// <see cref="Quotes"/> is looked up with the order's upper-case symbol, so key it by upper-case symbol
/// (or give it a case-insensitive comparer).
/// </summary>
public sealed class PortfolioSnapshot
{
    public required decimal Equity { get; init; }

    public required decimal Cash { get; init; }

    public required decimal BuyingPower { get; init; }

    /// <summary>Equity at the start of the trading day, the base of max_daily_loss.</summary>
    public required decimal DayStartEquity { get; init; }

    /// <summary>Highest equity seen, the base of max_drawdown.</summary>
    public required decimal EquityHighWaterMark { get; init; }

    public IReadOnlyList<PositionSnapshot> Positions { get; init; } = [];

    public IReadOnlyList<OpenOrderSnapshot> OpenOrders { get; init; } = [];

    public IReadOnlyDictionary<string, QuoteSnapshot> Quotes { get; init; } = new Dictionary<string, QuoteSnapshot>();

    /// <summary>Submission times (UTC) of the user's recent orders, for order_rate_limit. Older entries are ignored.</summary>
    public IReadOnlyList<DateTime> RecentOrderTimes { get; init; } = [];

    public required DateTime Now { get; init; }

    /// <summary>A quote older than this (relative to <see cref="Now"/>) is stale and fails the order closed.</summary>
    public required TimeSpan MaxQuoteAge { get; init; }

    /// <summary>Daily closes and sectors for max_correlation and sector_limit; empty unless such a rule is active.</summary>
    public RuleMarketData MarketData { get; init; } = RuleMarketData.Empty;
}
