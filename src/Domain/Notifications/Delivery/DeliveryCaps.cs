namespace RiskPlatform.Domain.Notifications.Delivery;

/// <summary>
/// Per-user caps per channel and hour or day: beyond one, the channel's deliveries are suppressed (<c>cap_reached</c>).
/// Only the outbound channels that cost money or attention are capped; what must reach the trader is never capped.
/// </summary>
public static class DeliveryCaps
{
    public static readonly NotificationChannel[] CappedChannels = [NotificationChannel.Email, NotificationChannel.Sms, NotificationChannel.Webhook];

    /// <summary>Urgent notifications (liquidations, failed closes) and trading halts always go out.</summary>
    public static bool IsExempt(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification.Priority == NotificationPriority.Urgent || notification.Type == NotificationType.TradingHalted;
    }

    /// <summary>Whether <paramref name="sentInWindow"/> rows (not suppressed) in the window reach a cap; a null or non-positive cap is none.</summary>
    public static bool Reached(int? cap, int sentInWindow) => cap is > 0 && sentInWindow >= cap;
}
