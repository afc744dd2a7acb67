using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Common;

/// <summary>The answer to a registration: the only time the signing <see cref="Secret"/> is shown (mapped in <see cref="WebhookDtoMapping"/>).</summary>
public sealed record RegisteredWebhookDto(
    Guid Id,
    string Url,
    IReadOnlyList<NotificationType> NotificationTypes,
    string Secret,
    bool IsActive,
    DateTime CreatedAt);
