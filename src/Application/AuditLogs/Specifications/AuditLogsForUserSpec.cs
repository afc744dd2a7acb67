using Ardalis.Specification;
using RiskPlatform.Application.AuditLogs.Queries.ListAuditLogs;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Application.AuditLogs.Specifications;

public sealed class AuditLogsForUserSpec : Specification<AuditLog, AuditLogDto>
{
    public AuditLogsForUserSpec(Guid userId, ListAuditLogsQuery filter)
    {
        Query.Where(a => a.UserId == userId);
        if (filter.ResourceType is { } resourceType)
        {
            Query.Where(a => a.ResourceType == resourceType);
        }

        if (filter.ResourceId is { } resourceId)
        {
            Query.Where(a => a.ResourceId == resourceId);
        }

        if (filter.From is { } fromValue)
        {
            var from = DateTime.SpecifyKind(fromValue.ToUniversalTime(), DateTimeKind.Utc);
            Query.Where(a => a.Timestamp >= from);
        }

        if (filter.To is { } toValue)
        {
            var to = DateTime.SpecifyKind(toValue.ToUniversalTime(), DateTimeKind.Utc);
            Query.Where(a => a.Timestamp <= to);
        }

        // UUID v7 ids break ties between rows written in the same instant, keeping pages stable.
        Query.OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Id).Skip(filter.Offset).Take(filter.Limit);
    }
}
