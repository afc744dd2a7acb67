using Mapster;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Common;

/// <summary>A registered webhook endpoint as its owner reads it: never the secret.</summary>
public sealed record WebhookDto(
    Guid Id,
    string Url,
    IReadOnlyList<NotificationType> NotificationTypes,
    bool IsActive,
    int ConsecutiveFailures,
    DateTime? LastSuccessAt,
    DateTime? LastFailureAt,
    DateTime? DisabledAt,
    string? DisabledReason,
    DateTime? PreviousSecretExpiresAt,
    DateTime CreatedAt,
    DateTime UpdatedAt);

internal sealed class WebhookDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<WebhookEndpoint, WebhookDto>();
        config.NewConfig<WebhookEndpoint, RegisteredWebhookDto>();
    }
}
