using System.Text.Json;
using System.Text.Json.Serialization;
using Mapster;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Common;

/// <summary>
/// A notification as the clients read it. <see cref="Data"/> is the stored JSON object (<c>{}</c> when there is none);
/// <see cref="DataJson"/> is its stored text, kept off the wire.
/// </summary>
public sealed record NotificationDto(
    Guid Id,
    Guid UserId,
    NotificationType Type,
    NotificationPriority Priority,
    string Title,
    string Message,
    [property: JsonIgnore] string DataJson,
    Guid? StrategyId,
    Guid? OrderId,
    Guid? TradeId,
    bool IsRead,
    DateTime? ReadAt,
    IReadOnlyList<NotificationChannel> SentVia,
    DateTime? DeliveredAt,
    DateTime CreatedAt,
    DateTime? ExpiresAt)
{
    [JsonPropertyOrder(1)]
    public JsonElement Data
    {
        get
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(DataJson) ? Notification.EmptyDataJson : DataJson);
            return document.RootElement.Clone();
        }
    }
}

internal sealed class NotificationDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Notification, NotificationDto>();
}
