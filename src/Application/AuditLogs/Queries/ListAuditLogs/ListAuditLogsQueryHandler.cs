using MediatR;
using RiskPlatform.Application.AuditLogs.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Application.AuditLogs.Queries.ListAuditLogs;

internal sealed class ListAuditLogsQueryHandler(IReadRepository<AuditLog> auditLogs, ICurrentUser currentUser)
    : IRequestHandler<ListAuditLogsQuery, IReadOnlyList<AuditLogDto>>
{
    public async Task<IReadOnlyList<AuditLogDto>> Handle(ListAuditLogsQuery request, CancellationToken cancellationToken) =>
        await auditLogs.ListAsync(new AuditLogsForUserSpec(currentUser.RequireUserId(), request), cancellationToken);
}
