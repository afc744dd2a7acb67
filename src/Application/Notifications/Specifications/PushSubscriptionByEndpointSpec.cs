using Ardalis.Specification;
using RiskPlatform.Domain.Notifications.Push;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The user's subscription for one endpoint (by <see cref="PushSubscription.EndpointHash"/>, the unique key).</summary>
public sealed class PushSubscriptionByEndpointSpec : Specification<PushSubscription>
{
    public PushSubscriptionByEndpointSpec(Guid userId, string endpointHash) =>
        Query.Where(s => s.UserId == userId && s.EndpointHash == endpointHash);
}
