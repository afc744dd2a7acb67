using Ardalis.Specification;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The endpoints an outbox batch's webhook rows go to, in one query, whoever owns them.</summary>
public sealed class WebhookEndpointsByIdsSpec : Specification<WebhookEndpoint>
{
    public WebhookEndpointsByIdsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(e => ids.Contains(e.Id));
}
