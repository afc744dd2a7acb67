using System.Globalization;
using MediatR;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Commands.RewrapApiKeys;

/// <summary>
/// Each key keeps its hints, counters and rotation date; only the ciphertexts, their version and format change. An unknown master
/// key version stops the run (<see cref="UnknownMasterKeyVersionException"/> names it); a row that fails the integrity
/// check is counted and left for its owner to rotate, so one bad row cannot stall the run.
/// </summary>
internal sealed class RewrapApiKeysCommandHandler(
    IRepository<ApiKey> apiKeys,
    ICredentialCipher cipher,
    AuditScope audit,
    ILogger<RewrapApiKeysCommandHandler> logger) : IRequestHandler<RewrapApiKeysCommand, ApiKeyRewrapBatch>
{
    public async Task<ApiKeyRewrapBatch> Handle(RewrapApiKeysCommand request, CancellationToken cancellationToken)
    {
        var active = cipher.ActiveKeyVersion;
        var batch = await apiKeys.ListAsync(new ApiKeysToRewrapSpec(request.After, request.BatchSize), cancellationToken);
        var (rewrapped, failed) = (0, 0);
        foreach (var key in batch)
        {
            if (!cipher.NeedsResealing(key.GetCiphertexts()))
            {
                continue;
            }

            if (!cipher.CheckIntegrity(CredentialContext.For(key), key.GetCiphertexts()))
            {
                logger.LogWarning("API key {ApiKeyId} failed the integrity check and was not re-encrypted", key.Id);
                failed++;
                continue;
            }

            key.ReplaceCiphertexts(cipher.Reencrypt(CredentialContext.For(key), key.GetCiphertexts()));
            rewrapped++;
        }

        audit.Target(ApiKeyAccess.ResourceType, null).Describe(string.Create(
            CultureInfo.InvariantCulture,
            $"Re-encrypted {rewrapped} API keys under master key version {active}; {failed} failed the integrity check"));
        return new ApiKeyRewrapBatch(rewrapped, failed, batch.Count == 0 ? request.After : batch[^1].Id, batch.Count == request.BatchSize, active);
    }
}
