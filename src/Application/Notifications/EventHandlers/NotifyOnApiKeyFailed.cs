using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.ApiKeys.Events;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>An API key was deactivated (broker rejections or a failed integrity check) → an <c>api_key_failed</c> notification (high).</summary>
internal sealed class NotifyOnApiKeyFailed(NotificationDispatcher dispatcher) : IDomainEventHandler<ApiKeyFailed>
{
    public Task Handle(ApiKeyFailed domainEvent, CancellationToken cancellationToken) =>
        dispatcher.CreateAsync(
            new NewNotification(
                domainEvent.UserId,
                NotificationType.ApiKeyFailed,
                NotificationPriority.High,
                $"API key \"{domainEvent.Name}\" was deactivated",
                $"Your {WireEnum.Name(domainEvent.Broker)} API key \"{domainEvent.Name}\" stopped working and is now inactive: {domainEvent.Reason}",
                NotificationText.Data(new
                {
                    domainEvent.ApiKeyId,
                    Broker = WireEnum.Name(domainEvent.Broker),
                    domainEvent.Name,
                    domainEvent.Reason,
                    domainEvent.ConsecutiveRejections,
                })),
            cancellationToken);
}
