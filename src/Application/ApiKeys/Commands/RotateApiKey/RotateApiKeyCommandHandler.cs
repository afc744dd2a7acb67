using MediatR;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Commands.RotateApiKey;

internal sealed class RotateApiKeyCommandHandler(
    IRepository<ApiKey> apiKeys,
    ICredentialCipher cipher,
    ICurrentUser currentUser,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<RotateApiKeyCommand, ApiKeyDto>
{
    public async Task<ApiKeyDto> Handle(RotateApiKeyCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var key = await ApiKeyAccess.LoadOwnedAsync(apiKeys, request.Id, currentUser.RequireUserId(), audit, cancellationToken);
        audit.Describe($"Rotate the credentials of API key '{key.Name}'");

        var ciphertexts = cipher.Encrypt(CredentialContext.For(key), request.NewApiKey, request.NewApiSecret);
        key.Rotate(ciphertexts, CredentialHints.KeyHint(request.NewApiKey), CredentialHints.SecretHint(request.NewApiSecret), now);
        key.UpdatedAt = now;
        return ApiKeyDto.From(key, now);
    }
}
