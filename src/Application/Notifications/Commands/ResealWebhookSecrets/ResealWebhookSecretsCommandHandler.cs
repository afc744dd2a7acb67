using System.Globalization;
using MediatR;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Commands.ResealWebhookSecrets;

/// <summary>
/// Opens each stored secret (a plain <c>whsec_</c> one as it is) and seals it again for its endpoint under the active
/// master key; the secrets that sign do not change. An unknown master key version stops the run
/// (<see cref="UnknownMasterKeyVersionException"/> names it); a secret that fails the integrity check is counted and left
/// for its owner to rotate, so one bad row cannot stall the run. Endpoints are few per user, so the batch reads every
/// endpoint in id order and reseals the ones that need it.
/// </summary>
internal sealed partial class ResealWebhookSecretsCommandHandler(
    IRepository<WebhookEndpoint> endpoints,
    IWebhookSecretVault vault,
    AuditScope audit,
    ILogger<ResealWebhookSecretsCommandHandler> logger) : IRequestHandler<ResealWebhookSecretsCommand, WebhookResealBatch>
{
    public async Task<WebhookResealBatch> Handle(ResealWebhookSecretsCommand request, CancellationToken cancellationToken)
    {
        var batch = await endpoints.ListAsync(new WebhookEndpointsAfterIdSpec(request.After, request.BatchSize), cancellationToken);
        var (resealed, failed) = (0, 0);
        foreach (var endpoint in batch)
        {
            if (!vault.NeedsResealing(endpoint.Secret) && (endpoint.PreviousSecret is null || !vault.NeedsResealing(endpoint.PreviousSecret)))
            {
                continue;
            }

            try
            {
                endpoint.ResealSecrets(Reseal(endpoint, endpoint.Secret), endpoint.PreviousSecret is { } previous ? Reseal(endpoint, previous) : null);
                resealed++;
            }
            catch (CredentialIntegrityException)
            {
                LogIntegrityFailed(logger, endpoint.Id);
                failed++;
            }
        }

        audit.Target("webhook_endpoint", null).Describe(string.Create(
            CultureInfo.InvariantCulture,
            $"Sealed the signing secrets of {resealed} webhook endpoints under the active master key; {failed} failed the integrity check"));
        return new WebhookResealBatch(resealed, failed, batch.Count == 0 ? request.After : batch[^1].Id, batch.Count == request.BatchSize);
    }

    private string Reseal(WebhookEndpoint endpoint, string stored) =>
        vault.Seal(endpoint.UserId, endpoint.Id, vault.Open(endpoint.UserId, endpoint.Id, stored));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {WebhookEndpointId}: its stored secret failed the integrity check and was not resealed")]
    private static partial void LogIntegrityFailed(ILogger logger, Guid webhookEndpointId);
}
