using Mapster;
using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Queries.ListWebhooks;

/// <summary>Loads the (few, capped per user) endpoints and maps them in memory: the type list is one stored column.</summary>
internal sealed class ListWebhooksQueryHandler(IReadRepository<WebhookEndpoint> endpoints, ICurrentUser currentUser, TypeAdapterConfig mapping)
    : IRequestHandler<ListWebhooksQuery, IReadOnlyList<WebhookDto>>
{
    public async Task<IReadOnlyList<WebhookDto>> Handle(ListWebhooksQuery request, CancellationToken cancellationToken)
    {
        var rows = await endpoints.ListAsync(new WebhookEndpointsOfUserSpec(currentUser.RequireUserId()), cancellationToken);
        return [.. rows.Select(e => e.Adapt<WebhookDto>(mapping))];
    }
}
