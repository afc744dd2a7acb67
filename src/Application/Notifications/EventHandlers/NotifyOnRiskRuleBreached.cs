using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.RiskRules.Events;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>
/// A rule breached → a <c>risk_breach</c> notification whose priority follows the rule's action:
/// alert → medium, block and reduce_size → high, close_position and close_all → urgent.
/// </summary>
internal sealed class NotifyOnRiskRuleBreached(NotificationDispatcher dispatcher) : IDomainEventHandler<RiskRuleBreached>
{
    public Task Handle(RiskRuleBreached domainEvent, CancellationToken cancellationToken)
    {
        var action = WireEnum.Name(domainEvent.Action);
        var where = domainEvent.Symbol is null ? string.Empty : $" on {domainEvent.Symbol}";
        return dispatcher.CreateAsync(
            new NewNotification(
                domainEvent.UserId,
                NotificationType.RiskBreach,
                NotificationPriorities.ForRiskAction(action),
                $"Risk rule \"{domainEvent.RuleName}\" breached{where}",
                $"{WireEnum.Name(domainEvent.RuleType)} observed {NotificationText.Number(domainEvent.Observed)} against a limit of "
                    + $"{NotificationText.Number(domainEvent.Limit)} ({WireEnum.Name(domainEvent.ThresholdUnit)}); action: {action}."
                    + (domainEvent.Reason is null ? string.Empty : $" {domainEvent.Reason}"),
                NotificationText.Data(new
                {
                    domainEvent.RuleId,
                    domainEvent.RuleName,
                    RuleType = WireEnum.Name(domainEvent.RuleType),
                    Action = action,
                    domainEvent.Observed,
                    domainEvent.Limit,
                    ThresholdUnit = WireEnum.Name(domainEvent.ThresholdUnit),
                    domainEvent.Symbol,
                }),
                OrderId: domainEvent.OrderId),
            cancellationToken);
    }
}
