using System.Globalization;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Webhooks;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Commands.SendWebhookTest;

/// <summary>
/// The one webhook send outside the outbox: the caller waits for the answer, and nothing is stored, so there is nothing
/// to retry. The sender applies the request-forgery guard at connect time like every delivery.
/// </summary>
internal sealed class SendWebhookTestCommandHandler(
    IReadRepository<WebhookEndpoint> endpoints,
    IWebhookSender sender,
    IWebhookSecretVault vault,
    ICurrentUser currentUser,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<SendWebhookTestCommand, WebhookTestResultDto>
{
    public async Task<WebhookTestResultDto> Handle(SendWebhookTestCommand request, CancellationToken cancellationToken)
    {
        audit.Target("webhook_endpoint", request.Id).Describe("Sent a webhook test ping");
        var endpoint = await endpoints.LoadOwnedAsync(request.Id, currentUser.RequireUserId(), cancellationToken);
        var now = timeProvider.GetUtcNow();
        var message = new WebhookMessage(
            new Uri(endpoint.Url),
            string.Create(CultureInfo.InvariantCulture, $"msg_{Guid.CreateVersion7():N}"),
            now,
            WebhookEvents.Ping(endpoint.Id, now),
            vault.OpenSigningSecrets(endpoint, now.UtcDateTime));
        var result = await sender.SendAsync(message, cancellationToken);
        return new WebhookTestResultDto(result.Outcome == WebhookSendOutcome.Delivered, result.StatusCode, result.Error, (long)result.Duration.TotalMilliseconds);
    }
}
