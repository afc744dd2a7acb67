using Ardalis.Specification;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.ApiKeys.Queries.ListApiKeyAuditLogs;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Application.ApiKeys.Specifications;

/// <summary>A user's audit rows about one API key, newest first (UUID v7 ids break ties).</summary>
public sealed class ApiKeyAuditLogsSpec : Specification<AuditLog, ApiKeyAuditLogDto>
{
    public ApiKeyAuditLogsSpec(Guid userId, Guid apiKeyId, int limit, int offset) =>
        Query.Where(a => a.UserId == userId && a.ResourceType == ApiKeyAccess.ResourceType && a.ResourceId == apiKeyId)
            .OrderByDescending(a => a.Timestamp)
            .ThenByDescending(a => a.Id)
            .Skip(offset).Take(limit);
}
