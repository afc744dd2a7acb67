using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.RiskRules.Specifications;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Commands.DeleteRiskRule;

internal sealed class DeleteRiskRuleCommandHandler(IRepository<RiskRule> rules, ICurrentUser currentUser, AuditScope audit)
    : IRequestHandler<DeleteRiskRuleCommand, Unit>
{
    public async Task<Unit> Handle(DeleteRiskRuleCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        audit.Target("risk_rule", request.Id);
        var rule = await rules.FirstOrDefaultAsync(new RiskRuleByIdSpec(request.Id), cancellationToken)
            ?? throw new NotFoundException("Risk rule", request.Id);
        if (rule.UserId != userId)
        {
            throw new NotFoundException("Risk rule", request.Id, belongsToAnotherUser: true);
        }

        rules.Remove(rule);
        audit.Describe($"Deleted risk rule: {RiskRuleAudit.Describe(rule)}");
        return Unit.Value;
    }
}
