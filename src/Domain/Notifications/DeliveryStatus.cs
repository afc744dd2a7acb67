namespace RiskPlatform.Domain.Notifications;

/// <summary>State of one channel attempt (<see cref="NotificationDelivery"/>).</summary>
public enum DeliveryStatus
{
    /// <summary>Due now (or at <see cref="NotificationDelivery.NextAttemptAt"/> after a transient failure).</summary>
    Pending,

    /// <summary>Held back by quiet hours; due at <see cref="NotificationDelivery.NextAttemptAt"/>, the end of the window.</summary>
    Scheduled,

    Sent,

    /// <summary>Terminal: a permanent failure, or the last of <see cref="NotificationDelivery.MaxAttempts"/> attempts failed.</summary>
    Failed,

    /// <summary>Terminal: the user's preferences (or quiet hours, for websocket) ruled the channel out.</summary>
    Suppressed,

    /// <summary>Terminal: the channel is not built (push) or not configured (email without SMTP, sms without Twilio). Never stored.</summary>
    Unsupported,
}
