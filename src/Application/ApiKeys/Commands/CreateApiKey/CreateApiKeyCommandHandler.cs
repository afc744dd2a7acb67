using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.ApiKeys.Commands.CreateApiKey;

internal sealed class CreateApiKeyCommandHandler(
    IRepository<ApiKey> apiKeys,
    ICredentialCipher cipher,
    IApiKeyDefaults defaults,
    ICurrentUser currentUser,
    AuditScope audit,
    IOptions<VaultOptions> options,
    ITradingLock userLock,
    TimeProvider timeProvider) : IRequestHandler<CreateApiKeyCommand, ApiKeyDto>
{
    public async Task<ApiKeyDto> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        audit.Target(ApiKeyAccess.ResourceType, id).Describe($"Create {request.Broker} API key '{request.Name.Trim()}'");

        // Count-then-insert: without the user's lock two concurrent creates both see room for one more key.
        await userLock.AcquireAsync(userId, cancellationToken);
        var maxKeys = options.Value.MaxKeysPerUser;
        if (await apiKeys.CountAsync(new LiveApiKeysForUserSpec(userId), cancellationToken) >= maxKeys)
        {
            throw new ConflictException("api_key.limit_reached", $"A user may hold at most {maxKeys} API keys; revoke one first.");
        }

        // The filtered unique index on (user_id, name) is the guard; this check gives the common case a clear message.
        if (await apiKeys.AnyAsync(new LiveApiKeyByNameSpec(userId, request.Name), cancellationToken))
        {
            throw new ConflictException("api_key.name_taken", "You already have an API key with this name.");
        }

        var ciphertexts = cipher.Encrypt(
            CredentialContext.For(userId, id, request.Broker, request.BaseUrl, request.IsPaperTrading), request.ApiKey, request.ApiSecret);
        var key = ApiKey.Create(
            id,
            userId,
            request.Broker,
            request.Name,
            request.Description,
            request.AccountId,
            request.BaseUrl,
            request.IsPaperTrading,
            request.IsDefault,
            ciphertexts,
            CredentialHints.KeyHint(request.ApiKey),
            CredentialHints.SecretHint(request.ApiSecret),
            now,
            request.ExpiresAt?.ToUniversalTime());
        if (request.IsDefault)
        {
            await defaults.ClearDefaultAsync(userId, request.Broker, id, now, cancellationToken);
        }

        apiKeys.Add(key);
        key.CreatedAt = now;
        key.UpdatedAt = now;
        return ApiKeyDto.From(key, now);
    }
}
