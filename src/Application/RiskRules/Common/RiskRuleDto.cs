using Mapster;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Common;

/// <summary>A risk rule as the clients read it: the wire contract's fields plus <c>symbols</c> and <c>params</c>.</summary>
public sealed record RiskRuleDto(
    Guid Id,
    Guid UserId,
    string Name,
    string? Description,
    RiskRuleType RuleType,
    decimal ThresholdValue,
    ThresholdUnit ThresholdUnit,
    RiskAction Action,
    bool IsActive,
    Guid? StrategyId,
    IReadOnlyList<string> Symbols,
    RiskRuleParams Params,
    int BreachCount,
    DateTime? LastBreachAt,
    DateTime CreatedAt,
    DateTime UpdatedAt);

internal sealed class RiskRuleDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<RiskRule, RiskRuleDto>()
        .Map(d => d.Symbols, s => s.Symbols)
        .Map(d => d.Params, s => new RiskRuleParams(s.WindowSeconds, s.LookbackDays, s.Sectors.Count > 0 ? s.Sectors : null));
}
