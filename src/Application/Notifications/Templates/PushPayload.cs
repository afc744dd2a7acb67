using System.Text.Json;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Templates;

/// <summary>
/// The JSON a browser's service worker receives (encrypted to that browser, RFC 8291) and shows as a notification:
/// <c>{id, type, priority, title, body, created_at, url}</c>. The title and a short body only, never <c>data</c> (it can
/// carry account details and would show on a lock screen); small enough for one 4 KiB push record whatever the input.
/// </summary>
public static class PushPayload
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 300;

    /// <summary>Where the web app lists notifications; the service worker opens it on a click.</summary>
    public const string InboxPath = "/notifications";

    public static string Render(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var urgent = notification.Priority == NotificationPriority.Urgent ? "[URGENT] " : string.Empty;
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = notification.Id,
            ["type"] = WireEnum.Name(notification.Type),
            ["priority"] = WireEnum.Name(notification.Priority),
            ["title"] = Cut(urgent + NotificationTemplates.ProductName + ": " + notification.Title, TitleMaxLength),
            ["body"] = Cut(notification.Message, BodyMaxLength),
            ["created_at"] = DateTime.SpecifyKind(notification.CreatedAt, DateTimeKind.Utc),
            ["url"] = InboxPath,
        });
    }

    private static string Cut(string? text, int max)
    {
        var single = string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (single.Length <= max)
        {
            return single;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(single[cut - 1]))
        {
            cut--;
        }

        return single[..cut] + "…";
    }
}
