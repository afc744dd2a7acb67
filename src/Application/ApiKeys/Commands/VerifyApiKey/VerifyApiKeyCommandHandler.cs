using MediatR;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.ApiKeys.Commands.VerifyApiKey;

/// <summary>
/// A failed check is an answer, not an error: the counters and last_error commit, the response says what failed, and
/// the audit row is marked failed (<see cref="AuditScope.Fail"/>).
/// </summary>
internal sealed class VerifyApiKeyCommandHandler(
    IRepository<ApiKey> apiKeys,
    ICredentialCipher cipher,
    IEnumerable<IBrokerCredentialVerifier> verifiers,
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

    private bool CheckIntegrity(CredentialContext context, CredentialCiphertexts ciphertexts)
    {
        try
        {
            return cipher.CheckIntegrity(context, ciphertexts);
        }
        catch (UnknownMasterKeyVersionException exception)
        {
            // A configuration problem, not the user's: answer 503 (audited as failed) and leave the key as it is.
            throw new ServiceUnavailableException("master_key_unavailable", exception.Message, exception);
        }
    }
}
