using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Common;

/// <summary>Loads an endpoint for its owner: a missing one and another user's are the same 404.</summary>
internal static class OwnedWebhookEndpoints
{
    public static async Task<WebhookEndpoint> LoadOwnedAsync(
        this IReadRepository<WebhookEndpoint> endpoints, Guid id, Guid userId, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FirstOrDefaultAsync(new WebhookEndpointByIdSpec(id), cancellationToken)
            ?? throw new NotFoundException("WebhookEndpoint", id);
        return endpoint.UserId == userId ? endpoint : throw new NotFoundException("WebhookEndpoint", id, belongsToAnotherUser: true);
    }
}
