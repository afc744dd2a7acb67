using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The waiting rows that joined any of these leading digest rows (tracked: they are recorded with their leader).</summary>
public sealed class OpenDigestFollowersSpec : Specification<NotificationDelivery>
{
    public OpenDigestFollowersSpec(IReadOnlyCollection<Guid> leaderIds) =>
        Query.Where(d => d.DigestLeaderId != null && leaderIds.Contains(d.DigestLeaderId.Value)
            && (d.Status == DeliveryStatus.Scheduled || d.Status == DeliveryStatus.Pending));
}
