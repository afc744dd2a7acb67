using Mapster;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Common;

/// <summary>
/// What happened (or will happen) on one channel: <c>status_reason</c> is a <c>DeliveryReasons</c> code; <c>attempts</c> counts
/// the sends tried so far and <c>last_error</c> says why the latest one failed (never a secret).
/// </summary>
public sealed record NotificationDeliveryDto(
    Guid Id,
    NotificationChannel Channel,
    DeliveryStatus Status,
    string? StatusReason,
    int Attempts,
    string? LastError,
    DateTime? NextAttemptAt,
    DateTime? SentAt,
    string? Recipient);

internal sealed class NotificationDeliveryDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<NotificationDelivery, NotificationDeliveryDto>();
}
