namespace RiskPlatform.Domain.Notifications.Delivery;

/// <summary>
/// One <see cref="ChannelDecision"/> per <see cref="NotificationChannel"/>, in channel order; webhook has one per receiving
/// endpoint when there are any.
/// </summary>
public sealed class DispatchPlan
{
    internal DispatchPlan(IReadOnlyList<ChannelDecision> decisions) => Decisions = decisions;

    public IReadOnlyList<ChannelDecision> Decisions { get; }

    /// <summary>The decision for a channel (for webhook, the first endpoint's).</summary>
    public ChannelDecision For(NotificationChannel channel) => Decisions.First(d => d.Channel == channel);

    /// <summary>
    /// One delivery row per decision that <see cref="ChannelDecision.HasWork"/> (a channel the user asked for this
    /// notification on: sent, due, scheduled, or held back for a reason worth showing), and the in-app delivery recorded on
    /// the notification when in-app was not suppressed. Add the notification and the rows in the same save.
    /// </summary>
    public IReadOnlyList<NotificationDelivery> CreateDeliveries(Notification notification, DateTime now)
    {
        var deliveries = Decisions.Where(d => d.HasWork).Select(d => NotificationDelivery.FromDecision(notification, d, now)).ToList();
        foreach (var decision in Decisions.Where(d => d.Status == DeliveryStatus.Sent))
        {
            notification.RecordDelivered(decision.Channel, now);
        }

        return deliveries;
    }
}
