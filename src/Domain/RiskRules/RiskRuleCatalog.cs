namespace RiskPlatform.Domain.RiskRules;

/// <summary>
/// What each <see cref="RiskRuleType"/> means operationally: whether it is supported, which threshold units and actions fit it,
/// whether it gates new orders (pre-trade) and/or is watched by the portfolio monitor, and which extra inputs it needs.
/// The aggregate enforces these facts; validators query them to name the offending field.
/// </summary>
public static class RiskRuleCatalog
{
    /// <summary>Name of the order-rate-limit window parameter, as on the wire.</summary>
    public const string WindowSecondsParameter = "window_seconds";

    /// <summary>Name of max_correlation's window of daily returns, as on the wire.</summary>
    public const string LookbackDaysParameter = "lookback_days";

    /// <summary>Name of sector_limit's list of sectors, as on the wire.</summary>
    public const string SectorsParameter = "sectors";

    /// <summary>max_correlation's window when <c>lookback_days</c> is not given.</summary>
    public const int DefaultLookbackDays = 60;

    /// <summary>The fewest daily returns a correlation is measured from; <c>lookback_days</c> is at least this.</summary>
    public const int MinLookbackDays = 20;

    /// <summary>The longest <c>lookback_days</c> (five years of trading days, as the analytics allow).</summary>
    public const int MaxLookbackDays = 1260;

    /// <summary>How many sectors one sector_limit rule may name.</summary>
    public const int MaxSectors = 100;

    /// <summary>The longest sector name (as symbol reference data stores it).</summary>
    public const int SectorMaxLength = 64;

    private static readonly RiskAction[] AlertBlock = [RiskAction.Alert, RiskAction.Block];

    // Indexed by (int)RiskRuleType; the enum is contiguous from zero.
    private static readonly Entry[] Entries =
    [
        // MaxPositionSize: a smaller order can satisfy it, and the monitor can close the position.
        new(true, [ThresholdUnit.Dollars, ThresholdUnit.Percent, ThresholdUnit.Shares],
            [RiskAction.Alert, RiskAction.Block, RiskAction.ReduceSize, RiskAction.ClosePosition, RiskAction.CloseAll],
            PreTrade: true, Monitored: true, RequiresSymbols: false, RequiresWindow: false),

        // MaxOrderValue: one order's notional; only meaningful pre-trade.
        new(true, [ThresholdUnit.Dollars, ThresholdUnit.Shares],
            [RiskAction.Alert, RiskAction.Block, RiskAction.ReduceSize],
            PreTrade: true, Monitored: false, RequiresSymbols: false, RequiresWindow: false),

        // MaxDailyLoss: account-level, no smaller order fixes it.
        new(true, [ThresholdUnit.Dollars, ThresholdUnit.Percent],
            [RiskAction.Alert, RiskAction.Block, RiskAction.ClosePosition, RiskAction.CloseAll],
            PreTrade: true, Monitored: true, RequiresSymbols: false, RequiresWindow: false),

        // MaxDrawdown: account-level, no smaller order fixes it.
        new(true, [ThresholdUnit.Percent, ThresholdUnit.Dollars],
            [RiskAction.Alert, RiskAction.Block, RiskAction.ClosePosition, RiskAction.CloseAll],
            PreTrade: true, Monitored: true, RequiresSymbols: false, RequiresWindow: false),

        // PositionLimit: number of distinct open positions.
        new(true, [ThresholdUnit.Count], AlertBlock,
            PreTrade: true, Monitored: false, RequiresSymbols: false, RequiresWindow: false),

        // MaxLeverage: gross exposure / equity.
        new(true, [ThresholdUnit.Ratio],
            [RiskAction.Alert, RiskAction.Block, RiskAction.ReduceSize, RiskAction.ClosePosition, RiskAction.CloseAll],
            PreTrade: true, Monitored: true, RequiresSymbols: false, RequiresWindow: false),

        // MaxConcentration: one symbol's exposure as percent of equity.
        new(true, [ThresholdUnit.Percent],
            [RiskAction.Alert, RiskAction.Block, RiskAction.ReduceSize, RiskAction.ClosePosition, RiskAction.CloseAll],
            PreTrade: true, Monitored: true, RequiresSymbols: false, RequiresWindow: false),

        // OrderRateLimit: orders per rolling window_seconds.
        new(true, [ThresholdUnit.Count], AlertBlock,
            PreTrade: true, Monitored: false, RequiresSymbols: false, RequiresWindow: true),

        // RestrictedSymbols: the rule's symbols may not be opened; its threshold is not used.
        new(true, [ThresholdUnit.Count], AlertBlock,
            PreTrade: true, Monitored: false, RequiresSymbols: true, RequiresWindow: false),

        // PriceCollar: limit price distance from the reference quote.
        new(true, [ThresholdUnit.Percent], AlertBlock,
            PreTrade: true, Monitored: false, RequiresSymbols: false, RequiresWindow: false),

        // MaxCorrelation: correlation of daily returns with a held position, a ratio up to 1. Any quantity that adds exposure is
        // equally correlated, so no smaller order satisfies it (no reduce_size); the monitor can close the smaller of a pair.
        new(true, [ThresholdUnit.Ratio], [RiskAction.Alert, RiskAction.Block, RiskAction.ClosePosition, RiskAction.CloseAll],
            PreTrade: true, Monitored: true, RequiresSymbols: false, RequiresWindow: false),

        // SectorLimit: a sector's gross exposure as percent of equity; a smaller order can satisfy it.
        new(true, [ThresholdUnit.Percent],
            [RiskAction.Alert, RiskAction.Block, RiskAction.ReduceSize, RiskAction.ClosePosition, RiskAction.CloseAll],
            PreTrade: true, Monitored: true, RequiresSymbols: false, RequiresWindow: false),

        // StopLoss, TakeProfit: per-position monitor rules; never gate a new order.
        new(true, [ThresholdUnit.Percent], [RiskAction.Alert, RiskAction.ClosePosition, RiskAction.CloseAll],
            PreTrade: false, Monitored: true, RequiresSymbols: false, RequiresWindow: false),
        new(true, [ThresholdUnit.Percent], [RiskAction.Alert, RiskAction.ClosePosition, RiskAction.CloseAll],
            PreTrade: false, Monitored: true, RequiresSymbols: false, RequiresWindow: false),
    ];

    /// <summary>Every rule type whose rules can be created, in evaluation order.</summary>
    public static IReadOnlyList<RiskRuleType> SupportedTypes { get; } =
        Enum.GetValues<RiskRuleType>().Where(t => Entries[(int)t].Supported).ToArray();

    /// <summary>True when <paramref name="type"/> is a declared member (guards against out-of-range casts).</summary>
    public static bool IsKnown(RiskRuleType type) => (uint)type < (uint)Entries.Length;

    /// <summary>False for types the clients know but that have no semantics here (none today; every declared type is supported).</summary>
    public static bool IsSupported(RiskRuleType type) => IsKnown(type) && Entries[(int)type].Supported;

    public static IReadOnlyList<ThresholdUnit> AllowedUnits(RiskRuleType type) => IsKnown(type) ? Entries[(int)type].Units : [];

    public static bool IsUnitAllowed(RiskRuleType type, ThresholdUnit unit) =>
        IsKnown(type) && Array.IndexOf(Entries[(int)type].Units, unit) >= 0;

    public static IReadOnlyList<RiskAction> AllowedActions(RiskRuleType type) => IsKnown(type) ? Entries[(int)type].Actions : [];

    public static bool IsActionAllowed(RiskRuleType type, RiskAction action) =>
        IsKnown(type) && Array.IndexOf(Entries[(int)type].Actions, action) >= 0;

    /// <summary>True when the pre-trade engine evaluates rules of this type against a proposed order.</summary>
    public static bool IsPreTrade(RiskRuleType type) => IsKnown(type) && Entries[(int)type].PreTrade;

    /// <summary>True when the portfolio monitor evaluates rules of this type against the current portfolio.</summary>
    public static bool IsMonitored(RiskRuleType type) => IsKnown(type) && Entries[(int)type].Monitored;

    /// <summary>True when a rule of this type needs at least one symbol (restricted_symbols).</summary>
    public static bool RequiresSymbols(RiskRuleType type) => IsKnown(type) && Entries[(int)type].RequiresSymbols;

    /// <summary>True when a rule of this type needs the <c>window_seconds</c> parameter (order_rate_limit); no other type accepts it.</summary>
    public static bool RequiresWindowSeconds(RiskRuleType type) => IsKnown(type) && Entries[(int)type].RequiresWindow;

    /// <summary>True when a rule of this type takes <c>lookback_days</c> (max_correlation, optional); no other type accepts it.</summary>
    public static bool AcceptsLookbackDays(RiskRuleType type) => type == RiskRuleType.MaxCorrelation;

    /// <summary>True when a rule of this type takes <c>sectors</c> (sector_limit, optional); no other type accepts it.</summary>
    public static bool AcceptsSectors(RiskRuleType type) => type == RiskRuleType.SectorLimit;

    /// <summary>
    /// The largest threshold allowed for a type and unit, or null when unbounded. Percent thresholds are at most 100,
    /// except take_profit, whose favourable move may legitimately exceed 100 %; a correlation is at most 1.
    /// </summary>
    public static decimal? MaxThreshold(RiskRuleType type, ThresholdUnit unit) => type switch
    {
        RiskRuleType.MaxCorrelation => 1m,
        RiskRuleType.TakeProfit => null,
        _ => unit == ThresholdUnit.Percent ? 100m : null,
    };

    /// <summary>True when thresholds in <paramref name="unit"/> must be whole numbers (count).</summary>
    public static bool RequiresWholeThreshold(ThresholdUnit unit) => unit == ThresholdUnit.Count;

    /// <summary>Rank of an action: higher is stricter (alert 0, reduce_size 1, block 2, close_position 3, close_all 4).</summary>
    public static int Severity(RiskAction action) => (int)action;

    /// <summary>The stricter of two actions.</summary>
    public static RiskAction Strictest(RiskAction a, RiskAction b) => Severity(a) >= Severity(b) ? a : b;

    private sealed record Entry(
        bool Supported,
        ThresholdUnit[] Units,
        RiskAction[] Actions,
        bool PreTrade,
        bool Monitored,
        bool RequiresSymbols,
        bool RequiresWindow);
}
