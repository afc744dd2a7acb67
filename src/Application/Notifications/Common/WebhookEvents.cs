using System.Text.Json;
using RiskPlatform.Application.Common.Serialization;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.Notifications.Common;

/// <summary>
/// The JSON bodies sent to webhook endpoints, in the Standard Webhooks shape <c>{type, timestamp, data}</c>:
/// <c>notification.&lt;notification type&gt;</c> with the notification as the API returns it, or <see cref="PingType"/>.
/// </summary>
public static class WebhookEvents
{
    public const string PingType = "webhook.test";

    public static string ForNotification(NotificationDto notification, DateTimeOffset timestamp) =>
        JsonSerializer.Serialize(new WebhookEvent<NotificationDto>($"notification.{WireEnum.Name(notification.Type)}", timestamp, notification), WireJson.Options);

    public static string Ping(Guid webhookId, DateTimeOffset timestamp) =>
        JsonSerializer.Serialize(
            new WebhookEvent<WebhookPing>(PingType, timestamp, new WebhookPing(webhookId, "If you can read this, your endpoint receives RiskPlatform webhooks.")),
            WireJson.Options);

    private sealed record WebhookEvent<TData>(string Type, DateTimeOffset Timestamp, TData Data);

    private sealed record WebhookPing(Guid WebhookId, string Message);
}
