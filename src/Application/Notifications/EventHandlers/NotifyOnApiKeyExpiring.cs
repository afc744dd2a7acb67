using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.ApiKeys.Events;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>An API key expires within seven days (medium) or has expired (high) → an <c>api_key_expiring</c> notification.</summary>
internal sealed class NotifyOnApiKeyExpiring(NotificationDispatcher dispatcher) : IDomainEventHandler<ApiKeyExpiring>
{
    public Task Handle(ApiKeyExpiring domainEvent, CancellationToken cancellationToken)
    {
        var expired = domainEvent.Notice == ExpiryNotice.Expired;
        return dispatcher.CreateAsync(
            new NewNotification(
                domainEvent.UserId,
                NotificationType.ApiKeyExpiring,
                expired ? NotificationPriority.High : NotificationPriority.Medium,
                expired ? $"API key \"{domainEvent.Name}\" has expired" : $"API key \"{domainEvent.Name}\" expires soon",
                expired
                    ? $"Your {WireEnum.Name(domainEvent.Broker)} API key \"{domainEvent.Name}\" expired at {domainEvent.ExpiresAt:u}. Rotate it to keep trading."
                    : $"Your {WireEnum.Name(domainEvent.Broker)} API key \"{domainEvent.Name}\" expires at {domainEvent.ExpiresAt:u}. Rotate it before then.",
                NotificationText.Data(new
                {
                    domainEvent.ApiKeyId,
                    Broker = WireEnum.Name(domainEvent.Broker),
                    domainEvent.Name,
                    domainEvent.ExpiresAt,
                    Notice = WireEnum.Name(domainEvent.Notice),
                })),
            cancellationToken);
    }
}
