using MediatR;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.BrokerBindings.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.ApiKeys.Commands.VerifyApiKey;

/// <summary>
/// A failed check is an answer, not an error: the counters and last_error commit, the response says what failed, and
/// the audit row is marked failed (<see cref="AuditScope.Fail"/>). A trading account bound to the key follows the answer:
/// accepted credentials make it active again (the way back from broker_unavailable), rejected or corrupt ones make it
/// broker_unavailable; an unreachable broker leaves it as it is.
/// </summary>
internal sealed class VerifyApiKeyCommandHandler(
    IRepository<ApiKey> apiKeys,
    ICredentialCipher cipher,
    IEnumerable<IBrokerCredentialVerifier> verifiers,
    IRepository<BrokerBinding> bindings,
    ICurrentUser currentUser,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<VerifyApiKeyCommand, ApiKeyVerificationDto>
{
    public async Task<ApiKeyVerificationDto> Handle(VerifyApiKeyCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var key = await ApiKeyAccess.LoadOwnedAsync(apiKeys, request.Id, currentUser.RequireUserId(), audit, cancellationToken);
        audit.Describe($"Verify API key '{key.Name}'");
        switch (key.EffectiveStatus(now))
        {
            case ApiKeyStatus.Revoked:
                throw new ConflictException("api_key.revoked", "The API key is revoked.");
            case ApiKeyStatus.Expired:
                throw new ConflictException("api_key.expired", "The API key has expired.");
        }

        var context = CredentialContext.For(key);
        var ciphertexts = key.GetCiphertexts();
        var integrityOk = CheckIntegrity(context, ciphertexts);

        var result = new BrokerVerificationResult(VerificationOutcome.Unsupported, null);
        var verifier = integrityOk ? verifiers.FirstOrDefault(v => v.Supports(key.Broker)) : null;
        if (verifier is not null)
        {
            var target = new BrokerCredentialTarget(key.Id, key.Broker, key.EffectiveBaseUrl, key.IsPaperTrading, key.AccountId);
            result = await verifier.VerifyAsync(target, new DecryptedCredentialAccess(cipher, context, ciphertexts), cancellationToken);
        }

        key.RecordVerification(result.Outcome, integrityOk, result.Message, now);
        key.UpdatedAt = now;
        await FollowOnBindingsAsync(key.Id, integrityOk, result, now, cancellationToken);

        var (isValid, message, failure) = (integrityOk, result.Outcome) switch
        {
            (false, _) => (false, "The stored credentials failed the integrity check; the key was deactivated. Rotate it.", "integrity_failed"),
            (true, VerificationOutcome.Ok) => (true, "The broker accepted the credentials.", null),
            (true, VerificationOutcome.Rejected) => (false, "The broker rejected the credentials.", "broker_rejected"),
            (true, VerificationOutcome.Unreachable) => (false, "The broker could not be reached; the credentials were not checked.", "broker_unreachable"),
            _ => (true, $"The stored credentials are intact; no broker check is available for {key.Broker} yet.", (string?)null),
        };
        if (failure is not null)
        {
            audit.Fail(failure);
        }

        return new ApiKeyVerificationDto(isValid, now, message, integrityOk, result.Outcome);
    }

    private async Task FollowOnBindingsAsync(Guid apiKeyId, bool integrityOk, BrokerVerificationResult result, DateTime now, CancellationToken cancellationToken)
    {
        if (integrityOk && result.Outcome is not (VerificationOutcome.Ok or VerificationOutcome.Rejected))
        {
            return;
        }

        foreach (var binding in await bindings.ListAsync(new BrokerBindingsForApiKeySpec(apiKeyId), cancellationToken))
        {
            var changed = (integrityOk, result.Outcome) switch
            {
                (false, _) => binding.MarkUnavailable("The bound API key failed its integrity check; rotate it.", now),
                (true, VerificationOutcome.Ok) => binding.MarkAvailable(now),
                _ => binding.MarkUnavailable(result.Message ?? "The broker rejected the bound API key.", now),
            };
            if (changed)
            {
                binding.UpdatedAt = now;
            }
        }
    }

    private bool CheckIntegrity(CredentialContext context, CredentialCiphertexts ciphertexts)
    {
        try
        {
            return cipher.CheckIntegrity(context, ciphertexts);
        }
        catch (UnknownMasterKeyVersionException exception)
        {
            // A configuration problem, not the user's: answer 503 (audited as failed) and leave the key as it is.
            throw ServiceUnavailableException.MasterKeyUnavailable(exception);
        }
    }
}
