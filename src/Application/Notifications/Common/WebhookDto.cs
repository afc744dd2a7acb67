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
        // The stored secret is sealed: never mapped; the registration puts the new secret in (the only time it is shown).
        config.NewConfig<WebhookEndpoint, RegisteredWebhookDto>().Map(d => d.Secret, _ => string.Empty);
    }
}
