using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.RiskRules.Events;

namespace RiskPlatform.Application.RiskRules.EventHandlers;

/// <summary>Every recorded breach counts once on its rule, atomically, so concurrent orders never lose an increment.</summary>
internal sealed class CountBreachOnRiskRuleBreached(IRiskRuleBreachCounter counter) : IDomainEventHandler<RiskRuleBreached>
{
    public Task Handle(RiskRuleBreached domainEvent, CancellationToken cancellationToken) =>
        counter.IncrementAsync(domainEvent.RuleId, domainEvent.OccurredAt, cancellationToken);
}
