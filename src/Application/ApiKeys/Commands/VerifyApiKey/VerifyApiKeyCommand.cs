using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.ApiKeys.Commands.VerifyApiKey;

/// <summary>Decrypts the stored credentials, checks their integrity and, where a broker adapter exists, asks the broker.</summary>
public sealed record VerifyApiKeyCommand(Guid Id) : ICommand<ApiKeyVerificationDto>;
