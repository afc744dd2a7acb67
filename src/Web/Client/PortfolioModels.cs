namespace RiskPlatform.Web.Client;

/// <summary>Wire shapes of <c>GET /risk-rules/portfolio-risk</c> and <c>/trading/*</c> (the fields the app shows).</summary>
public sealed record PortfolioRisk
{
    public decimal AccountValue { get; init; }

    public decimal Cash { get; init; }

    public decimal BuyingPower { get; init; }

    public decimal TotalPositionValue { get; init; }

    public int NumberOfPositions { get; init; }

    public decimal DailyPl { get; init; }

    public decimal DailyPlPercent { get; init; }

    public decimal Leverage { get; init; }

    public decimal CurrentDrawdown { get; init; }

    public decimal CurrentDrawdownPercent { get; init; }

    public decimal HighWaterMark { get; init; }

    public string TradingState { get; init; } = "active";

    public string? TradingStateReason { get; init; }

    public DateTime TradingStateSince { get; init; }

    public IReadOnlyList<RuleUtilisation> RuleUtilisation { get; init; } = [];
}

public sealed record RuleUtilisation(
    Guid RuleId,
    string RuleName,
    string RuleType,
    string ThresholdUnit,
    string Action,
    string? Symbol,
    decimal? Observed,
    decimal Limit,
    decimal? Utilisation,
    bool IsBreached);

public sealed record TradingStateView(string State, string? Reason, DateTime? Since, DateTime? ReducingUntil);

public sealed record HaltRequest(string? Reason);

public sealed record EquityHistory(DateTime From, DateTime To, string Interval, IReadOnlyList<EquityHistoryPoint> Points);

public sealed record EquityHistoryPoint(DateTime At, decimal Equity, decimal Drawdown, decimal DrawdownPercent);

/// <summary>
/// The hub's <c>portfolio_marked</c> event: the account's figures at its latest mark (after a monitor run — every fill queues
/// one —, a halt or a resume), named as in <c>GET /risk-rules/portfolio-risk</c>.
/// </summary>
public sealed record PortfolioMark(
    decimal Equity,
    decimal Cash,
    decimal DailyPl,
    decimal DailyPlPercent,
    decimal CurrentDrawdown,
    decimal CurrentDrawdownPercent,
    decimal HighWaterMark,
    string TradingState,
    string? TradingStateReason,
    DateTime MarkedAt);
