using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Trading.Events;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>An order filled → an <c>order_filled</c> notification (medium).</summary>
internal sealed class NotifyOnOrderFilled(NotificationDispatcher dispatcher) : IDomainEventHandler<OrderFilled>
{
    public Task Handle(OrderFilled domainEvent, CancellationToken cancellationToken) =>
        dispatcher.CreateAsync(
            new NewNotification(
                domainEvent.UserId,
                NotificationType.OrderFilled,
                NotificationPriority.Medium,
                $"{NotificationText.Side(domainEvent.Side)} {NotificationText.Number(domainEvent.Quantity)} {domainEvent.Symbol} filled at {NotificationText.Number(domainEvent.Price)}",
                $"Your order to {WireEnum.Name(domainEvent.Side)} {NotificationText.Number(domainEvent.Quantity)} {domainEvent.Symbol} was filled at {NotificationText.Number(domainEvent.Price)}.",
                NotificationText.Data(new
                {
                    domainEvent.Symbol,
                    Side = WireEnum.Name(domainEvent.Side),
                    domainEvent.Quantity,
                    domainEvent.Price,
                    FilledAt = domainEvent.OccurredAt,
                }),
                OrderId: domainEvent.OrderId),
            cancellationToken);
}
