namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>How one rule judged a proposed order.</summary>
public enum RuleOutcome
{
    /// <summary>Within the limit (exactly at the limit passes).</summary>
    Passed,

    /// <summary>Over the limit; the rule's action applies.</summary>
    Breached,

    /// <summary>Over the limit, but the order only reduces an existing position, so a non-alert action does not apply.</summary>
    Waived,
}
