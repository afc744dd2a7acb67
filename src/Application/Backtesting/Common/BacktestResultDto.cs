using RiskPlatform.Domain.Backtesting;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>
/// What a backtest found (<c>POST /risk-rules/backtest</c>, or a job's <c>result</c>). It is a simulation: <see cref="Simulated"/>
/// is always true and <see cref="Note"/> says that nothing was written to the account. The same plan gives the same bytes.
/// </summary>
public sealed record BacktestResultDto(
    bool Simulated,
    string Note,
    BacktestInputsDto Inputs,
    IReadOnlyList<BacktestRuleDto> Rules,
    IReadOnlyList<BacktestOrderDto> Orders,
    IReadOnlyList<BacktestMonitorEventDto> MonitorEvents,
    BacktestRunDto WithRules,
    BacktestRunDto WithoutRules)
{
    public const string NothingWritten =
        "Simulation only: nothing was written to your account (no order, position, breach, breach episode, notification or trading-state change).";

    public static readonly IReadOnlyList<string> Assumptions =
    [
        "Days are the New York dates that have a stored daily bar of any ordered symbol (or an order) from 'from' to 'to'.",
        "Each day: positions are marked at the open and the monitor looks; the day's orders are placed at the open in input order and judged by the trading state, then the pre-trade engine; market orders fill at the open; a limit order fills at the open when marketable, else at its limit if the day's low (buy) or high (sell) reaches it, else it expires at the close; positions are marked at the close and the monitor looks again.",
        "An order whose symbol has no bar that day has no quote, and the engine blocks it (QUOTE_UNAVAILABLE), as it would for real.",
        "The monitor's liquidations fill at the price of the open or close it looked at; a halt (close_all) lasts to the end; a reducing state ends at the next day.",
        "order_rate_limit counts the accepted orders of a day as placed at the same instant (the open).",
        "Equity is cash plus positions at their latest mark; the curve is the equity at each close; drawdown is measured from the highest close so far, the starting cash included.",
        "'without_rules' replays the same orders with no rule at all: only the engine's missing-quote and non-positive-equity checks apply.",
    ];

    public static BacktestResultDto From(BacktestPlan plan, BacktestResult result, IReadOnlyList<RiskRule> rules)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rules);
        var symbols = plan.Orders.Select(o => o.Symbol!.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var inputs = new BacktestInputsDto(
            plan.From,
            plan.To,
            plan.StartingCash,
            plan.Orders.Count,
            symbols,
            result.Days.Count,
            plan.RulesSource,
            rules.Count,
            "stored daily bars (price_bars)",
            Assumptions,
            new BacktestLimitsDto(BacktestLimits.MaxOrders, BacktestLimits.MaxSymbols, BacktestLimits.MaxRules, BacktestLimits.MaxRangeDays));

        var ruleDtos = result.Rules.Select(s => new BacktestRuleDto(
            s.RuleIndex,
            plan.Rules[s.RuleIndex].RuleId,
            s.Rule.Name,
            s.Rule.RuleType,
            s.Rule.ThresholdValue,
            s.Rule.ThresholdUnit,
            s.Rule.Action,
            s.PreTradeHits + s.MonitorHits,
            s.PreTradeHits,
            s.MonitorHits,
            s.FirstHit,
            s.LastHit)).ToList();

        BacktestBreachDto Breach(BacktestRuleHit hit) => new(
            hit.RuleIndex, plan.Rules[hit.RuleIndex].RuleId, rules[hit.RuleIndex].Name, rules[hit.RuleIndex].RuleType, hit.Action, hit.Observed, hit.Limit, hit.Reason);

        var orders = result.WithRules.Orders.Select(o => new BacktestOrderDto(
            o.Order.Index,
            o.Order.Date,
            o.Order.Symbol,
            o.Order.Side,
            o.Order.Quantity,
            o.Order.Type,
            o.Order.LimitPrice,
            Decision(o),
            o.ApprovedQuantity,
            o.FilledQuantity,
            o.FillPrice,
            o.Status,
            o.FailureCode,
            o.FailureReason,
            [.. o.Breaches.Select(Breach)])).ToList();

        var events = result.WithRules.MonitorEvents.Select(e => new BacktestMonitorEventDto(
            e.Date,
            e.Tick,
            e.RuleIndex,
            plan.Rules[e.RuleIndex].RuleId,
            rules[e.RuleIndex].Name,
            rules[e.RuleIndex].RuleType,
            e.Action,
            e.Symbol,
            e.Observed,
            e.Limit,
            e.Reason,
            e.CancelledOrders,
            [.. e.Liquidations.Select(l => new BacktestFillDto(l.Symbol, l.Side, l.Quantity, l.Price))],
            e.TradingState)).ToList();

        return new BacktestResultDto(
            true, NothingWritten, inputs, ruleDtos, orders, events, BacktestRunDto.From(result.WithRules, plan.StartingCash),
            BacktestRunDto.From(result.WithoutRules, plan.StartingCash));
    }

    private static BacktestDecision Decision(BacktestOrderOutcome outcome) => outcome.Decision switch
    {
        null => BacktestDecision.Refused,
        RiskDecisionOutcome.Accepted => BacktestDecision.Accepted,
        RiskDecisionOutcome.Reduced => BacktestDecision.Reduced,
        _ => BacktestDecision.Blocked,
    };
}

/// <summary>What was replayed, how, and the limits that apply.</summary>
public sealed record BacktestInputsDto(
    DateOnly From,
    DateOnly To,
    decimal StartingCash,
    int Orders,
    IReadOnlyList<string> Symbols,
    int TradingDays,
    BacktestRulesSource RulesSource,
    int Rules,
    string PriceSource,
    IReadOnlyList<string> Assumptions,
    BacktestLimitsDto Limits);

/// <summary>The size limits of one backtest (see <see cref="BacktestLimits"/>).</summary>
public sealed record BacktestLimitsDto(int MaxOrders, int MaxSymbols, int MaxRules, int MaxRangeDays);

/// <summary>One rule and how often it fired: pre-trade breaches (alerts included) plus monitor episodes.</summary>
public sealed record BacktestRuleDto(
    int Index,
    Guid? RuleId,
    string Name,
    RiskRuleType RuleType,
    decimal ThresholdValue,
    ThresholdUnit ThresholdUnit,
    RiskAction Action,
    int Hits,
    int PreTradeHits,
    int MonitorHits,
    DateOnly? FirstHit,
    DateOnly? LastHit);

/// <summary>The engine's verdict on a replayed order. Wire values: <c>accepted</c>, <c>reduced</c>, <c>blocked</c>, <c>refused</c> (trading state).</summary>
public enum BacktestDecision
{
    Accepted,
    Reduced,
    Blocked,
    Refused,
}

/// <summary>One replayed order with the rules: the decision (reduced to <see cref="ApprovedQty"/>), how it ended, the rules it breached.</summary>
public sealed record BacktestOrderDto(
    int Index,
    DateOnly Date,
    string Symbol,
    OrderSide Side,
    decimal Qty,
    OrderType Type,
    decimal? LimitPrice,
    BacktestDecision Decision,
    decimal ApprovedQty,
    decimal FilledQty,
    decimal? FillPrice,
    BacktestOrderStatus Status,
    string? FailureCode,
    string? Reason,
    IReadOnlyList<BacktestBreachDto> Breaches);

/// <summary>A rule an order breached (alerts included), with the values in the rule's unit and the engine's reason.</summary>
public sealed record BacktestBreachDto(
    int RuleIndex,
    Guid? RuleId,
    string RuleName,
    RiskRuleType RuleType,
    RiskAction Action,
    decimal Observed,
    decimal Limit,
    string Reason);

/// <summary>A breach episode the monitor opened, when (date, open or close), and what it did: cancellations, liquidations, a halt or reducing.</summary>
public sealed record BacktestMonitorEventDto(
    DateOnly Date,
    BacktestTick At,
    int RuleIndex,
    Guid? RuleId,
    string RuleName,
    RiskRuleType RuleType,
    RiskAction Action,
    string? Symbol,
    decimal Observed,
    decimal Limit,
    string Reason,
    int CancelledOrders,
    IReadOnlyList<BacktestFillDto> Liquidations,
    TradingState? TradingState);

/// <summary>A liquidation's fill.</summary>
public sealed record BacktestFillDto(string Symbol, OrderSide Side, decimal Qty, decimal Price);

/// <summary>One run's figures and its curve: equity at each close and its drawdown from the highest close so far, in percent.</summary>
public sealed record BacktestRunDto(
    decimal FinalEquity,
    decimal TotalReturnPercent,
    decimal MaxDrawdownPercent,
    BacktestDayDto? WorstDay,
    TradingState FinalTradingState,
    int OrdersFilled,
    int OrdersNotFilled,
    IReadOnlyList<BacktestCurvePointDto> Curve)
{
    public static BacktestRunDto From(BacktestRunResult run, decimal startingCash)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(
            run.FinalEquity,
            startingCash > 0m ? Math.Round((run.FinalEquity - startingCash) / startingCash * 100m, 6) : 0m,
            run.MaxDrawdownPercent,
            run.WorstDay is { } worst ? new BacktestDayDto(worst.Date, worst.Pnl, worst.ReturnPercent) : null,
            run.FinalTradingState,
            run.Orders.Count(o => o.Status == BacktestOrderStatus.Filled),
            run.Orders.Count(o => o.Status != BacktestOrderStatus.Filled),
            [.. run.Curve.Select(p => new BacktestCurvePointDto(p.Date, p.Equity, p.DrawdownPercent))]);
    }
}

/// <summary>The day with the largest loss from the previous close (the starting cash before the first day).</summary>
public sealed record BacktestDayDto(DateOnly Date, decimal Pnl, decimal ReturnPercent);

/// <summary>One point of a curve.</summary>
public sealed record BacktestCurvePointDto(DateOnly Date, decimal Equity, decimal DrawdownPercent);
