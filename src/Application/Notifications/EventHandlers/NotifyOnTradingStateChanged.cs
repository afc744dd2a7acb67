using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.Portfolio.Events;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>
/// The trading state changed → a <c>trading_halted</c> notification: urgent when trading halted, medium for any other change
/// (reducing, resumed, reducing ended).
/// </summary>
internal sealed class NotifyOnTradingStateChanged(NotificationDispatcher dispatcher) : IDomainEventHandler<TradingStateChanged>
{
    public Task Handle(TradingStateChanged domainEvent, CancellationToken cancellationToken)
    {
        var from = WireEnum.Name(domainEvent.From);
        var to = WireEnum.Name(domainEvent.To);
        var title = domainEvent.To switch
        {
            TradingState.Halted => "Trading halted",
            TradingState.Reducing => "Trading restricted to reducing exposure",
            _ => "Trading resumed",
        };
        return dispatcher.CreateAsync(
            new NewNotification(
                domainEvent.UserId,
                NotificationType.TradingHalted,
                domainEvent.To == TradingState.Halted ? NotificationPriority.Urgent : NotificationPriority.Medium,
                title,
                $"Trading state changed from {from} to {to}: {domainEvent.Reason}.",
                NotificationText.Data(new { From = from, To = to, domainEvent.Reason, domainEvent.OccurredAt })),
            cancellationToken);
    }
}
