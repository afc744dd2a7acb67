using MediatR;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Commands.UpdateRiskRule;

/// <summary>
/// A partial update of one of the caller's rules, with the semantics of <see cref="RiskRuleUpdate"/>: a null member leaves the field
/// unchanged; <see cref="Description"/> set to an empty string clears it; <see cref="ClearStrategyId"/> makes the rule apply to every
/// strategy; <see cref="Symbols"/> replaces the whole list (empty: every symbol); <see cref="Params"/> sets window_seconds.
/// </summary>
public sealed record UpdateRiskRuleCommand(
    Guid Id,
    string? Name = null,
    string? Description = null,
    RiskRuleType? RuleType = null,
    decimal? ThresholdValue = null,
    ThresholdUnit? ThresholdUnit = null,
    RiskAction? Action = null,
    bool? IsActive = null,
    Guid? StrategyId = null,
    bool ClearStrategyId = false,
    IReadOnlyList<string>? Symbols = null,
    RiskRuleParams? Params = null) : IAccountCommand<Unit>;
