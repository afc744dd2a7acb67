using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Commands.RotateWebhookSecret;

internal sealed class RotateWebhookSecretCommandHandler(
    IRepository<WebhookEndpoint> endpoints,
    ICurrentUser currentUser,
    AuditScope audit,
    IWebhookSecretVault vault,
    IOptions<WebhookOptions> options,
    TimeProvider timeProvider) : IRequestHandler<RotateWebhookSecretCommand, RotatedWebhookSecretDto>
{
    public async Task<RotatedWebhookSecretDto> Handle(RotateWebhookSecretCommand request, CancellationToken cancellationToken)
    {
        audit.Target("webhook_endpoint", request.Id).Describe("Rotated a webhook signing secret");
        var endpoint = await endpoints.LoadOwnedAsync(request.Id, currentUser.RequireUserId(), cancellationToken);
        var secret = WebhookSecret.New();
        endpoint.RotateSecret(vault.Seal(endpoint.UserId, endpoint.Id, secret), timeProvider.GetUtcNow().UtcDateTime, options.Value.SecretOverlap);
        return new RotatedWebhookSecretDto(endpoint.Id, secret, endpoint.PreviousSecretExpiresAt!.Value);
    }
}
