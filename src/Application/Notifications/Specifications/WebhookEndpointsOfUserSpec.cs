using Ardalis.Specification;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The user's endpoints, oldest first; only the active ones when <paramref name="activeOnly"/> (what dispatch reads).</summary>
public sealed class WebhookEndpointsOfUserSpec : Specification<WebhookEndpoint>
{
    public WebhookEndpointsOfUserSpec(Guid userId, bool activeOnly = false)
    {
        Query.Where(e => e.UserId == userId);
        if (activeOnly)
        {
            Query.Where(e => e.IsActive);
        }

        Query.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id);
    }
}
