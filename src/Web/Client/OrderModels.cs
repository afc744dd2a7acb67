namespace RiskPlatform.Web.Client;

/// <summary>Wire shapes of <c>/api/v1/orders</c>.</summary>
public sealed record OrderRequest(string Symbol, string Side, decimal? Qty, string Type, decimal? LimitPrice);

public sealed record Order(
    Guid Id,
    string Symbol,
    string Side,
    string Type,
    decimal RequestedQty,
    decimal Qty,
    decimal? LimitPrice,
    string Status,
    decimal FilledQty,
    decimal? AverageFillPrice,
    string? RejectReason,
    string Decision,
    BindingRule? BindingRule,
    IReadOnlyList<RuleBreach> Alerts,
    DateTime CreatedAt)
{
    public bool IsOpen => Status is "new" or "partially_filled";
}

public sealed record BindingRule(Guid Id, string RuleType);

/// <summary>One rule an order breached: in a blocked order's problem (<c>breaches</c>) and in an order's <c>alerts</c>.</summary>
public sealed record RuleBreach(Guid RuleId, string RuleName, string RuleType, decimal Observed, decimal Limit, string Action, string? Message);

/// <summary>The body of <c>POST /risk-rules/test</c>: "would this order pass?", judged like an order, nothing stored.</summary>
public sealed record RiskTestRequest(string Symbol, string Side, decimal? OrderQty, string Type, decimal? LimitPrice);

/// <summary>The answer of <c>POST /risk-rules/test</c> (the parts the web app shows).</summary>
public sealed record RiskTestResult(
    string Symbol, decimal Qty, string Outcome, bool WouldBlock, bool WouldWarn, decimal? WouldReduceTo, string? FailureCode, string? Reason,
    IReadOnlyList<RiskTestBreach> Breaches);

public sealed record RiskTestBreach(Guid RuleId, string RuleName, string RuleType, decimal Threshold, decimal CurrentValue, string Action, string? Message);

/// <summary>The answer of <c>GET /risk-rules/max-quantity</c>.</summary>
public sealed record MaxQuantityAnswer(
    string Symbol, string Side, decimal? MaxQuantity, string? BindingRuleName, string? BindingRuleType, bool LimitedByReduceOnly,
    decimal ReferencePrice, string? FailureCode, string? BindingTradingState);
