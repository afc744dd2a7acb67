using Mapster;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Commands.RegisterWebhook;

/// <summary>
/// The URL is checked against the request-forgery guard here (DNS resolved now) and again at every send. The new secret is
/// stored sealed (<see cref="IWebhookSecretVault"/>) and shown once, in the answer.
/// </summary>
internal sealed class RegisterWebhookCommandHandler(
    IRepository<WebhookEndpoint> endpoints,
    IWebhookUrlGuard urlGuard,
    ICurrentUser currentUser,
    AuditScope audit,
    IWebhookSecretVault vault,
    IOptions<WebhookOptions> options,
    TypeAdapterConfig mapping,
    TimeProvider timeProvider) : IRequestHandler<RegisterWebhookCommand, RegisteredWebhookDto>
{
    public async Task<RegisteredWebhookDto> Handle(RegisterWebhookCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var url = new Uri(request.Url!.Trim(), UriKind.Absolute);
        if (await urlGuard.RefusalAsync(url, cancellationToken) is { } refusal)
        {
            throw new ValidationException("url", refusal);
        }

        var max = options.Value.MaxEndpointsPerUser;
        if (await endpoints.CountAsync(new WebhookEndpointsOfUserSpec(userId), cancellationToken) >= max)
        {
            throw new ConflictException("webhook.limit_reached", $"A user may register at most {max} webhook endpoints; delete one first.");
        }

        // The secret is sealed for this endpoint before the aggregate sees it; the answer is the only place it appears.
        var id = Guid.CreateVersion7();
        var secret = WebhookSecret.New();
        var endpoint = WebhookEndpoint.Create(
            id, userId, url, request.NotificationTypes ?? [], vault.Seal(userId, id, secret), timeProvider.GetUtcNow().UtcDateTime);
        endpoints.Add(endpoint);
        audit.Target("webhook_endpoint", endpoint.Id).Describe("Registered a webhook endpoint");
        return endpoint.Adapt<RegisteredWebhookDto>(mapping) with { Secret = secret };
    }
}
