using Ardalis.Specification;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The next <paramref name="take"/> endpoints of every user after <paramref name="after"/>, in id order (a keyset page, for the reseal).</summary>
public sealed class WebhookEndpointsAfterIdSpec : Specification<WebhookEndpoint>
{
    public WebhookEndpointsAfterIdSpec(Guid? after, int take)
    {
        if (after is { } id)
        {
            Query.Where(e => e.Id.CompareTo(id) > 0);
        }

        Query.OrderBy(e => e.Id).Take(take);
    }
}
