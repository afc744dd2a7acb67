using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>
/// The user's rows on a channel created since <paramref name="since"/>: those that went or will go out (every status but
/// suppressed), or only those suppressed for <paramref name="reason"/>. Counted for the caps.
/// </summary>
public sealed class ChannelDeliveriesSinceSpec : Specification<NotificationDelivery>
{
    public ChannelDeliveriesSinceSpec(Guid userId, NotificationChannel channel, DateTime since, string? reason = null)
    {
        Query.Where(d => d.UserId == userId && d.Channel == channel && d.CreatedAt >= since);
        if (reason is null)
        {
            Query.Where(d => d.Status != DeliveryStatus.Suppressed);
        }
        else
        {
            Query.Where(d => d.Status == DeliveryStatus.Suppressed && d.StatusReason == reason);
        }
    }
}
