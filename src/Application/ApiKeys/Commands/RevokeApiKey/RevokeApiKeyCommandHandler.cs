using MediatR;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Commands.RevokeApiKey;

internal sealed class RevokeApiKeyCommandHandler(
    IRepository<ApiKey> apiKeys,
    ICurrentUser currentUser,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<RevokeApiKeyCommand, Unit>
{
    public async Task<Unit> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = await ApiKeyAccess.LoadOwnedAsync(apiKeys, request.Id, currentUser.RequireUserId(), audit, cancellationToken);
        audit.Describe($"Revoke API key '{key.Name}'");
        key.Revoke(timeProvider.GetUtcNow().UtcDateTime);
        return Unit.Value;
    }
}
