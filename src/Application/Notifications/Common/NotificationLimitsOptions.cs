using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Common;

/// <summary>
/// Limits read from section <c>Notifications</c>: <c>Notifications:Caps:&lt;channel&gt;:PerHour|PerDay</c> (email, sms,
/// webhook; none by default) and <c>Notifications:TestNotificationsPerHour</c>.
/// </summary>
public sealed class NotificationLimitsOptions
{
    public const string SectionName = "Notifications";

    /// <summary><c>POST /notifications/test</c> calls one user may make in an hour.</summary>
    public int TestNotificationsPerHour { get; set; } = 20;

    /// <summary>By channel name (case does not matter).</summary>
    public Dictionary<string, ChannelCap> Caps { get; set; } = [];

    public ChannelCap? CapFor(NotificationChannel channel) =>
        Caps.FirstOrDefault(c => string.Equals(c.Key, channel.ToString(), StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>Deliveries one user may get on a channel per hour and per day (unset or 0: no cap).</summary>
public sealed class ChannelCap
{
    public int? PerHour { get; set; }

    public int? PerDay { get; set; }
}
