namespace RiskPlatform.Domain.Notifications.Delivery;

/// <summary>One <see cref="ChannelDecision"/> per <see cref="NotificationChannel"/>, in channel order.</summary>
public sealed class DispatchPlan
{
    internal DispatchPlan(IReadOnlyList<ChannelDecision> decisions) => Decisions = decisions;

    public IReadOnlyList<ChannelDecision> Decisions { get; }

    public ChannelDecision For(NotificationChannel channel) => Decisions.Single(d => d.Channel == channel);

    /// <summary>
    /// One delivery row per decision (the audit trail of why a channel was or was not used), and the in-app delivery
    /// recorded on the notification when in-app was not suppressed. Add the notification and the rows in the same save.
    /// </summary>
    public IReadOnlyList<NotificationDelivery> CreateDeliveries(Notification notification, DateTime now)
    {
        var deliveries = Decisions.Select(d => NotificationDelivery.FromDecision(notification, d, now)).ToList();
        foreach (var decision in Decisions.Where(d => d.Status == DeliveryStatus.Sent))
        {
            notification.RecordDelivered(decision.Channel, now);
        }

        return deliveries;
    }
}
