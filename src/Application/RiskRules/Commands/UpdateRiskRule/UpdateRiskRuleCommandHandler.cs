using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.RiskRules.Specifications;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Commands.UpdateRiskRule;

internal sealed class UpdateRiskRuleCommandHandler(IRepository<RiskRule> rules, ICurrentUser currentUser, AuditScope audit)
    : IRequestHandler<UpdateRiskRuleCommand, Unit>
{
    public async Task<Unit> Handle(UpdateRiskRuleCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        audit.Target("risk_rule", request.Id);
        var rule = await rules.FirstOrDefaultAsync(new RiskRuleByIdSpec(request.Id), cancellationToken)
            ?? throw new NotFoundException("Risk rule", request.Id);
        if (rule.UserId != userId)
        {
            throw new NotFoundException("Risk rule", request.Id, belongsToAnotherUser: true);
        }

        var changes = RiskRuleFieldErrors.Translate(() => rule.Update(new RiskRuleUpdate
        {
            Name = request.Name,
            Description = request.Description,
            RuleType = request.RuleType,
            ThresholdValue = request.ThresholdValue,
            ThresholdUnit = request.ThresholdUnit,
            Action = request.Action,
            IsActive = request.IsActive,
            StrategyId = request.StrategyId,
            ClearStrategyId = request.ClearStrategyId,
            Symbols = request.Symbols,
            WindowSeconds = request.Params?.WindowSeconds,
            LookbackDays = request.Params?.LookbackDays,
            Sectors = request.Params?.Sectors,
        }));

        audit.Describe($"Updated risk rule '{rule.Name}': {changes.Describe()}");
        return Unit.Value;
    }
}
