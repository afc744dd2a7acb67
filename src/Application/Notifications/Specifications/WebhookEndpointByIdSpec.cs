using Ardalis.Specification;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>One endpoint by id, whoever owns it (handlers check the owner and answer 404 for another user's).</summary>
public sealed class WebhookEndpointByIdSpec : Specification<WebhookEndpoint>
{
    public WebhookEndpointByIdSpec(Guid id) => Query.Where(e => e.Id == id);
}
