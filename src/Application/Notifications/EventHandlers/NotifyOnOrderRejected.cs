using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Trading.Events;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>An order rejected → an <c>order_rejected</c> notification (high: the user expected it to trade).</summary>
internal sealed class NotifyOnOrderRejected(NotificationDispatcher dispatcher) : IDomainEventHandler<OrderRejected>
{
    public Task Handle(OrderRejected domainEvent, CancellationToken cancellationToken) =>
        dispatcher.CreateAsync(
            new NewNotification(
                domainEvent.UserId,
                NotificationType.OrderRejected,
                NotificationPriority.High,
                $"{NotificationText.Side(domainEvent.Side)} {NotificationText.Number(domainEvent.Quantity)} {domainEvent.Symbol} rejected",
                $"Your order to {WireEnum.Name(domainEvent.Side)} {NotificationText.Number(domainEvent.Quantity)} {domainEvent.Symbol} was rejected: {domainEvent.Reason}",
                NotificationText.Data(new
                {
                    domainEvent.Symbol,
                    Side = WireEnum.Name(domainEvent.Side),
                    domainEvent.Quantity,
                    domainEvent.Reason,
                }),
                OrderId: domainEvent.OrderId),
            cancellationToken);
}
