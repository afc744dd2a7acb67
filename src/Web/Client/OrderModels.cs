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
