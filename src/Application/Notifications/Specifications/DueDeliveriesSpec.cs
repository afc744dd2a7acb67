using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>Deliveries of one outbox channel due at <paramref name="now"/> (pending or scheduled, next attempt reached), oldest due first.</summary>
public sealed class DueDeliveriesSpec : Specification<NotificationDelivery>
{
    public DueDeliveriesSpec(NotificationChannel channel, DateTime now, int take)
    {
        Query.Where(d => d.Channel == channel
                && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Scheduled)
                && d.NextAttemptAt != null
                && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt)
            .Take(take);
    }
}
