namespace RiskPlatform.Web.Client;

/// <summary>
/// Wire shapes of <c>POST /risk-rules/backtest</c> (the parts the web app shows). The request goes as multipart/form-data: the
/// orders as a CSV file, the other fields as form fields (<see cref="BacktestForm"/>).
/// </summary>
public sealed record BacktestForm(
    string OrdersCsv, decimal? StartingCash, DateOnly? From, DateOnly? To, IReadOnlyList<BacktestDraftRule>? Rules = null);

/// <summary>
/// A rule that is not stored, for a backtest: the creation shape without description and state. A backtest with drafts uses
/// them instead of the account's active rules.
/// </summary>
public sealed record BacktestDraftRule(
    string Name, string RuleType, decimal? ThresholdValue, string ThresholdUnit, string Action, IReadOnlyList<string> Symbols, RiskRuleParameters? Params);

/// <summary>A small backtest answers at once (<see cref="Result"/>); a large one is a job to poll (<see cref="Job"/>).</summary>
public sealed record BacktestAnswer(BacktestResult? Result, BacktestJob? Job);

public sealed record BacktestResult(
    bool Simulated,
    string Note,
    BacktestInputs Inputs,
    IReadOnlyList<BacktestRuleHits> Rules,
    IReadOnlyList<BacktestOrder> Orders,
    IReadOnlyList<BacktestMonitorEvent> MonitorEvents,
    BacktestRun WithRules,
    BacktestRun WithoutRules);

public sealed record BacktestInputs(
    DateOnly From, DateOnly To, decimal StartingCash, int Orders, int TradingDays, string RulesSource, int Rules, IReadOnlyList<string> Assumptions);

public sealed record BacktestRuleHits(int Index, string Name, string RuleType, string Action, int Hits, int PreTradeHits, int MonitorHits);

public sealed record BacktestOrder(
    int Index,
    DateOnly Date,
    string Symbol,
    string Side,
    decimal Qty,
    string Decision,
    decimal ApprovedQty,
    decimal FilledQty,
    decimal? FillPrice,
    string Status,
    string? Reason,
    IReadOnlyList<BacktestBreach> Breaches);

public sealed record BacktestBreach(string RuleName, string Action, decimal Observed, decimal Limit, string Reason);

public sealed record BacktestMonitorEvent(
    DateOnly Date, string At, string RuleName, string Action, string? Symbol, decimal Observed, decimal Limit, string Reason, int CancelledOrders);

public sealed record BacktestRun(
    decimal FinalEquity,
    decimal TotalReturnPercent,
    decimal MaxDrawdownPercent,
    string FinalTradingState,
    int OrdersFilled,
    int OrdersNotFilled,
    IReadOnlyList<BacktestCurvePoint> Curve);

public sealed record BacktestCurvePoint(DateOnly Date, decimal Equity, decimal DrawdownPercent);

/// <summary>A backtest job (<c>GET /risk-rules/backtest/{id}</c>): queued, running, succeeded (with its result) or failed.</summary>
public sealed record BacktestJob(Guid Id, string Status, DateTime SubmittedAt, string? Error, BacktestResult? Result)
{
    public bool IsFinished => Status is "succeeded" or "failed";
}
