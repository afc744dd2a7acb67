using MediatR;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Queries.GetApiKey;

internal sealed class GetApiKeyQueryHandler(IReadRepository<ApiKey> apiKeys, ICurrentUser currentUser, AuditScope audit, TimeProvider timeProvider)
    : IRequestHandler<GetApiKeyQuery, ApiKeyDto>
{
    public async Task<ApiKeyDto> Handle(GetApiKeyQuery request, CancellationToken cancellationToken)
    {
        var key = await ApiKeyAccess.LoadOwnedAsync(apiKeys, request.Id, currentUser.RequireUserId(), audit, cancellationToken);
        return ApiKeyDto.From(key, timeProvider.GetUtcNow().UtcDateTime);
    }
}
