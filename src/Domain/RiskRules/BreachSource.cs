namespace RiskPlatform.Domain.RiskRules;

/// <summary>Where a breach was detected: checking an order before it was sent, or the portfolio monitor as prices moved.</summary>
public enum BreachSource
{
    PreTrade,
    Monitor,
}
