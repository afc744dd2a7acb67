using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Common.Paging;

namespace RiskPlatform.Application.AuditLogs.Queries.ListAuditLogs;

/// <summary>The caller's own audit trail, newest first.</summary>
public sealed record ListAuditLogsQuery(
    string? ResourceType = null,
    Guid? ResourceId = null,
    DateTime? From = null,
    DateTime? To = null,
    int Limit = PageRequest.DefaultLimit,
    int Offset = 0) : IQuery<IReadOnlyList<AuditLogDto>>;
