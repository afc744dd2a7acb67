using Mapster;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Queries.ListRiskRuleBreaches;

/// <summary>
/// One breach as the clients display it (<c>rule_id, rule_name, rule_type, threshold_value, threshold_unit, current_value, action,
/// message, timestamp</c>) plus its id, the limit it was measured against, the symbol, the order and where it was detected.
/// <see cref="CurrentValue"/> is the observed value, in the rule's threshold unit like <see cref="Limit"/>.
/// </summary>
public sealed record RiskBreachDto(
    Guid Id,
    Guid RuleId,
    string RuleName,
    RiskRuleType RuleType,
    decimal ThresholdValue,
    ThresholdUnit ThresholdUnit,
    decimal CurrentValue,
    decimal Limit,
    RiskAction Action,
    string? Message,
    string? Symbol,
    Guid? OrderId,
    BreachSource Source,
    DateTime Timestamp);

internal sealed class RiskBreachDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<RiskBreach, RiskBreachDto>()
        .Map(d => d.CurrentValue, s => s.Observed)
        .Map(d => d.Timestamp, s => s.OccurredAt);
}
