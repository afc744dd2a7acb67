using MediatR;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.ApiKeys.Commands.UpdateApiKey;

internal sealed class UpdateApiKeyCommandHandler(
    IRepository<ApiKey> apiKeys,
    ICredentialCipher cipher,
    IApiKeyDefaults defaults,
    ICurrentUser currentUser,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<UpdateApiKeyCommand, ApiKeyDto>
{
    public async Task<ApiKeyDto> Handle(UpdateApiKeyCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var key = await ApiKeyAccess.LoadOwnedAsync(apiKeys, request.Id, userId, audit, cancellationToken);
        audit.Describe($"Update API key '{key.Name}'");

        if (request.Name is { } name && await apiKeys.AnyAsync(new LiveApiKeyByNameSpec(userId, name, key.Id), cancellationToken))
        {
            throw new ConflictException("api_key.name_taken", "You already have an API key with this name.");
        }

        // The allow-list depends on the key's broker and mode, which the validator does not know: a new base_url must suit the
        // key's (new) mode, and a new mode the key's (new) base_url.
        var baseUrl = request.BaseUrl is null ? key.BaseUrl : request.BaseUrl.Trim() is { Length: > 0 } given ? given : null;
        var isPaperTrading = request.IsPaperTrading ?? key.IsPaperTrading;
        if (baseUrl is not null && !BrokerEndpoints.IsAllowed(key.Broker, baseUrl, isPaperTrading))
        {
            throw new ValidationException(
                request.BaseUrl is null ? "is_paper_trading" : "base_url",
                ApiKeyValidationRules.BaseUrlMessage(key.Broker, isPaperTrading));
        }

        var boundTo = CredentialContext.For(key);
        key.UpdateMetadata(request.Name, request.Description, request.AccountId, request.BaseUrl, request.IsPaperTrading, request.Status, now);
        Rebind(key, boundTo);
        switch (request.IsDefault)
        {
            case true when !key.IsDefault:
                key.SetDefault(now);
                await defaults.ClearDefaultAsync(userId, key.Broker, key.Id, now, cancellationToken);
                break;
            case false:
                key.ClearDefault();
                break;
        }

        key.UpdatedAt = now;
        return ApiKeyDto.From(key, now);
    }

    /// <summary>
    /// The credentials are bound to the key's base URL and mode: when either changed, they are opened for the old ones and
    /// sealed for the new. Ciphertexts that already open for the new ones (an owner putting back the address their key was
    /// sealed for) stay. Ciphertexts that open for neither are refused, so a tampered row is never sealed afresh.
    /// </summary>
    private void Rebind(ApiKey key, CredentialContext boundTo)
    {
        var context = CredentialContext.For(key);
        if (context == boundTo)
        {
            return;
        }

        try
        {
            if (!cipher.CheckIntegrity(context, key.GetCiphertexts()))
            {
                key.ReplaceCiphertexts(cipher.Reencrypt(boundTo, context, key.GetCiphertexts()));
            }
        }
        catch (CredentialIntegrityException)
        {
            throw new ConflictException(
                "api_key.integrity_failed",
                "The stored credentials failed their integrity check, so they were not moved to the new base_url or mode; rotate the key.");
        }
        catch (UnknownMasterKeyVersionException exception)
        {
            throw ServiceUnavailableException.MasterKeyUnavailable(exception);
        }
    }
}
