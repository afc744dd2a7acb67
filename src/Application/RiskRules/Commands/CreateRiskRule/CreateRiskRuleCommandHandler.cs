using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.RiskRules.Specifications;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Commands.CreateRiskRule;

/// <summary>Refuses a rule beyond <see cref="RiskCheckOptions.MaxRulesPerUser"/> (409 <c>risk_rule.limit_reached</c>), counted under the user's lock.</summary>
internal sealed class CreateRiskRuleCommandHandler(
    IRepository<RiskRule> rules,
    ICurrentUser currentUser,
    AuditScope audit,
    ITradingLock userLock,
    IOptions<RiskCheckOptions> options) : IRequestHandler<CreateRiskRuleCommand, Guid>
{
    public async Task<Guid> Handle(CreateRiskRuleCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();

        // Count-then-insert: without the user's lock two concurrent creates both see room for one more rule.
        await userLock.AcquireAsync(userId, cancellationToken);
        var maxRules = options.Value.MaxRulesPerUser;
        if (await rules.CountAsync(new RiskRulesOwnedBySpec(userId), cancellationToken) >= maxRules)
        {
            throw new ConflictException("risk_rule.limit_reached", $"A user may hold at most {maxRules} risk rules; delete one first.");
        }

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
        return rule.Id;
    }
}
