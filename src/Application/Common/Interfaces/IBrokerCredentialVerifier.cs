using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Asks a broker whether a credential pair is accepted (a broker adapter implements it; none is registered yet, so every
/// broker answers <see cref="VerificationOutcome.Unsupported"/>). The verifier never receives plaintext: it builds its
/// signed request inside <see cref="DecryptedCredentialAccess.Use{TState, TResult}"/>, and sends it after the callback returns.
/// </summary>
public interface IBrokerCredentialVerifier
{
    bool Supports(Broker broker);

    Task<BrokerVerificationResult> VerifyAsync(BrokerCredentialTarget target, DecryptedCredentialAccess credentials, CancellationToken cancellationToken);
}
