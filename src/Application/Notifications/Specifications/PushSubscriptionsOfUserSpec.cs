using Ardalis.Specification;
using RiskPlatform.Domain.Notifications.Push;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The user's subscribed browsers, oldest first (dispatch sends to each).</summary>
public sealed class PushSubscriptionsOfUserSpec : Specification<PushSubscription>
{
    public PushSubscriptionsOfUserSpec(Guid userId) => Query.Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id);
}
