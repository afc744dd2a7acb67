using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Events;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>A webhook endpoint was disabled after a run of failures → a <c>system_alert</c> (high) telling its owner.</summary>
internal sealed class NotifyOnWebhookEndpointDisabled(NotificationDispatcher dispatcher) : IDomainEventHandler<WebhookEndpointDisabled>
{
    public Task Handle(WebhookEndpointDisabled domainEvent, CancellationToken cancellationToken) =>
        dispatcher.CreateAsync(
            new NewNotification(
                domainEvent.UserId,
                NotificationType.SystemAlert,
                NotificationPriority.High,
                "Webhook endpoint disabled",
                $"Your webhook endpoint {domainEvent.Url} failed {domainEvent.ConsecutiveFailures} times in a row and no longer receives notifications. Last error: {domainEvent.Reason}. Fix it, then register it again.",
                NotificationText.Data(new
                {
                    WebhookId = domainEvent.EndpointId,
                    domainEvent.Url,
                    domainEvent.ConsecutiveFailures,
                    domainEvent.Reason,
                })),
            cancellationToken);
}
