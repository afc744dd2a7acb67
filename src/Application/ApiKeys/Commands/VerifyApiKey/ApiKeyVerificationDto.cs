using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Commands.VerifyApiKey;

/// <summary>
/// <see cref="IsValid"/> is true when the stored credentials are intact and no broker refused them (a broker without an
/// adapter answers <see cref="VerificationOutcome.Unsupported"/>, which does not make the key invalid).
/// </summary>
public sealed record ApiKeyVerificationDto(
    bool IsValid,
    DateTime VerifiedAt,
    string Message,
    bool IntegrityOk,
    VerificationOutcome BrokerCheck);
