namespace RiskPlatform.Domain.RiskRules;

/// <summary>
/// What happens when a rule is breached. Members are declared from mildest to strictest, and
/// <see cref="RiskRuleCatalog.Severity"/> ranks them the same way (close_all &gt; close_position &gt; block &gt; reduce_size &gt; alert).
/// </summary>
public enum RiskAction
{
    Alert,
    ReduceSize,
    Block,
    ClosePosition,
    CloseAll,
}
