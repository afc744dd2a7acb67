using MediatR;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Application.ApiKeys.Queries.ListApiKeyAuditLogs;

internal sealed class ListApiKeyAuditLogsQueryHandler(
    IReadRepository<ApiKey> apiKeys,
    IReadRepository<AuditLog> auditLogs,
    ICurrentUser currentUser,
    AuditScope audit) : IRequestHandler<ListApiKeyAuditLogsQuery, IReadOnlyList<ApiKeyAuditLogDto>>
{
    public async Task<IReadOnlyList<ApiKeyAuditLogDto>> Handle(ListApiKeyAuditLogsQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        await ApiKeyAccess.LoadOwnedAsync(apiKeys, request.Id, userId, audit, cancellationToken);
        return await auditLogs.ListAsync(new ApiKeyAuditLogsSpec(userId, request.Id, request.Limit, request.Offset), cancellationToken);
    }
}
