namespace RiskPlatform.Domain.RiskRules;

/// <summary>The unit of a rule's threshold. Wire values: <c>percent</c>, <c>dollars</c>, <c>shares</c>, <c>count</c>, <c>ratio</c>.</summary>
public enum ThresholdUnit
{
    Percent,
    Dollars,
    Shares,
    Count,
    Ratio,
}
