using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>
/// The open digest a new digest row of the user's on this channel and address joins: a leading row still waiting
/// (scheduled, <c>digest</c>, not itself joined) and due after <paramref name="now"/> but no later than the new row would be.
/// </summary>
public sealed class OpenDigestLeaderSpec : Specification<NotificationDelivery>
{
    public OpenDigestLeaderSpec(Guid userId, NotificationChannel channel, string? recipient, DateTime now, DateTime notAfter)
    {
        Query.Where(d => d.UserId == userId && d.Channel == channel && d.Recipient == recipient
            && d.Status == DeliveryStatus.Scheduled && d.StatusReason == DeliveryReasons.Digest && d.DigestLeaderId == null
            && d.NextAttemptAt > now && d.NextAttemptAt <= notAfter);
        Query.OrderBy(d => d.NextAttemptAt!).Take(1);
    }
}
