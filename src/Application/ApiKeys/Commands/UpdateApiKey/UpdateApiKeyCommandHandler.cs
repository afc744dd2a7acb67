using MediatR;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.ApiKeys.Commands.UpdateApiKey;

internal sealed class UpdateApiKeyCommandHandler(
    IRepository<ApiKey> apiKeys,
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

        // The allow-list depends on the key's broker, which the validator does not know.
        if (!string.IsNullOrWhiteSpace(request.BaseUrl) && !BrokerEndpoints.IsAllowed(key.Broker, request.BaseUrl.Trim()))
        {
            throw new ValidationException(
                "base_url",
                $"base_url must be an https URL on one of the official hosts: {string.Join(", ", BrokerEndpoints.AllowedHosts(key.Broker).Order(StringComparer.Ordinal))}.");
        }

        key.UpdateMetadata(request.Name, request.Description, request.AccountId, request.BaseUrl, request.IsPaperTrading, request.Status, now);
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
}
