using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>Email deliveries due at <paramref name="now"/> (pending or scheduled, next attempt reached), oldest due first.</summary>
public sealed class DueEmailDeliveriesSpec : Specification<NotificationDelivery>
{
    public DueEmailDeliveriesSpec(DateTime now, int take)
    {
        Query.Where(d => d.Channel == NotificationChannel.Email
                && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Scheduled)
                && d.NextAttemptAt != null
                && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt)
            .Take(take);
    }
}
