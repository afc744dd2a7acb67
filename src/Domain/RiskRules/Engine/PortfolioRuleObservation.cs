namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// One portfolio-level measurement of a rule by <see cref="RiskEngine.EvaluatePortfolio"/>: <see cref="Symbol"/> is null for
/// account-level rules (daily loss, drawdown, leverage) and set for per-symbol ones (position size, concentration,
/// stop_loss, take_profit). <see cref="Observed"/> and <see cref="Limit"/> are in the rule's threshold unit.
/// </summary>
public readonly record struct PortfolioRuleObservation(
    RiskRule Rule,
    string? Symbol,
    decimal Observed,
    decimal Limit,
    bool IsBreached,
    string? Reason)
{
    /// <summary>Observed ÷ limit (1 means exactly at the limit).</summary>
    public decimal Utilisation => RiskMath.Utilisation(Observed, Limit);

    public string? Code => IsBreached ? RiskReasonCodes.ForRuleType(Rule.RuleType) : null;
}
