using RiskPlatform.Domain.Portfolio.Metrics;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioRisk;

/// <summary>One active rule's observed value against its limit (utilisation = observed ÷ limit; null when not observable).</summary>
public sealed record RuleUtilisationDto(
    Guid RuleId,
    string RuleName,
    RiskRuleType RuleType,
    ThresholdUnit ThresholdUnit,
    RiskAction Action,
    string? Symbol,
    decimal? Observed,
    decimal Limit,
    decimal? Utilisation,
    bool IsBreached)
{
    public static RuleUtilisationDto From(RuleUtilisation u) =>
        new(u.RuleId, u.RuleName, u.RuleType, u.ThresholdUnit, u.Action, u.Symbol, u.Observed, u.Limit, u.Utilisation, u.IsBreached);
}
