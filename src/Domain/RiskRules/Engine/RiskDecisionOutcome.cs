namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>The overall verdict on a proposed order.</summary>
public enum RiskDecisionOutcome
{
    /// <summary>Submit the order as requested (alerts may still have fired).</summary>
    Accepted,

    /// <summary>Submit <see cref="RiskDecision.ApprovedQuantity"/> instead of the requested quantity.</summary>
    Reduced,

    /// <summary>Do not submit.</summary>
    Blocked,
}
