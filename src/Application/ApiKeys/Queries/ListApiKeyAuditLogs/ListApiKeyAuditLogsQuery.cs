using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.ApiKeys.Queries.ListApiKeyAuditLogs;

/// <summary>The caller's own audit rows for one of their keys, newest first.</summary>
public sealed record ListApiKeyAuditLogsQuery(Guid Id, int Limit = 100, int Offset = 0) : IQuery<IReadOnlyList<ApiKeyAuditLogDto>>;
