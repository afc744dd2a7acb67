using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Commands.CreateRiskRule;

internal sealed class CreateRiskRuleCommandHandler(IRepository<RiskRule> rules, ICurrentUser currentUser, AuditScope audit)
    : IRequestHandler<CreateRiskRuleCommand, Guid>
{
    public Task<Guid> Handle(CreateRiskRuleCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var rule = RiskRuleFieldErrors.Translate(() => RiskRule.Create(
            userId,
            request.Name!,
            request.Description,
            request.RuleType!.Value,
            request.ThresholdValue!.Value,
            request.ThresholdUnit,
            request.Action,
            request.IsActive,
            request.StrategyId,
            request.Symbols,
            request.Params?.WindowSeconds,
            lookbackDays: request.Params?.LookbackDays,
            sectors: request.Params?.Sectors));

        rules.Add(rule);
        audit.Target("risk_rule", rule.Id).Describe($"Created risk rule: {RiskRuleAudit.Describe(rule)}");
        return Task.FromResult(rule.Id);
    }
}
