using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Commands.CreateRiskRule;

/// <summary>
/// Creates a rule for the caller and returns its id. <see cref="RuleType"/>, <see cref="ThresholdValue"/> and <see cref="Name"/>
/// are required (nullable here only so that a missing one is reported by name instead of defaulting); the unit defaults to
/// percent, the action to alert. <see cref="Params"/> carries window_seconds for order_rate_limit.
/// </summary>
public sealed record CreateRiskRuleCommand(
    string? Name,
    RiskRuleType? RuleType,
    decimal? ThresholdValue,
    string? Description = null,
    ThresholdUnit ThresholdUnit = ThresholdUnit.Percent,
    RiskAction Action = RiskAction.Alert,
    bool IsActive = true,
    Guid? StrategyId = null,
    IReadOnlyList<string>? Symbols = null,
    RiskRuleParams? Params = null) : IAccountCommand<Guid>, IRiskRuleDefinition;
