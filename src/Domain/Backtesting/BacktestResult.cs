using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Domain.Backtesting;

/// <summary>
/// What a backtest found: the simulated days, the run judged by the rules and the same orders without any rule, and each rule's
/// hits (pre-trade breaches and monitor episodes, with the first and last date).
/// </summary>
public sealed record BacktestResult(
    IReadOnlyList<DateOnly> Days,
    BacktestRunResult WithRules,
    BacktestRunResult WithoutRules,
    IReadOnlyList<BacktestRuleSummary> Rules);

/// <summary>One simulation of the orders: what became of each, what the monitor did, the daily curve and its summary figures.</summary>
public sealed record BacktestRunResult(
    IReadOnlyList<BacktestOrderOutcome> Orders,
    IReadOnlyList<BacktestMonitorEvent> MonitorEvents,
    IReadOnlyList<BacktestCurvePoint> Curve,
    decimal FinalEquity,
    decimal MaxDrawdownPercent,
    BacktestDay? WorstDay,
    TradingState FinalTradingState);

/// <summary>How an order ended in the simulation.</summary>
public enum BacktestOrderStatus
{
    /// <summary>Filled (in full, as the paper broker fills) at <see cref="BacktestOrderOutcome.FillPrice"/>.</summary>
    Filled,

    /// <summary>Accepted, but a limit order the day's prices never reached: expired at the close.</summary>
    Expired,

    /// <summary>Blocked by the engine: a rule, or a missing price (fail closed).</summary>
    Blocked,

    /// <summary>Refused by the trading state (halted, or reducing and the order adds exposure) before any rule.</summary>
    Refused,

    /// <summary>Accepted, then cancelled by the monitor before it filled.</summary>
    Cancelled,
}

/// <summary>
/// One order's fate. <see cref="Decision"/> is the engine's verdict (null when the trading state refused the order first);
/// <see cref="Breaches"/> the rules it breached, alerts included.
/// </summary>
public sealed record BacktestOrderOutcome(
    BacktestOrder Order,
    RiskDecisionOutcome? Decision,
    decimal ApprovedQuantity,
    decimal FilledQuantity,
    decimal? FillPrice,
    BacktestOrderStatus Status,
    string? FailureCode,
    string? FailureReason,
    IReadOnlyList<BacktestRuleHit> Breaches);

/// <summary>A rule an order breached: the rule's index in the input, its action, the values in the rule's unit and the engine's reason.</summary>
public sealed record BacktestRuleHit(int RuleIndex, RiskAction Action, decimal Observed, decimal Limit, string Reason);

/// <summary>When in the day the monitor looked: at the open (after the overnight move, before the day's orders) or at the close.</summary>
public enum BacktestTick
{
    Open,
    Close,
}

/// <summary>
/// A breach episode the monitor opened, with what it did about it: the liquidations (filled at the tick's price) and the trading
/// state it entered (halted or reducing), if any.
/// </summary>
public sealed record BacktestMonitorEvent(
    DateOnly Date,
    BacktestTick Tick,
    int RuleIndex,
    string? Symbol,
    RiskAction Action,
    decimal Observed,
    decimal Limit,
    string Reason,
    int CancelledOrders,
    IReadOnlyList<BacktestFill> Liquidations,
    TradingState? TradingState);

/// <summary>A fill of the simulated paper broker.</summary>
public sealed record BacktestFill(string Symbol, OrderSide Side, decimal Quantity, decimal Price);

/// <summary>Equity at a day's close and its drawdown from the highest close so far (starting cash included), in percent.</summary>
public sealed record BacktestCurvePoint(DateOnly Date, decimal Equity, decimal DrawdownPercent);

/// <summary>One day's change of equity from the previous close (the starting cash before the first day).</summary>
public sealed record BacktestDay(DateOnly Date, decimal Pnl, decimal ReturnPercent);

/// <summary>How often one rule fired: pre-trade breaches (alerts included) and monitor episodes, and the first and last date either happened.</summary>
public sealed record BacktestRuleSummary(int RuleIndex, RiskRule Rule, int PreTradeHits, int MonitorHits, DateOnly? FirstHit, DateOnly? LastHit);
